package enablement_test

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
)

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// seeded returns a deterministic signer, so failures repeat.
func seeded(t *testing.T, name string, seed byte) enablement.Signer {
	t.Helper()
	s, err := enablement.NewSigner(name, bytes.NewReader(bytes.Repeat([]byte{seed}, 64)))
	require.NoError(t, err)
	return s
}

func issue(t *testing.T, s enablement.Signer, r enablement.Request, at time.Time) string {
	t.Helper()
	code, err := enablement.Issue(s, r, at, rand.Reader)
	require.NoError(t, err)
	return code
}

func TestVerifyAcceptsAndRefusesWithTheReason(t *testing.T) {
	staff := seeded(t, "Sam at Proof", 1)
	stranger := seeded(t, "Mallory", 2)
	trusted := []enablement.StaffKey{staff.Staff()}
	grant := enablement.Request{Org: "org_acme", Grants: []access.Grant{access.GrantAPIAccess}}
	good := issue(t, staff, grant, now)

	p, err := enablement.Verify(good, "org_acme", trusted, now.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, "Sam at Proof", p.Issuer)
	assert.Equal(t, staff.Staff().ID, p.KeyID)
	assert.Equal(t, []access.Grant{access.GrantAPIAccess}, p.Grants)
	assert.Regexp(t, `^enc_[0-9a-f]{24}$`, p.CodeID)

	// a code wrapped over several lines of an email still reads
	wrapped := good[:20] + "\n  " + good[20:60] + "\r\n" + good[60:]
	_, err = enablement.Verify(wrapped, "org_acme", trusted, now)
	assert.NoError(t, err)

	expiring := grant
	expiring.ExpiresAt = now.Add(24 * time.Hour)
	soon := issue(t, staff, expiring, now)
	_, err = enablement.Verify(soon, "org_acme", trusted, now.Add(23*time.Hour))
	assert.NoError(t, err)

	parts := strings.Split(good, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	forged := strings.Replace(string(payload), "org_acme", "org_evil", 1)
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(forged)) + "." + parts[2]
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sig[0] ^= 1
	badSig := parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString(sig)

	cases := []struct {
		name, code, org string
		trusted         []enablement.StaffKey
		at              time.Time
		want            error
	}{
		{"another org", good, "org_other", trusted, now, enablement.ErrOtherOrg},
		{"expired", soon, "org_acme", trusted, now.Add(25 * time.Hour), enablement.ErrExpired},
		{"payload changed", tampered, "org_evil", trusted, now, enablement.ErrTampered},
		{"signature changed", badSig, "org_acme", trusted, now, enablement.ErrTampered},
		{"untrusted key", issue(t, stranger, grant, now), "org_acme", trusted, now, enablement.ErrUntrusted},
		{"no trusted keys", good, "org_acme", nil, now, enablement.ErrUntrusted},
		{"cut short", good[:len(good)-10], "org_acme", trusted, now, enablement.ErrMalformed},
		{"not a code", "hello", "org_acme", trusted, now, enablement.ErrMalformed},
		{"empty", "", "org_acme", trusted, now, enablement.ErrMalformed},
		{"payload not json", "PKEN1.bm9wZQ." + parts[2], "org_acme", trusted, now, enablement.ErrMalformed},
	}
	for _, c := range cases {
		_, err := enablement.Verify(c.code, c.org, c.trusted, c.at)
		assert.ErrorIs(t, err, c.want, c.name)
	}
}

func TestIssueRefusesWhatCannotBeApplied(t *testing.T) {
	staff := seeded(t, "Sam", 1)
	_, err := enablement.Issue(staff, enablement.Request{Org: "org_a", Grants: []access.Grant{"payer_moon"}}, now, rand.Reader)
	assert.ErrorIs(t, err, enablement.ErrUnknownGrant)
	_, err = enablement.Issue(staff, enablement.Request{Org: "org_a"}, now, rand.Reader)
	assert.ErrorIs(t, err, enablement.ErrUnknownGrant)
	_, err = enablement.Issue(staff, enablement.Request{Org: " ", Grants: access.Grants}, now, rand.Reader)
	assert.ErrorIs(t, err, enablement.ErrMalformed)
}

