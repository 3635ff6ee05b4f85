package main

import (
	"fmt"
	"os"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/support"
	"proofkeys/backend/vault"
)

// version is the app's version, set at release with -ldflags "-X main.version=1.2.3".
var version = "dev"

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
func (a *App) Troubleshoot() (TroubleshootView, error) {
	if a.openErr != nil {
		return TroubleshootView{}, a.openErr
	}
	o, me, err := a.orgs.Current(a.member())
	if err != nil {
		return TroubleshootView{}, err
	}
	st, err := a.orgs.Enablement(me.ID)
	if err != nil {
		return TroubleshootView{}, err
	}
	state := a.stateOf(o, me)
	probe := support.Make(nil, a.vault, version, time.Now()).Vault
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

// GetSupportBundle returns the support bundle's text, for the person to read before sending.
func (a *App) GetSupportBundle() (string, error) {
	return string(a.supportBundle().JSON()), nil
}

// SaveSupportBundle asks where to save the support bundle and writes it there.
func (a *App) SaveSupportBundle() (SavedView, error) {
	b := a.supportBundle()
	path, err := a.desktop.SaveFileDialog("Save a support bundle for your CSM", b.FileName(), "JSON files", "*.json")
	if err != nil || path == "" {
		return SavedView{}, err
	}
	if err := os.WriteFile(path, b.JSON(), 0o600); err != nil {
		return SavedView{}, fmt.Errorf("save %s: %w", path, err)
	}
	return SavedView{Path: path}, nil
}

// supportBundle works even when the app could not open its data: that is when it is needed.
func (a *App) supportBundle() support.Bundle {
	var st support.Store
	if a.openErr == nil && a.store != nil {
		st = a.store
	}
	var v support.Vault
	if a.vault != nil {
		v = a.vault
	} else if opened, err := vault.New("", a.dataDir); err == nil {
		v = opened
	}
	b := support.Make(st, v, version, time.Now())
	if a.openErr != nil {
		b.Database.Problem = a.openErr.Error()
	}
	return b
}
