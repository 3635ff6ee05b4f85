package org

import (
	"fmt"
	"strconv"
	"strings"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
)

// EnablementState is what Proof has enabled, who enabled each thing and when, and what
// codes are checked against.
type EnablementState struct {
	Enablement access.Enablement
	Demo       bool
	// Current is the latest code's word on each grant; History is every entry, oldest first.
	Current, History []access.EnablementEntry
	// Roots are the Proof roots codes are checked against; a demo organization's own
	// root is among them, marked Demo.
	Roots []enablement.Root
	// Revocations are the staff certificates Proof has revoked, as far as the org has heard.
	Revocations []access.Revocation
	// LegacyStaffKeys are the staff keys an Owner trusted by hand in earlier versions:
	// kept as a record, trusted no more. What they enabled stays enabled.
	LegacyStaffKeys []access.StaffKey
	// NewCodeFormNotice asks the page to say, until an Owner or Admin has read it
	// (AcknowledgeNewCodeForm), that codes now come in a new form from the CSM: an
	// organization that trusted a staff key by hand would otherwise wonder why it no
	// longer appears.
	NewCodeFormNotice bool
}

// Enablement returns the enablement state; every member may see it.
func (s *Service) Enablement(memberID string) (EnablementState, error) {
	var st EnablementState
	err := s.Store.View(func(tx *store.Tx) error {
		_, o, err := authorize(tx, memberID, access.ViewMembers)
		if err != nil {
			return err
		}
		st = EnablementState{Enablement: o.Enablement, Demo: o.Demo, Current: enablement.Current(o),
			History: o.EnablementLog, Roots: enablement.TrustFor(o, s.Roots).Roots, Revocations: o.Revocations,
			LegacyStaffKeys: o.StaffKeys, NewCodeFormNotice: newCodeFormNotice(o)}
		return nil
	})
	return st, err
}

// newCodeFormNotice is due in an org whose Owner trusted a real staff key by hand (the
// demo's key was never an Owner's choice) until someone who pastes codes has read it.
func newCodeFormNotice(o access.Org) bool {
	for _, k := range o.StaffKeys {
		if !k.Demo {
			return !o.NewCodeFormNoticeDone
		}
	}
	return false
}

// AcknowledgeNewCodeForm records that an Owner or Admin has read the new-form notice, so
// it is said once.
func (s *Service) AcknowledgeNewCodeForm(memberID string) error {
	return s.Store.Update(func(tx *store.Tx) error {
		_, o, err := authorize(tx, memberID, access.ApplyEnablement)
		if err != nil || o.NewCodeFormNoticeDone {
			return err
		}
		o.NewCodeFormNoticeDone = true
		return tx.PutOrg(o)
	})
}

// ApplyEnablement verifies a code pasted by an Owner or Admin, from the roots alone, and
// applies it; a root's revocation pasted the same way is applied too (it returns no
// entries). A refused code changes nothing and says why (enablement's sentinel errors,
// inside an enablement.Refusal that names the organization the code was made for).
func (s *Service) ApplyEnablement(memberID, code string) ([]access.EnablementEntry, error) {
	if enablement.IsRevocation(code) {
		return nil, s.applyRevocation(memberID, code)
	}
	var entries []access.EnablementEntry
	err := s.Store.Update(func(tx *store.Tx) error {
		m, o, err := authorize(tx, memberID, access.ApplyEnablement)
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		p, err := enablement.Verify(code, o.ID, enablement.TrustFor(o, s.Roots), now)
		if err != nil {
			return err
		}
		before := o
		if o, entries, err = enablement.Apply(o, p, enablement.Applier{ID: m.ID, Name: m.Name}, now); err != nil {
			return err
		}
		if err := s.enablementEvent(tx, m, before, o, p); err != nil {
			return err
		}
		return tx.PutOrg(o)
	})
	return entries, err
}

func (s *Service) applyRevocation(memberID, text string) error {
	return s.Store.Update(func(tx *store.Tx) error {
		m, o, err := authorize(tx, memberID, access.ApplyEnablement)
		if err != nil {
			return err
		}
		r, err := enablement.VerifyRevocation(text, enablement.TrustFor(o, s.Roots))
		if err != nil {
			return err
		}
		o, added, err := enablement.ApplyRevocation(o, r, enablement.Applier{ID: m.ID, Name: m.Name}, s.Now().UTC())
		if err != nil {
			return err
		}
		if _, err := tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
			Action: audit.CertsRevoked, Detail: revokedDetail(added)}); err != nil {
			return err
		}
		return tx.PutOrg(o)
	})
}

func (s *Service) enablementEvent(tx *store.Tx, m access.Member, before, after access.Org, p enablement.Payload) error {
	detail := fmt.Sprintf("code %s issued by %s (key %s, certificate %s, root %s)",
		p.CodeID, p.Issuer, p.KeyID, p.Certificate.ID, p.Root.ID)
	if p.Root.Demo {
		detail += ", demo organization: a root made on this computer, not Proof's"
	}
	if added := after.Revocations[len(before.Revocations):]; len(added) > 0 {
		detail += "; " + revokedDetail(added)
	}
	_, err := tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
		Action: audit.EnablementApplied, Changes: grantChanges(before.Enablement, after.Enablement, p.Grants),
		Detail: detail})
	return err
}

func revokedDetail(list []access.Revocation) string {
	ids := make([]string, len(list))
	for i, r := range list {
		ids[i] = r.CertID
	}
	detail := "revoked by Proof: certificate " + strings.Join(ids, ", ")
	if list[0].Reason != "" {
		detail += " (" + list[0].Reason + ")"
	}
	return detail
}

// grantChanges lists each grant the code named, old and new, for the audit log.
func grantChanges(before, after access.Enablement, grants []access.Grant) []audit.Change {
	out := make([]audit.Change, 0, len(grants))
	for _, g := range grants {
		out = append(out, audit.Change{Field: string(g),
			Old: strconv.FormatBool(before.Has(g)), New: strconv.FormatBool(after.Has(g))})
	}
	return out
}
