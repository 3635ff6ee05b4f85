package ui

import (
	"errors"
	"log"
	"sync"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/org"
)

// session is who is using the app and when they were last active. Go enforces the
// auto-lock, not only the page: a laptop that slept past the limit finds the app locked
// at its first call, although the page's timers were paused.
type session struct {
	mu         sync.Mutex
	now        func() time.Time // nil: the real clock
	memberID   string
	lastActive time.Time
	lockAfter  time.Duration // 0: nothing to lock (one member without a passphrase)
}

func (s *session) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

// member is who acts in this call: "" when nobody is signed in, or when the app has been
// idle past the lock time (then nobody is, from now on, and locked names who was).
func (s *session) member() (id, locked string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.memberID != "" && s.lockAfter > 0 && !s.lastActive.IsZero() && s.clock().Sub(s.lastActive) >= s.lockAfter {
		locked, s.memberID = s.memberID, ""
	}
	s.lastActive = s.clock()
	return s.memberID, locked
}

// member is who acts in this call (see session.member); an idle lock it finds is
// recorded in the audit log. With nobody signed in, an organization whose one member
// has no passphrase has them act, as GetState would find: the page asks for its first
// rows beside its first GetState, and either call may run first.
func (c *core) member(s *services) string {
	id, locked := c.session.member()
	if locked != "" {
		if err := s.orgs.Lock(locked, true); err != nil {
			log.Printf("record the idle lock: %v", err)
		}
		return ""
	}
	if id == "" {
		if _, me, err := s.orgs.Current(""); err == nil {
			c.session.signInIfNobody(me.ID)
			return me.ID
		}
	}
	return id
}

func (s *session) setMember(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.memberID = id
}

// signInIfNobody makes id the member signed in, unless another call signed someone in
// meanwhile: theirs wins.
func (s *session) signInIfNobody(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.memberID == "" {
		s.memberID = id
	}
}

func (s *session) setLockAfter(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lockAfter = d
}

// Session is the frame of the page: first-run setup, the demo, sign-in and the lock.
type Session struct{ c *core }

// StateView is what the UI needs to draw its frame: who is signed in, in which org,
// and what they may do.
type StateView struct {
	NeedsSetup        bool       `json:"needsSetup"`
	NeedsSignIn       bool       `json:"needsSignIn"` // then Access.SignInChoices lists who may
	OrgID             string     `json:"orgId"`
	OrgName           string     `json:"orgName"`
	Me                MemberView `json:"me"`
	APIAccess         bool       `json:"apiAccess"`
	CanManageKeys     bool       `json:"canManageKeys"`
	PayerInvoice      bool       `json:"payerInvoice"`
	PayerOrganization bool       `json:"payerOrganization"`
	DataDir           string     `json:"dataDir"`
	VaultBackend      string     `json:"vaultBackend"`
	Version           string     `json:"version"`
	// Shared: the organization is shared with other computers through its server.
	Shared bool       `json:"shared"`
	Access AccessView `json:"access"` // roles, sign-in and enablement
}

// MemberView is a member as the UI shows it.
type MemberView struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Role  string `json:"role"`
}

// AccessView is what the signed-in member may do beyond keys, and what the sign-in
// screen offers.
type AccessView struct {
	// SignInRequired: several members, or a passphrase is set; Lock means something.
	SignInRequired     bool `json:"signInRequired"`
	AutoLockMinutes    int  `json:"autoLockMinutes"`
	HasPassphrase      bool `json:"hasPassphrase"`
	CanManageMembers   bool `json:"canManageMembers"`
	CanApplyEnablement bool `json:"canApplyEnablement"`
	CanChangeSettings  bool `json:"canChangeSettings"`
	// Demo marks an organization made to try the app, enabled by a root key made on this computer.
	Demo bool `json:"demo"`
	// Grantors are the names of the members who can give "Manage API keys".
	Grantors []string `json:"grantors"`
	// SignInChoices are the members to choose from on the sign-in screen.
	SignInChoices []MemberView `json:"signInChoices"`
}

// SetupInput is the first-run form.
type SetupInput struct {
	OrgName string `json:"orgName"`
	Name    string `json:"name"`
	Email   string `json:"email"`
}

// GetState tells the UI whether to show the first-run setup, the sign-in screen or the
// app, and for whom.
func (x *Session) GetState() (StateView, error) {
	return with(x.c, x.c.state)
}

// SetUp creates the organization and makes the person its Owner.
func (x *Session) SetUp(in SetupInput) (StateView, error) {
	return with(x.c, func(s *services) (StateView, error) {
		o, me, err := s.orgs.Setup(in.OrgName, in.Name, in.Email)
		return x.c.signedIn(s, o, me, err)
	})
}

// SetUpDemo creates a demo organization, enabled by a root key made on this computer,
// for trying the app without a Proof CSM. Empty fields get demo defaults.
func (x *Session) SetUpDemo(in SetupInput) (StateView, error) {
	return with(x.c, func(s *services) (StateView, error) {
		o, me, err := s.orgs.SetupDemo(in.OrgName, in.Name, in.Email)
		return x.c.signedIn(s, o, me, err)
	})
}

// SignIn checks the member's passphrase and opens the app for them. Wrong passphrases
// slow down further tries (org.ErrSlowDown).
func (x *Session) SignIn(memberID, passphrase string) (StateView, error) {
	return with(x.c, func(s *services) (StateView, error) {
		m, err := x.c.signIn(s, memberID, passphrase)
		if err != nil {
			return StateView{}, err
		}
		x.c.session.setMember(m.ID)
		return x.c.state(s)
	})
}

