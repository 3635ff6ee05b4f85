package enablement_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
	"proofkeys/backend/enablement/enablementtest"
)

var (
	now  = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	b64  = base64.RawURLEncoding
	acme = orgID()
)

func orgID() string {
	id, err := access.NewOrgID(rand.Reader)
	if err != nil {
		panic(err)
	}
	return id
}

func apiAccess(org string) enablement.Request {
	return enablement.Request{Org: org, Grants: []access.Grant{access.GrantAPIAccess}}
}

func TestACodeVerifiesFromTheRootAlone(t *testing.T) {
	proof := enablementtest.New(t, 1)
	code := proof.Code(apiAccess(acme), now)
	assert.True(t, strings.HasPrefix(code, "PKEN2."))

	p, err := enablement.Verify(code, acme, enablement.Trust{Roots: proof.Roots()}, now.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, "Sam at Proof", p.Issuer, "the name comes from the certificate")
	assert.Equal(t, enablement.KeyID(proof.Staff.Public()), p.KeyID)
	assert.Equal(t, proof.CertID(), p.CertID)
	assert.Equal(t, proof.Root.Root().ID, p.Root.ID)
	assert.Equal(t, []access.Grant{access.GrantAPIAccess}, p.Grants)
	assert.Regexp(t, `^enc_[0-9a-f]{24}$`, p.CodeID)

	// a code wrapped over several lines of an email still reads
	wrapped := code[:20] + "\n  " + code[20:60] + "\r\n" + code[60:]
	_, err = enablement.Verify(wrapped, acme, proof.Trust(), now)
	assert.NoError(t, err)

	// the Organization ID may be typed in lower case: the code holds it as the app does
	lower := proof.Code(apiAccess(strings.ToLower(acme)), now)
	_, err = enablement.Verify(lower, acme, proof.Trust(), now)
	assert.NoError(t, err)
}

// parts returns the signed parts of a text: [prefix, body, sig, body, sig, ...].
func parts(text string) []string { return strings.Split(text, ".") }

// rewrite decodes a base64 JSON body, lets change edit it, and encodes it again.
func rewrite(t *testing.T, body string, change func(map[string]any)) string {
	t.Helper()
	raw, err := b64.DecodeString(body)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(raw, &m))
	change(m)
	raw, err = json.Marshal(m)
	require.NoError(t, err)
	return b64.EncodeToString(raw)
}

// forge signs a code body with staff's key by hand, next to cert: what a staff member
// could do who bypasses Issue's own checks.
func forge(t *testing.T, staff enablement.Signer, cert string, body map[string]any) string {
	t.Helper()
	raw, err := json.Marshal(body)
	require.NoError(t, err)
	enc := b64.EncodeToString(raw)
	sig := ed25519.Sign(staff.Key, []byte("proofkeys enablement code v2\n"+enc))
	c := parts(cert)
	return "PKEN2." + c[1] + "." + c[2] + "." + enc + "." + b64.EncodeToString(sig)
}

func certOf(t *testing.T, text string) enablement.Certificate {
	t.Helper()
	c, err := enablement.ReadCertificate(text)
	require.NoError(t, err)
	return c
}

