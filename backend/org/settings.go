package org

import (
	"slices"
	"strconv"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// Policies are the key policies an Owner or Admin sets: how old a key may get before it
// is flagged for rotation, and how long a copied key stays on the clipboard.
type Policies struct {
	RotationDays          int `json:"rotationDays"`
	ClipboardClearSeconds int `json:"clipboardClearSeconds"`
}

// RotationChoices are the rotation policies offered, in days; 0 is off.
var RotationChoices = []int{0, 30, 60, 90, 180, 365}

// MaxClipboardClearSeconds bounds the clipboard timeout: a key left on the clipboard
// longer than ten minutes is one forgotten there.
const MaxClipboardClearSeconds = 600

// Policies returns the organization's key policies. Every member may read them: they
// explain the flags and the countdown everyone sees.
func (s *Service) Policies() (Policies, error) {
	var p Policies
	err := s.Store.View(func(tx *store.Tx) error {
		o, err := tx.Org()
		p = policiesOf(o.Settings)
		return err
	})
	return p, err
}

// SetPolicies saves the key policies, for Owners and Admins only, and records what
// changed. Other settings of the org (auto-lock) are left as they are.
func (s *Service) SetPolicies(memberID string, p Policies) (Policies, error) {
	if errs := p.validate(); errs != nil {
		return Policies{}, errs
	}
	err := s.Store.Update(func(tx *store.Tx) error {
		m, o, err := authorize(tx, memberID, access.ManageSettings)
		if err != nil {
			return err
		}
		changes := policyChanges(policiesOf(o.Settings), p)
		if len(changes) == 0 {
			return nil
		}
		o.Settings.RotationDays, o.Settings.ClipboardClearSeconds = p.RotationDays, p.ClipboardClearSeconds
		if _, err := tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
			Action: audit.OrgSettingsSet, Detail: o.Name, Changes: changes}); err != nil {
			return err
		}
		return tx.PutOrg(o)
	})
	return p, err
}

func policiesOf(s access.Settings) Policies {
	return Policies{RotationDays: s.RotationDays, ClipboardClearSeconds: s.ClipboardClearSeconds}
}

func (p Policies) validate() apikey.FieldErrors {
	errs := apikey.FieldErrors{}
	if !slices.Contains(RotationChoices, p.RotationDays) {
		errs["rotationDays"] = "Choose off, 30, 60, 90, 180 or 365 days."
	}
	if p.ClipboardClearSeconds < 0 || p.ClipboardClearSeconds > MaxClipboardClearSeconds {
		errs["clipboardClearSeconds"] = "Enter 0 (never) to 600 seconds."
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// policyChanges lists what differs, by the JSON names the UI and exports use.
func policyChanges(prev, next Policies) []audit.Change {
	var out []audit.Change
	add := func(field string, a, b int) {
		if a != b {
			out = append(out, audit.Change{Field: field, Old: strconv.Itoa(a), New: strconv.Itoa(b)})
		}
	}
	add("clipboardClearSeconds", prev.ClipboardClearSeconds, next.ClipboardClearSeconds)
	add("rotationDays", prev.RotationDays, next.RotationDays)
	return out
}
