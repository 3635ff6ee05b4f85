package ui

import (
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/org"
)

// Org is the Organization page: what Proof has enabled, the staff keys trusted, and the
// organization's key policies.
type Org struct{ c *core }

// EnablementView is the enablement part of the Organization page.
type EnablementView struct {
	APIAccess         bool `json:"apiAccess"`
	PayerInvoice      bool `json:"payerInvoice"`
	PayerOrganization bool `json:"payerOrganization"`
	Demo              bool `json:"demo"`
	// Current is the latest word from Proof on each grant; History is every entry.
	Current   []EnablementEntryView `json:"current"`
	History   []EnablementEntryView `json:"history"`
	StaffKeys []StaffKeyView        `json:"staffKeys"`
}

// EnablementEntryView is who at Proof enabled (or withdrew) what, and who applied it when.
type EnablementEntryView struct {
	Grant     string `json:"grant"`
	Enabled   bool   `json:"enabled"`
	IssuedBy  string `json:"issuedBy"`
	KeyID     string `json:"keyId"`
	IssuedAt  string `json:"issuedAt"`
	AppliedAt string `json:"appliedAt"`
	AppliedBy string `json:"appliedBy"`
}

// StaffKeyView is a Proof staff key the org trusts.
type StaffKeyView struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	BuiltIn bool   `json:"builtIn"`
	Demo    bool   `json:"demo"`
	AddedAt string `json:"addedAt,omitempty"`
}

// GetEnablement says what Proof has enabled and by whom.
func (x *Org) GetEnablement() (EnablementView, error) {
	return with(x.c, x.enablement)
}

func (x *Org) enablement(s *services) (EnablementView, error) {
	st, err := s.orgs.Enablement(x.c.session.member())
	if err != nil {
		return EnablementView{}, err
	}
	return enablementView(st), nil
}

// ApplyEnablementCode checks a code from Proof and applies it (Owners and Admins).
func (x *Org) ApplyEnablementCode(code string) (EnablementView, error) {
	return with(x.c, func(s *services) (EnablementView, error) {
		if _, err := s.orgs.ApplyEnablement(x.c.session.member(), code); err != nil {
			return EnablementView{}, err
		}
		return x.enablement(s)
	})
}

// TrustStaffKey adds a Proof staff public key to the trusted ones (Owners).
func (x *Org) TrustStaffKey(name, publicKey string) (EnablementView, error) {
	return with(x.c, func(s *services) (EnablementView, error) {
		if _, err := s.orgs.TrustStaffKey(x.c.session.member(), name, publicKey); err != nil {
			return EnablementView{}, err
		}
		return x.enablement(s)
	})
}

// DistrustStaffKey removes a staff key an Owner added.
func (x *Org) DistrustStaffKey(id string) (EnablementView, error) {
	return with(x.c, func(s *services) (EnablementView, error) {
		if err := s.orgs.DistrustStaffKey(x.c.session.member(), id); err != nil {
			return EnablementView{}, err
		}
		return x.enablement(s)
	})
}

// GetPolicies returns the organization's key policies.
func (x *Org) GetPolicies() (org.Policies, error) {
	return with(x.c, func(s *services) (org.Policies, error) { return s.orgs.Policies() })
}

// SavePolicies saves the rotation policy and the clipboard timeout (Owners and Admins).
func (x *Org) SavePolicies(p org.Policies) (org.Policies, error) {
	return with(x.c, func(s *services) (org.Policies, error) { return s.orgs.SetPolicies(x.c.session.member(), p) })
}

func enablementView(st org.EnablementState) EnablementView {
	v := EnablementView{APIAccess: st.Enablement.APIAccess, PayerInvoice: st.Enablement.PayerInvoice,
		PayerOrganization: st.Enablement.PayerOrganization, Demo: st.Demo,
		Current: entryViews(st.Current), History: entryViews(st.History), StaffKeys: []StaffKeyView{}}
	for _, k := range st.BuiltIn {
		v.StaffKeys = append(v.StaffKeys, StaffKeyView{ID: k.ID, Name: k.Name, BuiltIn: true})
	}
	for _, k := range st.Added {
		v.StaffKeys = append(v.StaffKeys, StaffKeyView{ID: k.ID, Name: k.Name, Demo: k.Demo,
			AddedAt: k.AddedAt.UTC().Format(time.RFC3339)})
	}
	return v
}

func entryViews(list []access.EnablementEntry) []EnablementEntryView {
	out := make([]EnablementEntryView, 0, len(list))
	for _, e := range list {
		out = append(out, EnablementEntryView{Grant: string(e.Grant), Enabled: e.Enabled, IssuedBy: e.IssuedBy,
			KeyID: e.KeyID, IssuedAt: e.IssuedAt.UTC().Format(time.RFC3339),
			AppliedAt: e.AppliedAt.UTC().Format(time.RFC3339), AppliedBy: e.AppliedByName})
	}
	return out
}