// Every link of the chain is refused on its own, with its reason.
func TestEveryLinkIsRefusedOnItsOwn(t *testing.T) {
	proof := enablementtest.New(t, 1)
	other := enablementtest.New(t, 5)
	good := proof.Code(apiAccess(acme), now)
	p := parts(good)

	expiredCert := proof.Certify(proof.Staff, enablement.Terms{Grants: access.Grants,
		NotBefore: now.Add(-48 * time.Hour), NotAfter: now.Add(-24 * time.Hour)})
	fromExpired, err := enablement.Issue(proof.Staff, expiredCert, apiAccess(acme), now.Add(-36*time.Hour), rand.Reader)
	require.NoError(t, err)
	futureCert := proof.Certify(proof.Staff, enablement.Terms{Grants: access.Grants,
		NotBefore: now.Add(24 * time.Hour), NotAfter: now.Add(48 * time.Hour)})
	fromFuture, err := enablement.Issue(proof.Staff, futureCert, apiAccess(acme), now.Add(36*time.Hour), rand.Reader)
	require.NoError(t, err)

	apiOnly := proof.Certify(proof.Staff, enablement.Terms{Grants: []access.Grant{access.GrantAPIAccess},
		NotBefore: enablementtest.ValidFrom, NotAfter: enablementtest.ValidTo})
	beyondGrant := forge(t, proof.Staff, apiOnly, map[string]any{"v": 2, "org": acme,
		"grants": []string{"payer_invoice"}, "iat": now, "id": "enc_1", "cert": certOf(t, apiOnly).ID})

	moreGrants := rewrite(t, parts(apiOnly)[1], func(m map[string]any) {
		m["grants"] = []string{"api_access", "payer_invoice"}
	})
	alteredCert := strings.Replace(beyondGrant, parts(apiOnly)[1], moreGrants, 1)

	otherOrgBody := rewrite(t, p[3], func(m map[string]any) { m["org"] = orgID() })
	alteredCode := strings.Join([]string{p[0], p[1], p[2], otherOrgBody, p[4]}, ".")
	sig, _ := b64.DecodeString(p[4])
	sig[0] ^= 1
	alteredSig := strings.Join([]string{p[0], p[1], p[2], p[3], b64.EncodeToString(sig)}, ".")
	// a code signed by one staff key, carried with another staff member's certificate
	swappedCert := strings.Join([]string{p[0], parts(other.Cert)[1], parts(other.Cert)[2], p[3], p[4]}, ".")

	expiring := apiAccess(acme)
	expiring.ExpiresAt = now.Add(24 * time.Hour)
	soon := proof.Code(expiring, now)

	revoked := enablement.Trust{Roots: proof.Roots(), Revoked: func(id string) bool { return id == proof.CertID() }}
	cases := []struct {
		name, code string
		trust      enablement.Trust
		at         time.Time
		want       error
	}{
		{"unknown root", good, other.Trust(), now, enablement.ErrUntrusted},
		{"no roots at all", good, enablement.Trust{}, now, enablement.ErrUntrusted},
		{"expired certificate", fromExpired, proof.Trust(), now, enablement.ErrCertExpired},
		{"certificate not valid yet", fromFuture, proof.Trust(), now, enablement.ErrCertExpired},
		{"revoked certificate", good, revoked, now, enablement.ErrRevoked},
		{"grant not in the certificate", beyondGrant, proof.Trust(), now, enablement.ErrGrantNotCertified},
		{"altered certificate", alteredCert, proof.Trust(), now, enablement.ErrTampered},
		{"certificate of another key", swappedCert, enablement.Trust{Roots: append(proof.Roots(), other.Roots()...)}, now, enablement.ErrTampered},
		{"altered code", alteredCode, proof.Trust(), now, enablement.ErrTampered},
		{"altered signature", alteredSig, proof.Trust(), now, enablement.ErrTampered},
		{"code expired", soon, proof.Trust(), now.Add(25 * time.Hour), enablement.ErrExpired},
	}
	for _, c := range cases {
		_, err := enablement.Verify(c.code, acme, c.trust, c.at)
		assert.ErrorIs(t, err, c.want, c.name)
	}
	_, err = enablement.Verify(soon, acme, proof.Trust(), now.Add(23*time.Hour))
	assert.NoError(t, err, "a code is good until it expires")
}

func TestARefusedCodeSaysWhichOrganizationItWasMadeFor(t *testing.T) {
	proof := enablementtest.New(t, 1)
	mine := orgID()
	_, err := enablement.Verify(proof.Code(apiAccess(acme), now), mine, proof.Trust(), now)
	require.ErrorIs(t, err, enablement.ErrOtherOrg)
	var refusal *enablement.Refusal
	require.ErrorAs(t, err, &refusal)
	assert.Equal(t, acme, refusal.Org)
	assert.Equal(t, "Sam at Proof", refusal.Issuer)
	assert.Contains(t, err.Error(), acme)
	assert.Contains(t, err.Error(), mine)

	_, err = enablement.Verify(proof.Code(apiAccess(acme), now), acme, enablementtest.New(t, 9).Trust(), now)
	require.ErrorAs(t, err, &refusal, "every refusal of a readable code says it")
	assert.Equal(t, acme, refusal.Org)
}

func TestTextsThatAreNotCodes(t *testing.T) {
	proof := enablementtest.New(t, 1)
	good := proof.Code(apiAccess(acme), now)
	old := "PKEN1.eyJ2IjoxfQ." + strings.Repeat("A", 86)
	cases := map[string]error{
		"cut short":        enablement.ErrMalformed,
		"not a code":       enablement.ErrMalformed,
		"":                 enablement.ErrMalformed,
		"payload not json": enablement.ErrMalformed,
		"old form":         enablement.ErrOldForm,
	}
	texts := map[string]string{"cut short": good[:len(good)-10], "not a code": "hello", "": "",
		"payload not json": strings.Join(append(parts(good)[:3], "bm9wZQ", parts(good)[4]), "."), "old form": old}
	for name, want := range cases {
		_, err := enablement.Verify(texts[name], acme, proof.Trust(), now)
		assert.ErrorIs(t, err, want, name)
	}
}

