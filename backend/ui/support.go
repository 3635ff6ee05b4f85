package ui

import (
	"fmt"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/privatefile"
	"proofkeys/backend/support"
	"proofkeys/backend/vault"
)

// Support is the Troubleshooting page and the support bundle for a CSM. The bundle works
// when opening the data failed: that is when it is needed.
type Support struct{ c *core }

// TroubleshootView answers the help article's four cases with checks run for the person.
type TroubleshootView struct {
	// "I don't see API Keys": what Proof has enabled, and who enabled it when.
	APIAccess   bool                  `json:"apiAccess"`
	Demo        bool                  `json:"demo"`
	APIAccessBy *EnablementEntryView  `json:"apiAccessBy,omitempty"`
	Enablement  []EnablementEntryView `json:"enablement"`
	OrgID       string                `json:"orgId"`
	// "I can't generate a key": the person's role and permission, and whom to ask.
	Role          string   `json:"role"`
	ManageAPIKeys bool     `json:"manageApiKeys"`
	CanManageKeys bool     `json:"canManageKeys"`
	Grantors      []string `json:"grantors"`
	// The vault the keys live in, and whether it answers: a locked vault stops every key action.
	VaultBackend string `json:"vaultBackend"`
	VaultAnswers bool   `json:"vaultAnswers"`
	VaultProblem string `json:"vaultProblem,omitempty"`
}

// SavedView says where a file was saved; Path is "" when the person cancelled.
type SavedView struct {
	Path string `json:"path"`
}

// Troubleshoot runs the checks of the Troubleshooting page.
func (x *Support) Troubleshoot() (TroubleshootView, error) {
	return with(x.c, x.troubleshoot)
}

func (x *Support) troubleshoot(s *services) (TroubleshootView, error) {
	o, me, err := s.orgs.Current(x.c.member(s))
	if err != nil {
		return TroubleshootView{}, err
	}
	st, err := s.orgs.Enablement(me.ID)
	if err != nil {
		return TroubleshootView{}, err
	}
	state := x.c.stateOf(s, o, me)
	probe := support.Make(nil, s.vault, x.c.opt.Version, time.Now()).Vault
	v := TroubleshootView{
		APIAccess: o.Enablement.APIAccess, Demo: o.Demo, Enablement: entryViews(st.Current), OrgID: o.ID,
		Role: string(me.Role), ManageAPIKeys: me.ManageAPIKeys,
		CanManageKeys: access.Can(me, access.Enablement{APIAccess: true}, access.ManageKeys) == nil,
		Grantors:      state.Access.Grantors,
		VaultBackend:  probe.Backend, VaultAnswers: probe.Answers, VaultProblem: probe.Problem,
	}
	for i, e := range v.Enablement {
		if e.Grant == string(access.GrantAPIAccess) {
			v.APIAccessBy = &v.Enablement[i]
		}
	}
	return v, nil
}

// GetSupportBundle returns the support bundle as a readable summary, for the person to read
// before sending; the saved file is JSON.
func (x *Support) GetSupportBundle() (string, error) {
	return x.bundle().Text(), nil
}

// SaveSupportBundle asks where to save the support bundle and writes it there.
func (x *Support) SaveSupportBundle() (SavedView, error) {
	b := x.bundle()
	path, err := x.c.desktop.SaveFileDialog("Save a support bundle for your CSM", b.FileName(), "JSON files", "*.json")
	if err != nil || path == "" {
		return SavedView{}, err
	}
	if err := privatefile.Write(path, b.JSON()); err != nil {
		return SavedView{}, fmt.Errorf("save %s: %w", path, err)
	}
	return SavedView{Path: path}, nil
}

// bundle works even when the app could not open its data: then it says why, and probes
// the vault on its own.
func (x *Support) bundle() support.Bundle {
	s, openErr := x.c.services()
	var st support.Store
	var v support.Vault
	if openErr == nil {
		st, v = s.store, s.vault
	} else if opened, err := vault.New("", x.c.dataDir); err == nil {
		v = opened
	}
	b := support.Make(st, v, x.c.opt.Version, time.Now())
	if openErr != nil {
		b.SetDatabaseProblem(openErr)
	}
	return b
}