func TestApplyGrantsWithdrawsAndRecords(t *testing.T) {
	staff := seeded(t, "Sam at Proof", 1)
	trusted := []enablement.StaffKey{staff.Staff()}
	o := access.Org{ID: "org_acme"}
	by := enablement.Applier{ID: "mem_1", Name: "Dana"}
	verify := func(code string) enablement.Payload {
		p, err := enablement.Verify(code, o.ID, trusted, now)
		require.NoError(t, err)
		return p
	}

	enableAll := verify(issue(t, staff, enablement.Request{Org: o.ID, Grants: access.Grants}, now))
	o, entries, err := enablement.Apply(o, enableAll, by, now.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{APIAccess: true, PayerInvoice: true, PayerOrganization: true}, o.Enablement)
	require.Len(t, entries, 3)
	assert.Equal(t, access.EnablementEntry{Grant: access.GrantAPIAccess, Enabled: true, CodeID: enableAll.CodeID,
		IssuedBy: "Sam at Proof", KeyID: staff.Staff().ID, IssuedAt: now, AppliedAt: now.Add(time.Minute),
		AppliedBy: "mem_1", AppliedByName: "Dana"}, entries[0])

	_, _, err = enablement.Apply(o, enableAll, by, now.Add(time.Hour))
	assert.ErrorIs(t, err, enablement.ErrAlreadyApplied)

	withdraw := verify(issue(t, staff, enablement.Request{Org: o.ID, Withdraw: true,
		Grants: []access.Grant{access.GrantPayerInvoice}}, now.Add(time.Hour)))
	o, _, err = enablement.Apply(o, withdraw, by, now.Add(2*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{APIAccess: true, PayerOrganization: true}, o.Enablement)

	// an "enable" issued before the withdrawal cannot undo it
	older := verify(issue(t, staff, enablement.Request{Org: o.ID, Grants: []access.Grant{access.GrantPayerInvoice}},
		now.Add(30*time.Minute)))
	_, _, err = enablement.Apply(o, older, by, now.Add(3*time.Hour))
	assert.ErrorIs(t, err, enablement.ErrSuperseded)

	current := enablement.Current(o)
	require.Len(t, current, 3)
	assert.False(t, current[1].Enabled)
	assert.Equal(t, access.GrantPayerInvoice, current[1].Grant)
	assert.Len(t, o.EnablementLog, 4)
}

func TestKeysRoundTrip(t *testing.T) {
	staff := seeded(t, "Sam", 7)
	text := enablement.FormatPublicKey(staff.Public())
	assert.True(t, strings.HasPrefix(text, "pkstaff1_"))
	pub, err := enablement.ParsePublicKey("  " + text + "\n")
	require.NoError(t, err)
	assert.Equal(t, staff.Public(), pub)
	for _, bad := range []string{"", "pkstaff1_", "pkstaff1_abc", "ssh-ed25519 AAAA", text[:len(text)-2]} {
		_, err := enablement.ParsePublicKey(bad)
		assert.ErrorIs(t, err, enablement.ErrBadKey, bad)
	}
	priv, err := enablement.ParsePrivateKey(enablement.FormatPrivateKey(staff.Key))
	require.NoError(t, err)
	assert.Equal(t, staff.Key, priv)
	_, err = enablement.ParsePrivateKey(text)
	assert.ErrorIs(t, err, enablement.ErrBadKey)
	assert.Regexp(t, `^stk_[0-9a-f]{16}$`, enablement.KeyID(pub))
}

func TestTrustedAddsOrgKeysToBuiltIn(t *testing.T) {
	staff := seeded(t, "Sam", 3)
	o := access.Org{StaffKeys: []access.StaffKey{
		{Name: "Sam", PublicKey: enablement.FormatPublicKey(staff.Public()), Demo: true},
		{Name: "broken", PublicKey: "pkstaff1_zz"},
	}}
	got := enablement.Trusted(o)
	require.Len(t, got, len(enablement.BuiltIn())+1)
	last := got[len(got)-1]
	assert.Equal(t, staff.Staff().ID, last.ID)
	assert.True(t, last.Demo)
}