func TestIssueRefusesWhatWouldBeRefused(t *testing.T) {
	proof := enablementtest.New(t, 1)
	issue := func(cert string, r enablement.Request, at time.Time) error {
		_, err := enablement.Issue(proof.Staff, cert, r, at, rand.Reader)
		return err
	}
	mistyped := []byte(acme)
	mistyped[6] = map[bool]byte{true: 'A', false: 'B'}[mistyped[6] != 'A'] // one character slipped
	apiOnly := proof.Certify(proof.Staff, enablement.Terms{Grants: []access.Grant{access.GrantAPIAccess},
		NotBefore: now, NotAfter: now.Add(time.Hour)})
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"mistyped org", issue(proof.Cert, apiAccess(string(mistyped)), now), access.ErrOrgIDMistyped},
		{"not an org", issue(proof.Cert, apiAccess("org_bogus"), now), access.ErrOrgIDMalformed},
		{"unknown grant", issue(proof.Cert, enablement.Request{Org: acme, Grants: []access.Grant{"payer_moon"}}, now), enablement.ErrUnknownGrant},
		{"no grant", issue(proof.Cert, enablement.Request{Org: acme}, now), enablement.ErrUnknownGrant},
		{"grant not certified", issue(apiOnly, enablement.Request{Org: acme, Grants: access.Grants}, now), enablement.ErrGrantNotCertified},
		{"certificate expired", issue(apiOnly, apiAccess(acme), now.Add(2*time.Hour)), enablement.ErrCertExpired},
		{"certificate of another key", issue(enablementtest.New(t, 5).Cert, apiAccess(acme), now), enablement.ErrTampered},
		{"not a certificate", issue("PKCERT1.abc", apiAccess(acme), now), enablement.ErrMalformed},
	}
	for _, c := range cases {
		assert.ErrorIs(t, c.err, c.want, c.name)
	}
	assert.NoError(t, issue(proof.Cert, apiAccess("org_v4pukOcO7xwgicz1"), now), "an organization's old-form ID")
}

func TestCertRequest(t *testing.T) {
	staff := enablementtest.Signer(t, "Sam Lee, Proof CSM", 3)
	text, err := enablement.NewCertRequest(staff, now)
	require.NoError(t, err)
	r, err := enablement.ReadCertRequest(text)
	require.NoError(t, err)
	assert.Equal(t, "Sam Lee, Proof CSM", r.Name)
	assert.Equal(t, enablement.FormatPublicKey(staff.Public()), r.Key)

	p := parts(text)
	renamed := p[0] + "." + rewrite(t, p[1], func(m map[string]any) { m["name"] = "Mallory" }) + "." + p[2]
	_, err = enablement.ReadCertRequest(renamed)
	assert.ErrorIs(t, err, enablement.ErrTampered)
	// a request naming someone else's key cannot be signed by it
	stolen := p[0] + "." + rewrite(t, p[1], func(m map[string]any) {
		m["key"] = enablement.FormatPublicKey(enablementtest.Signer(t, "x", 4).Public())
	}) + "." + p[2]
	_, err = enablement.ReadCertRequest(stolen)
	assert.ErrorIs(t, err, enablement.ErrTampered)
	zeroKey := p[0] + "." + rewrite(t, p[1], func(m map[string]any) {
		m["key"] = "pkstaff1_" + b64.EncodeToString(make([]byte, 32))
	}) + "." + p[2]
	_, err = enablement.ReadCertRequest(zeroKey)
	assert.ErrorIs(t, err, enablement.ErrBadKey)
	_, err = enablement.NewCertRequest(enablementtest.Signer(t, " ", 3), now)
	assert.ErrorIs(t, err, enablement.ErrMalformed)
}

func TestCertifyRefusesWhatNoOneCouldUse(t *testing.T) {
	proof := enablementtest.New(t, 1)
	r := enablement.CertRequest{Name: "Sam", Key: enablement.FormatPublicKey(proof.Staff.Public())}
	_, _, err := enablement.Certify(proof.Root, r, enablement.Terms{Grants: []access.Grant{"payer_moon"},
		NotBefore: now, NotAfter: now.Add(time.Hour)}, rand.Reader)
	assert.ErrorIs(t, err, enablement.ErrUnknownGrant)
	_, _, err = enablement.Certify(proof.Root, r, enablement.Terms{Grants: access.Grants,
		NotBefore: now, NotAfter: now}, rand.Reader)
	assert.ErrorIs(t, err, enablement.ErrCertExpired)
	zero := enablement.CertRequest{Name: "Mallory", Key: "pkstaff1_" + b64.EncodeToString(make([]byte, 32))}
	_, _, err = enablement.Certify(proof.Root, zero, enablement.Terms{Grants: access.Grants,
		NotBefore: now, NotAfter: now.Add(time.Hour)}, rand.Reader)
	assert.ErrorIs(t, err, enablement.ErrBadKey, "an all-zero key is never certified")
	_, c, err := enablement.Certify(proof.Root, r, enablement.Terms{Grants: access.Grants,
		NotBefore: now, NotAfter: now.AddDate(1, 0, 0), Revokes: []string{"crt_1"}}, rand.Reader)
	require.NoError(t, err)
	assert.Regexp(t, `^crt_[0-9a-f]{24}$`, c.ID)
	assert.Equal(t, proof.Root.Root().ID, c.RootID)
	assert.Equal(t, []string{"crt_1"}, c.Revokes)
}
