package ui

import (
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/org"
)

// Org is the Organization page: what Proof has enabled and by whom, and the
// organization's key policies.
type Org struct{ c *core }

// EnablementView is the enablement part of the Organization page.
type EnablementView struct {
	APIAccess         bool `json:"apiAccess"`
	PayerInvoice      bool `json:"payerInvoice"`
	PayerOrganization bool `json:"payerOrganization"`
	Demo              bool `json:"demo"`
	// Current is the latest word from Proof on each grant; History is every entry.
	Current []EnablementEntryView `json:"current"`
	History []EnablementEntryView `json:"history"`
	// Roots are the Proof roots codes are checked against (a demo's own root marked Demo).
	Roots []RootView `json:"roots"`
	// RevokedCerts are the staff certificates Proof has revoked, as far as the org has heard.
	RevokedCerts []string `json:"revokedCerts"`
	// LegacyStaffKeys are staff keys an Owner trusted by hand in earlier versions: a
	// record, trusted no more.
	LegacyStaffKeys []StaffKeyView `json:"legacyStaffKeys"`
	// NewCodeFormNotice: show, until dismissed (DismissNewCodeFormNotice), that codes now
	// come from the CSM in one piece that carries Proof's certificate.
	NewCodeFormNotice bool `json:"newCodeFormNotice"`
}

// RootView is a Proof root key codes are checked against.
type RootView struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Demo bool   `json:"demo"`
}

// EnablementEntryView is who at Proof enabled (or withdrew) what, and who applied it when.
type EnablementEntryView struct {
	Grant     string `json:"grant"`
	Enabled   bool   `json:"enabled"`
	IssuedBy  string `json:"issuedBy"`
	KeyID     string `json:"keyId"`
	CertID    string `json:"certId"`
	IssuedAt  string `json:"issuedAt"`
	AppliedAt string `json:"appliedAt"`
	AppliedBy string `json:"appliedBy"`
}

// StaffKeyView is a staff key an Owner trusted by hand in an earlier version.
type StaffKeyView struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	AddedAt string `json:"addedAt,omitempty"`
}

// GetEnablement says what Proof has enabled and by whom.
func (x *Org) GetEnablement() (EnablementView, error) {
	return with(x.c, x.enablement)
}

func (x *Org) enablement(s *services) (EnablementView, error) {
	st, err := s.orgs.Enablement(x.c.member(s))
	if err != nil {
		return EnablementView{}, err
	}
	return enablementView(st), nil
}

// ApplyEnablementCode checks a code from Proof and applies it (Owners and Admins).
func (x *Org) ApplyEnablementCode(code string) (EnablementView, error) {
	return with(x.c, func(s *services) (EnablementView, error) {
		if _, err := s.orgs.ApplyEnablement(x.c.member(s), code); err != nil {
			return EnablementView{}, err
		}
		return x.enablement(s)
	})
}

// DismissNewCodeFormNotice records that an Owner or Admin has read that codes now come
// in the new form; the notice is then shown no more.
func (x *Org) DismissNewCodeFormNotice() (EnablementView, error) {
	return with(x.c, func(s *services) (EnablementView, error) {
		if err := s.orgs.AcknowledgeNewCodeForm(x.c.member(s)); err != nil {
			return EnablementView{}, err
		}
		return x.enablement(s)
	})
}

// GetPolicies returns the organization's key policies.
func (x *Org) GetPolicies() (org.Policies, error) {
	return with(x.c, func(s *services) (org.Policies, error) { return s.orgs.Policies() })
}

// PoliciesInput is the policies form. Its fields are pointers so that a missing value is
// refused, never read as 0, which would turn rotation off or never clear the clipboard.
type PoliciesInput struct {
	RotationDays          *int `json:"rotationDays"`
	ClipboardClearSeconds *int `json:"clipboardClearSeconds"`
}

// SavePolicies saves the rotation policy and the clipboard timeout (Owners and Admins).
func (x *Org) SavePolicies(in PoliciesInput) (org.Policies, error) {
	return with(x.c, func(s *services) (org.Policies, error) {
		missing := apikey.FieldErrors{}
		if in.RotationDays == nil {
			missing["rotationDays"] = "Choose how often keys should be replaced."
		}
		if in.ClipboardClearSeconds == nil {
			missing["clipboardClearSeconds"] = "Choose when a copied key is cleared from the clipboard."
		}
		if len(missing) > 0 {
			return org.Policies{}, missing
		}
		p := org.Policies{RotationDays: *in.RotationDays, ClipboardClearSeconds: *in.ClipboardClearSeconds}
		return s.orgs.SetPolicies(x.c.member(s), p)
	})
}

func enablementView(st org.EnablementState) EnablementView {
	v := EnablementView{APIAccess: st.Enablement.APIAccess, PayerInvoice: st.Enablement.PayerInvoice,
		PayerOrganization: st.Enablement.PayerOrganization, Demo: st.Demo,
		Current: entryViews(st.Current), History: entryViews(st.History), Roots: []RootView{},
		RevokedCerts: []string{}, LegacyStaffKeys: []StaffKeyView{}, NewCodeFormNotice: st.NewCodeFormNotice}
	for _, r := range st.Roots {
		v.Roots = append(v.Roots, RootView{ID: r.ID, Name: r.Name, Demo: r.Demo})
	}
	for _, r := range st.Revocations {
		v.RevokedCerts = append(v.RevokedCerts, r.CertID)
	}
	for _, k := range st.LegacyStaffKeys {
		v.LegacyStaffKeys = append(v.LegacyStaffKeys, StaffKeyView{ID: k.ID, Name: k.Name,
			AddedAt: stamp(k.AddedAt)})
	}
	return v
}

func entryViews(list []access.EnablementEntry) []EnablementEntryView {
	out := make([]EnablementEntryView, 0, len(list))
	for _, e := range list {
		out = append(out, EnablementEntryView{Grant: string(e.Grant), Enabled: e.Enabled, IssuedBy: e.IssuedBy,
			KeyID: e.KeyID, CertID: e.CertID, IssuedAt: e.IssuedAt.UTC().Format(time.RFC3339),
			AppliedAt: e.AppliedAt.UTC().Format(time.RFC3339), AppliedBy: e.AppliedByName})
	}
	return out
}
