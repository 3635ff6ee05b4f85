// Package enablementtest gives tests a Proof of their own: a root, a staff member it
// certified, and codes signed through that chain, so tests go through the same checks
// as a real code.
package enablementtest

import (
	"bytes"
	"crypto/rand"
	"testing"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
)

// Proof is a root and one staff member it certified for every grant, valid from 2000 to
// 2100, so that tests on a fixed or a real clock alike find it in force.
type Proof struct {
	Root  enablement.Signer
	Staff enablement.Signer
	Cert  string
	t     testing.TB
}

// ValidFrom and ValidTo bound the certificate New makes.
var (
	ValidFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	ValidTo   = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// New makes a root from seed (the same seed, the same root: failures repeat) and a
// certified staff member, "Sam at Proof".
func New(t testing.TB, seed byte) *Proof {
	t.Helper()
	p := &Proof{Root: Signer(t, "Proof test root", seed), Staff: Signer(t, "Sam at Proof", seed+1), t: t}
	p.Cert = p.Certify(p.Staff, enablement.Terms{Grants: access.Grants, NotBefore: ValidFrom, NotAfter: ValidTo})
	return p
}

// Signer is a deterministic signing key made from seed.
func Signer(t testing.TB, name string, seed byte) enablement.Signer {
	t.Helper()
	s, err := enablement.NewSigner(name, bytes.NewReader(bytes.Repeat([]byte{seed}, 64)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Roots are the roots to trust: this Proof's root alone.
func (p *Proof) Roots() []enablement.Root { return []enablement.Root{p.Root.Root()} }

// Trust is trust in this Proof's root, with nothing revoked.
func (p *Proof) Trust() enablement.Trust { return enablement.Trust{Roots: p.Roots()} }

// Certify has the root certify staff on terms, and returns the certificate.
func (p *Proof) Certify(staff enablement.Signer, terms enablement.Terms) string {
	p.t.Helper()
	req, err := enablement.NewCertRequest(staff, terms.NotBefore)
	if err != nil {
		p.t.Fatal(err)
	}
	r, err := enablement.ReadCertRequest(req)
	if err != nil {
		p.t.Fatal(err)
	}
	cert, _, err := enablement.Certify(p.Root, r, terms, rand.Reader)
	if err != nil {
		p.t.Fatal(err)
	}
	return cert
}

// Code is a code from the staff member for r, issued at.
func (p *Proof) Code(r enablement.Request, at time.Time) string {
	p.t.Helper()
	code, err := enablement.Issue(p.Staff, p.Cert, r, at, rand.Reader)
	if err != nil {
		p.t.Fatal(err)
	}
	return code
}

// CertID is the ID of the staff member's certificate.
func (p *Proof) CertID() string {
	p.t.Helper()
	c, err := enablement.ReadCertificate(p.Cert)
	if err != nil {
		p.t.Fatal(err)
	}
	return c.ID
}
