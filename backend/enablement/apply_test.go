package enablement_test

import (
	"crypto/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
	"proofkeys/backend/enablement/enablementtest"
)

var by = enablement.Applier{ID: "mem_1", Name: "Dana"}

func verified(t *testing.T, o access.Org, roots []enablement.Root, code string) enablement.Payload {
	t.Helper()
	p, err := enablement.Verify(code, o.ID, enablement.TrustFor(o, roots), now)
	require.NoError(t, err)
	return p
}

func TestApplyGrantsWithdrawsAndRefusesReplay(t *testing.T) {
	proof := enablementtest.New(t, 1)
	o := access.Org{ID: acme}

	enableAll := verified(t, o, proof.Roots(), proof.Code(enablement.Request{Org: o.ID, Grants: access.Grants}, now))
	o, entries, err := enablement.Apply(o, enableAll, by, now.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{APIAccess: true, PayerInvoice: true, PayerOrganization: true}, o.Enablement)
	require.Len(t, entries, 3)
	assert.Equal(t, access.EnablementEntry{Grant: access.GrantAPIAccess, Enabled: true, CodeID: enableAll.CodeID,
		IssuedBy: "Sam at Proof", KeyID: enablement.KeyID(proof.Staff.Public()), CertID: proof.CertID(),
		RootID: proof.Root.Root().ID, IssuedAt: now, AppliedAt: now.Add(time.Minute),
		AppliedBy: "mem_1", AppliedByName: "Dana"}, entries[0])

	_, _, err = enablement.Apply(o, enableAll, by, now.Add(time.Hour))
	assert.ErrorIs(t, err, enablement.ErrAlreadyApplied, "a replayed code")

	withdraw := verified(t, o, proof.Roots(), proof.Code(enablement.Request{Org: o.ID, Withdraw: true,
		Grants: []access.Grant{access.GrantPayerInvoice}}, now.Add(time.Hour)))
	o, _, err = enablement.Apply(o, withdraw, by, now.Add(2*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{APIAccess: true, PayerOrganization: true}, o.Enablement)

	// an "enable" issued before the withdrawal cannot undo it
	older := verified(t, o, proof.Roots(), proof.Code(enablement.Request{Org: o.ID,
		Grants: []access.Grant{access.GrantPayerInvoice}}, now.Add(30*time.Minute)))
	_, _, err = enablement.Apply(o, older, by, now.Add(3*time.Hour))
	assert.ErrorIs(t, err, enablement.ErrSuperseded)

	current := enablement.Current(o)
	require.Len(t, current, 3)
	assert.False(t, current[1].Enabled)
	assert.Equal(t, access.GrantPayerInvoice, current[1].Grant)
	assert.Len(t, o.EnablementLog, 4)
}

func TestARootRevokesACertificate(t *testing.T) {
	proof := enablementtest.New(t, 1)
	o := access.Org{ID: acme}
	code := proof.Code(apiAccess(acme), now)

	text, err := enablement.Revoke(proof.Root, []string{proof.CertID()}, "left Proof", now)
	require.NoError(t, err)
	assert.True(t, enablement.IsRevocation(text))
	assert.False(t, enablement.IsRevocation(code))
	r, err := enablement.VerifyRevocation(text, enablement.TrustFor(o, proof.Roots()))
	require.NoError(t, err)
	o, added, err := enablement.ApplyRevocation(o, r, by, now)
	require.NoError(t, err)
	require.Len(t, added, 1)
	assert.Equal(t, access.Revocation{CertID: proof.CertID(), RootID: proof.Root.Root().ID, Reason: "left Proof",
		RevokedAt: now, AppliedAt: now, AppliedBy: "mem_1"}, added[0])

	_, err = enablement.Verify(code, acme, enablement.TrustFor(o, proof.Roots()), now)
	assert.ErrorIs(t, err, enablement.ErrRevoked)
	_, _, err = enablement.ApplyRevocation(o, r, by, now)
	assert.ErrorIs(t, err, enablement.ErrAlreadyApplied)

	_, err = enablement.VerifyRevocation(text, enablementtest.New(t, 5).Trust())
	assert.ErrorIs(t, err, enablement.ErrUntrusted, "only a root the app knows revokes")
	p := parts(text)
	changed := p[0] + "." + rewrite(t, p[1], func(m map[string]any) { m["certs"] = []string{"crt_other"} }) + "." + p[2]
	_, err = enablement.VerifyRevocation(changed, proof.Trust())
	assert.ErrorIs(t, err, enablement.ErrTampered)
	_, err = enablement.Revoke(proof.Root, []string{"stk_1"}, "", now)
	assert.ErrorIs(t, err, enablement.ErrMalformed)
}

// A revocation also travels inside later codes: the certificate of another staff member
// lists it, and applying their code records it.
func TestARevocationTravelsInsideLaterCodes(t *testing.T) {
	proof := enablementtest.New(t, 1)
	o := access.Org{ID: acme}
	alex := enablementtest.Signer(t, "Alex at Proof", 40)
	alexCert := proof.Certify(alex, enablement.Terms{Grants: access.Grants, NotBefore: enablementtest.ValidFrom,
		NotAfter: enablementtest.ValidTo, Revokes: []string{proof.CertID()}})
	code, err := enablement.Issue(alex, alexCert, apiAccess(acme), now, rand.Reader)
	require.NoError(t, err)
	o, _, err = enablement.Apply(o, verified(t, o, proof.Roots(), code), by, now)
	require.NoError(t, err)
	assert.True(t, o.Revoked(proof.CertID()))

	_, err = enablement.Verify(proof.Code(apiAccess(acme), now), acme, enablement.TrustFor(o, proof.Roots()), now)
	assert.ErrorIs(t, err, enablement.ErrRevoked)
}

func TestADemoOrganizationTrustsItsOwnRootAlone(t *testing.T) {
	demo := enablementtest.New(t, 20)
	o := access.Org{ID: acme, Demo: true, DemoRoot: enablement.FormatRootKey(demo.Root.Public())}
	trust := enablement.TrustFor(o, nil)
	require.Len(t, trust.Roots, 1)
	assert.True(t, trust.Roots[0].Demo)
	assert.Equal(t, enablement.DemoRootName, trust.Roots[0].Name)
	_, err := enablement.Verify(demo.Code(apiAccess(acme), now), acme, trust, now)
	assert.NoError(t, err)

	other := access.Org{ID: orgID()}
	_, err = enablement.Verify(demo.Code(apiAccess(other.ID), now), other.ID, enablement.TrustFor(other, nil), now)
	assert.ErrorIs(t, err, enablement.ErrUntrusted, "another organization never trusts a demo root")
}
