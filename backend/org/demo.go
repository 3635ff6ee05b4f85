package org

import (
	"fmt"
	"strings"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
)

// Demo defaults, used where the person left a field empty.
const (
	DemoOrgName   = "Demo organization"
	DemoOwnerName = "Demo owner"
	DemoEmail     = "demo@example.com"
	demoStaffName = "Demo staff key (made on this computer, not Proof's)"
)

// SetupDemo creates an organization to try the app without a Proof CSM: it is marked as
// a demo, and a staff key made here, on the spot, enables API access and both payers, just
// as a CSM's code would. The key's private half is never stored: nothing else can be
// signed with it. Every step is in the audit log, saying it was a demo.
func (s *Service) SetupDemo(orgName, name, email string) (access.Org, access.Member, error) {
	orgName = strings.TrimSpace(orgName)
	if orgName == "" {
		orgName = DemoOrgName
	}
	if !strings.Contains(strings.ToLower(orgName), "demo") {
		orgName += " (demo)"
	}
	name, email = or(name, DemoOwnerName), or(email, DemoEmail)
	signer, err := enablement.NewSigner(demoStaffName, s.Rand)
	if err != nil {
		return access.Org{}, access.Member{}, err
	}
	return s.create(orgName, name, email, func(tx *store.Tx, o *access.Org, m access.Member) error {
		o.Demo = true
		now := s.Now().UTC()
		k := access.StaffKey{ID: enablement.KeyID(signer.Public()), Name: signer.Name, Demo: true,
			PublicKey: enablement.FormatPublicKey(signer.Public()), AddedAt: now, AddedBy: m.ID}
		if err := s.addStaffKey(tx, o, m, k); err != nil {
			return err
		}
		code, err := enablement.Issue(signer, enablement.Request{Org: o.ID, Grants: access.Grants}, now, s.Rand)
		if err != nil {
			return err
		}
		p, err := enablement.Verify(code, o.ID, enablement.Trusted(*o), now)
		if err != nil {
			return fmt.Errorf("demo code: %w", err)
		}
		before := o.Enablement
		applied, _, err := enablement.Apply(*o, p, enablement.Applier{ID: m.ID, Name: m.Name}, now)
		if err != nil {
			return err
		}
		*o = applied
		return s.enablementEvent(tx, m, before, *o, p)
	})
}

func or(v, fallback string) string {
	if v = strings.TrimSpace(v); v != "" {
		return v
	}
	return fallback
}
