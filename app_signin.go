package main

import (
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/org"
)

// session is the sign-in state beside App.memberID: when the person was last active, and
// after how long idle the app locks (the org's AutoLockMinutes, when sign-in is needed).
// Go enforces the lock, not only the UI: a laptop that slept past the limit finds the app
// locked at its first call, although the page's timers were paused.
type session struct {
	now        func() time.Time // nil: the real clock
	lastActive time.Time
	lockAfter  time.Duration // 0: nothing to lock (one member without a passphrase)
}

func (s *session) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

func (s *session) idle() bool {
	return s.lockAfter > 0 && !s.lastActive.IsZero() && s.clock().Sub(s.lastActive) >= s.lockAfter
}

func (s *session) touch() { s.lastActive = s.clock() }

// AccessView is what the signed-in member may do beyond keys, and what the sign-in
// screen offers.
type AccessView struct {
	// SignInRequired: several members, or a passphrase is set; Lock means something.
	SignInRequired     bool `json:"signInRequired"`
	AutoLockMinutes    int  `json:"autoLockMinutes"`
	HasPassphrase      bool `json:"hasPassphrase"`
	CanManageMembers   bool `json:"canManageMembers"`
	CanApplyEnablement bool `json:"canApplyEnablement"`
	CanTrustStaffKeys  bool `json:"canTrustStaffKeys"`
	CanChangeSettings  bool `json:"canChangeSettings"`
	// Demo marks an organization made to try the app, enabled by a key made on this computer.
	Demo bool `json:"demo"`
	// Grantors are the names of the members who can give "Manage API keys".
	Grantors []string `json:"grantors"`
	// SignInChoices are the members to choose from on the sign-in screen.
	SignInChoices []MemberView `json:"signInChoices"`
}

// withAccess fills v.Access for me and arms the auto-lock.
func (a *App) withAccess(o access.Org, me access.Member, v StateView) StateView {
	members, _ := a.orgs.Members(me.ID) // none on error: the page then names nobody to ask
	can := func(act access.Action) bool { return access.Can(me, o.Enablement, act) == nil }
	v.Access = AccessView{
		SignInRequired: org.SignInRequired(members), AutoLockMinutes: o.Settings.AutoLockMinutes,
		HasPassphrase: me.Passphrase != nil, Demo: o.Demo,
		CanManageMembers: can(access.ManageMembers), CanApplyEnablement: can(access.ApplyEnablement),
		CanTrustStaffKeys: can(access.TrustStaffKeys), CanChangeSettings: can(access.ManageSettings),
		Grantors: []string{}, SignInChoices: []MemberView{},
	}
	for _, m := range access.Grantors(members) {
		v.Access.Grantors = append(v.Access.Grantors, m.Name)
	}
	lockAfter := time.Duration(0)
	if v.Access.SignInRequired {
		lockAfter = time.Duration(o.Settings.AutoLockMinutes) * time.Minute
	}
	a.mu.Lock()
	a.session.lockAfter = lockAfter
	a.mu.Unlock()
	return v
}

// signInState is the sign-in screen: the org and who may sign in.
func (a *App) signInState() (StateView, error) {
	a.setMember("")
	o, members, err := a.orgs.SignInChoices()
	if err != nil {
		return StateView{}, err
	}
	v := StateView{NeedsSignIn: true, OrgID: o.ID, OrgName: o.Name, DataDir: a.dataDir, VaultBackend: a.vault.Backend(),
		Access: AccessView{SignInRequired: true, Demo: o.Demo, Grantors: []string{}, SignInChoices: []MemberView{}}}
	for _, m := range members {
		v.Access.SignInChoices = append(v.Access.SignInChoices, memberView(m))
	}
	return v, nil
}

// SignIn checks the member's passphrase and opens the app for them. Wrong passphrases
// slow down further tries (org.ErrSlowDown).
func (a *App) SignIn(memberID, passphrase string) (StateView, error) {
	if a.openErr != nil {
		return StateView{}, a.openErr
	}
	m, err := a.orgs.SignIn(memberID, passphrase)
	if err != nil {
		return StateView{}, err
	}
	a.setMember(m.ID)
	return a.GetState()
}

// Lock signs the member out; the app shows the sign-in screen.
func (a *App) Lock() (StateView, error) {
	if a.openErr != nil {
		return StateView{}, a.openErr
	}
	a.setMember("")
	return a.GetState()
}

// Touch tells Go the person is active (typing in a form calls nothing else), so the
// auto-lock counts from their last action. It says when the app has locked meanwhile.
func (a *App) Touch() error {
	if a.openErr != nil {
		return a.openErr
	}
	if a.member() == "" {
		if _, _, err := a.orgs.Current(""); err != nil {
			return err
		}
	}
	return nil
}

// SetAutoLock sets after how many idle minutes the app locks.
func (a *App) SetAutoLock(minutes int) (StateView, error) {
	if a.openErr != nil {
		return StateView{}, a.openErr
	}
	if _, err := a.orgs.SetAutoLock(a.member(), minutes); err != nil {
		return StateView{}, err
	}
	return a.GetState()
}

func memberView(m access.Member) MemberView {
	return MemberView{ID: m.ID, Name: m.Name, Email: m.Email, Role: string(m.Role)}
}
