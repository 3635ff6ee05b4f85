package org

import (
	"fmt"
	"strings"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
)

// Demo defaults, used where the person left a field empty.
const (
	DemoOrgName   = "Demo organization"
	DemoOwnerName = "Demo owner"
	DemoEmail     = "demo@example.com"
	demoStaffName = "Demo staff member (made on this computer, not Proof's)"
)

// SetupDemo creates an organization to try the app without a Proof CSM: it is marked as
// a demo, and a root made here, on the spot, certifies a staff key that enables API access
// and both payers, through the same chain and checks as a CSM's code. Neither private key
// is stored: nothing else can be signed with them, and only this organization trusts the
// demo root. Every step is in the audit log, saying it was a demo.
func (s *Service) SetupDemo(orgName, name, email string) (access.Org, access.Member, error) {
	orgName = strings.TrimSpace(orgName)
	if orgName == "" {
		orgName = DemoOrgName
	}
	if !strings.Contains(strings.ToLower(orgName), "demo") {
		orgName += " (demo)"
	}
	name, email = or(name, DemoOwnerName), or(email, DemoEmail)
	return s.create(orgName, name, email, func(tx *store.Tx, o *access.Org, m access.Member) error {
		now := s.Now().UTC()
		root, code, err := s.demoCode(o.ID, now)
		if err != nil {
			return err
		}
		o.Demo, o.DemoRoot = true, enablement.FormatRootKey(root.Public())
		p, err := enablement.Verify(code, o.ID, enablement.TrustFor(*o, s.Roots), now)
		if err != nil {
			return fmt.Errorf("demo code: %w", err)
		}
		before := *o
		applied, _, err := enablement.Apply(*o, p, enablement.Applier{ID: m.ID, Name: m.Name}, now)
		if err != nil {
			return err
		}
		*o = applied
		return s.enablementEvent(tx, m, before, *o, p)
	})
}

// demoCode makes the demo's root and certified staff key, and the code enabling every
// grant for org; the root's public half is what the organization keeps.
func (s *Service) demoCode(org string, now time.Time) (enablement.Signer, string, error) {
	root, err := enablement.NewSigner(enablement.DemoRootName, s.Rand)
	if err != nil {
		return root, "", err
	}
	staff, err := enablement.NewSigner(demoStaffName, s.Rand)
	if err != nil {
		return root, "", err
	}
	req, err := enablement.NewCertRequest(staff, now)
	if err != nil {
		return root, "", err
	}
	r, err := enablement.ReadCertRequest(req)
	if err != nil {
		return root, "", err
	}
	cert, _, err := enablement.Certify(root, r, enablement.Terms{Grants: access.Grants,
		NotBefore: now, NotAfter: now.Add(time.Hour)}, s.Rand)
	if err != nil {
		return root, "", err
	}
	code, err := enablement.Issue(staff, cert, enablement.Request{Org: org, Grants: access.Grants}, now, s.Rand)
	return root, code, err
}

func or(v, fallback string) string {
	if v = strings.TrimSpace(v); v != "" {
		return v
	}
	return fallback
}
