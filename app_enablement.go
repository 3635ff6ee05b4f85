package main

import (
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/org"
)

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
func (a *App) GetEnablement() (EnablementView, error) {
	if a.openErr != nil {
		return EnablementView{}, a.openErr
	}
	st, err := a.orgs.Enablement(a.member())
	if err != nil {
		return EnablementView{}, err
	}
	return enablementView(st), nil
}

// ApplyEnablementCode checks a code from Proof and applies it (Owners and Admins).
func (a *App) ApplyEnablementCode(code string) (EnablementView, error) {
	if a.openErr != nil {
		return EnablementView{}, a.openErr
	}
	if _, err := a.orgs.ApplyEnablement(a.member(), code); err != nil {
		return EnablementView{}, err
	}
	return a.GetEnablement()
}

// TrustStaffKey adds a Proof staff public key to the trusted ones (Owners).
func (a *App) TrustStaffKey(name, publicKey string) (EnablementView, error) {
	if a.openErr != nil {
		return EnablementView{}, a.openErr
	}
	if _, err := a.orgs.TrustStaffKey(a.member(), name, publicKey); err != nil {
		return EnablementView{}, err
	}
	return a.GetEnablement()
}

// DistrustStaffKey removes a staff key an Owner added.
func (a *App) DistrustStaffKey(id string) (EnablementView, error) {
	if a.openErr != nil {
		return EnablementView{}, a.openErr
	}
	if err := a.orgs.DistrustStaffKey(a.member(), id); err != nil {
		return EnablementView{}, err
	}
	return a.GetEnablement()
}

// SetUpDemo creates a demo organization, enabled by a staff key made on this computer,
// for trying the app without a Proof CSM. Empty fields get demo defaults.
func (a *App) SetUpDemo(in SetupInput) (StateView, error) {
	if a.openErr != nil {
		return StateView{}, a.openErr
	}
	o, me, err := a.orgs.SetupDemo(in.OrgName, in.Name, in.Email)
	if err != nil {
		return StateView{}, err
	}
	a.setMember(me.ID)
	return a.stateOf(o, me), nil
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