// Lock signs the member out; the app shows the sign-in screen.
func (x *Session) Lock() (StateView, error) {
	return with(x.c, func(s *services) (StateView, error) {
		if id := x.c.member(s); id != "" {
			if err := lock(s, id); err != nil {
				return StateView{}, err
			}
		}
		x.c.session.setMember("")
		return x.c.state(s)
	})
}

// RecoveredView is the sign-in screen after a recovery code set a new passphrase: the
// app, signed in, and the member's next recovery code, shown this once.
type RecoveredView struct {
	State        StateView `json:"state"`
	RecoveryCode string    `json:"recoveryCode"`
}

// RecoverPassphrase sets a new passphrase for memberID with their recovery code, from the
// sign-in screen, and signs them in. Each code works once: the answer holds the next.
func (x *Session) RecoverPassphrase(memberID, code, next string) (RecoveredView, error) {
	return with(x.c, func(s *services) (RecoveredView, error) {
		if err := s.mayUse(memberID); err != nil {
			return RecoveredView{}, err
		}
		fresh, err := s.orgs.ResetPassphraseWithRecoveryCode(memberID, code, next)
		if err != nil {
			return RecoveredView{}, err
		}
		x.c.session.setMember(memberID)
		state, err := x.c.state(s)
		return RecoveredView{State: state, RecoveryCode: fresh}, err
	})
}

// Touch tells Go the person is active (typing in a form calls nothing else), so the
// auto-lock counts from their last action. It says when the app has locked meanwhile.
func (x *Session) Touch() error {
	s, err := x.c.services()
	if err != nil {
		return err
	}
	if x.c.member(s) == "" {
		_, _, err = s.orgs.Current("")
	}
	return err
}

// SetAutoLock sets after how many idle minutes the app locks.
func (x *Session) SetAutoLock(minutes int) (StateView, error) {
	return with(x.c, func(s *services) (StateView, error) {
		if _, err := s.orgs.SetAutoLock(x.c.member(s), minutes); err != nil {
			return StateView{}, err
		}
		return x.c.state(s)
	})
}

// state is the frame for whoever is signed in, the sign-in screen, or first-run setup.
func (c *core) state(s *services) (StateView, error) {
	id := c.member(s)
	o, me, err := s.orgs.Current(id)
	switch {
	case errors.Is(err, org.ErrNotSetUp):
		return StateView{NeedsSetup: true, DataDir: c.dataDir, VaultBackend: s.vault.Backend(), Version: c.opt.Version}, nil
	case errors.Is(err, org.ErrSignInNeeded):
		return c.signInState(s)
	case err != nil:
		return StateView{}, err
	}
	return c.stateOf(s, o, me), nil
}

// signedIn is the frame after setup made me the Owner of o. It takes the first snapshot
// at once, so the first day is protected too.
func (c *core) signedIn(s *services, o access.Org, me access.Member, err error) (StateView, error) {
	if err != nil {
		return StateView{}, err
	}
	if _, err := s.store.Snapshot(time.Now()); err != nil {
		log.Printf("snapshot after setup: %v", err)
	}
	c.session.setMember(me.ID)
	return c.stateOf(s, o, me), nil
}

func (c *core) stateOf(s *services, o access.Org, me access.Member) StateView {
	e := o.Enablement
	return c.withAccess(s, o, me, StateView{
		OrgID: o.ID, OrgName: o.Name, Me: memberView(me),
		APIAccess:         e.APIAccess,
		CanManageKeys:     access.Can(me, e, access.ManageKeys) == nil,
		PayerInvoice:      e.PayerInvoice,
		PayerOrganization: e.PayerOrganization,
		DataDir:           c.dataDir,
		VaultBackend:      s.vault.Backend(),
		Version:           c.opt.Version,
		Shared:            s.shared != nil,
	})
}

// withAccess fills v.Access for me and arms the auto-lock.
func (c *core) withAccess(s *services, o access.Org, me access.Member, v StateView) StateView {
	members, _ := s.orgs.Members(me.ID) // none on error: the page then names nobody to ask
	can := func(act access.Action) bool { return access.Can(me, o.Enablement, act) == nil }
	v.Access = AccessView{
		SignInRequired: org.SignInRequired(members), AutoLockMinutes: o.Settings.AutoLockMinutes,
		HasPassphrase: me.Passphrase != nil, Demo: o.Demo,
		CanManageMembers: can(access.ManageMembers), CanApplyEnablement: can(access.ApplyEnablement),
		CanChangeSettings: can(access.ManageSettings),
		Grantors:          []string{}, SignInChoices: []MemberView{},
	}
	for _, m := range access.Grantors(members) {
		v.Access.Grantors = append(v.Access.Grantors, m.Name)
	}
	lockAfter := time.Duration(0)
	if v.Access.SignInRequired {
		lockAfter = time.Duration(o.Settings.AutoLockMinutes) * time.Minute
	}
	c.session.setLockAfter(lockAfter)
	return v
}

// signInState is the sign-in screen: the org and who may sign in.
func (c *core) signInState(s *services) (StateView, error) {
	c.session.setMember("")
	o, members, err := s.orgs.SignInChoices()
	if err != nil {
		return StateView{}, err
	}
	v := StateView{NeedsSignIn: true, OrgID: o.ID, OrgName: o.Name, DataDir: c.dataDir,
		VaultBackend: s.vault.Backend(), Version: c.opt.Version,
		Access: AccessView{SignInRequired: true, Demo: o.Demo, Grantors: []string{}, SignInChoices: []MemberView{}}}
	for _, m := range members {
		if s.mayUse(m.ID) == nil {
			v.Access.SignInChoices = append(v.Access.SignInChoices, memberView(m))
		}
	}
	v.Shared = s.shared != nil
	return v, nil
}

func memberView(m access.Member) MemberView {
	return MemberView{ID: m.ID, Name: m.Name, Email: m.Email, Role: string(m.Role)}
}
