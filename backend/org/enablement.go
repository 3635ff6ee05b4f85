package org

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
)

var (
	// ErrAlreadyTrusted: the staff key is trusted already.
	ErrAlreadyTrusted = errors.New("this staff key is already trusted")
	// ErrStaffKeyNotFound: no key with that ID among the ones an Owner added.
	ErrStaffKeyNotFound = errors.New("no such staff key")
)

// EnablementState is what Proof has enabled, who enabled each thing and when, and the
// staff keys whose codes the org accepts.
type EnablementState struct {
	Enablement access.Enablement
	Demo       bool
	// Current is the latest code's word on each grant; History is every entry, oldest first.
	Current, History []access.EnablementEntry
	BuiltIn          []enablement.StaffKey
	Added            []access.StaffKey
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
			History: o.EnablementLog, BuiltIn: enablement.BuiltIn(), Added: o.StaffKeys}
		return nil
	})
	return st, err
}

// ApplyEnablement verifies a code pasted by an Owner or Admin and applies it. A refused
// code changes nothing and says why (enablement's sentinel errors).
func (s *Service) ApplyEnablement(memberID, code string) ([]access.EnablementEntry, error) {
	var entries []access.EnablementEntry
	err := s.Store.Update(func(tx *store.Tx) error {
		m, o, err := authorize(tx, memberID, access.ApplyEnablement)
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		p, err := enablement.Verify(code, o.ID, enablement.Trusted(o), now)
		if err != nil {
			return err
		}
		before := o.Enablement
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

func (s *Service) enablementEvent(tx *store.Tx, m access.Member, before access.Enablement, after access.Org, p enablement.Payload) error {
	detail := fmt.Sprintf("code %s issued by %s (key %s)", p.CodeID, p.Issuer, p.KeyID)
	if after.Demo {
		detail += ", demo organization"
	}
	_, err := tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
		Action: audit.EnablementApplied, Changes: grantChanges(before, after.Enablement, p.Grants),
		Detail: detail})
	return err
}

// TrustStaffKey adds a Proof staff member's public key to the keys the org trusts. Only
// Owners may: a trusted key can enable payers that bill the organization.
func (s *Service) TrustStaffKey(memberID, name, publicKey string) (access.StaffKey, error) {
	name = strings.TrimSpace(name)
	pub, err := enablement.ParsePublicKey(publicKey)
	if err != nil {
		return access.StaffKey{}, err
	}
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return access.StaffKey{}, fieldError("name", "Enter whose key this is, e.g. the CSM's name (1 to 100 characters).")
	}
	k := access.StaffKey{ID: enablement.KeyID(pub), Name: name, PublicKey: enablement.FormatPublicKey(pub)}
	err = s.Store.Update(func(tx *store.Tx) error {
		m, o, err := authorize(tx, memberID, access.TrustStaffKeys)
		if err != nil {
			return err
		}
		if trusted(o, k.ID) {
			return ErrAlreadyTrusted
		}
		k.AddedAt, k.AddedBy = s.Now().UTC(), m.ID
		return s.addStaffKey(tx, &o, m, k)
	})
	return k, err
}

// DistrustStaffKey removes a key an Owner added; codes it signed stay applied.
func (s *Service) DistrustStaffKey(memberID, keyID string) error {
	return s.Store.Update(func(tx *store.Tx) error {
		m, o, err := authorize(tx, memberID, access.TrustStaffKeys)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(o.StaffKeys, func(k access.StaffKey) bool { return k.ID == keyID })
		if i < 0 {
			return ErrStaffKeyNotFound
		}
		k := o.StaffKeys[i]
		o.StaffKeys = slices.Delete(o.StaffKeys, i, i+1)
		if _, err := tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
			Action: audit.StaffKeyDistrusted, Detail: k.Name + " (" + k.ID + ")"}); err != nil {
			return err
		}
		return tx.PutOrg(o)
	})
}

func (s *Service) addStaffKey(tx *store.Tx, o *access.Org, m access.Member, k access.StaffKey) error {
	o.StaffKeys = append(o.StaffKeys, k)
	detail := k.Name + " (" + k.ID + ")"
	if k.Demo {
		detail += ", a demo key made on this computer"
	}
	if _, err := tx.AppendEvent(audit.Event{Time: k.AddedAt, Actor: m.ID, ActorName: m.Name,
		Action: audit.StaffKeyTrusted, Detail: detail}); err != nil {
		return err
	}
	return tx.PutOrg(*o)
}

func trusted(o access.Org, id string) bool {
	for _, k := range enablement.Trusted(o) {
		if k.ID == id {
			return true
		}
	}
	return false
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
