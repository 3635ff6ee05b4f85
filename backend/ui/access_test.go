package ui

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/enablement"
	"proofkeys/backend/enablement/enablementtest"
	"proofkeys/backend/org"
	"proofkeys/backend/passphrase"
)

const testPass = "correct horse battery"

// enableByStaffCode enables grants the way Proof does: a staff member certified by a
// root the app trusts signs a code that the member signed in on a applies. It returns
// the state afterwards.
func enableByStaffCode(t *testing.T, a *UI, grants ...access.Grant) StateView {
	t.Helper()
	proof := enablementtest.New(t, 77)
	a.s().orgs.Roots = proof.Roots()
	state, err := a.Session.GetState()
	require.NoError(t, err)
	_, err = a.Org.ApplyEnablementCode(proof.Code(enablement.Request{Org: state.OrgID, Grants: grants}, time.Now()))
	require.NoError(t, err)
	state, err = a.Session.GetState()
	require.NoError(t, err)
	return state
}

// teamApp is an app whose org has API access and four members, each with a passphrase.
type teamApp struct {
	app                          *UI
	clip                         *fakeClipboard
	owner, admin, granted, plain string
}

func newTeamApp(t *testing.T) *teamApp {
	t.Helper()
	a, clip := newTestApp(t, t.TempDir())
	a.s().orgs.Hashing = passphrase.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	state, err := a.Session.SetUp(SetupInput{OrgName: "Acme", Name: "Dana", Email: "dana@example.com"})
	require.NoError(t, err)
	require.NoError(t, errOf(a.Members.SetPassphrase(state.Me.ID, "", testPass)))
	enableByStaffCode(t, a, access.Grants...)
	tm := &teamApp{app: a, clip: clip, owner: state.Me.ID}
	add := func(name, role string, grant bool) string {
		m, err := a.Members.AddMember(NewMemberInput{Name: name, Email: strings.ToLower(name) + "@example.com",
			Role: role, ManageAPIKeys: grant, Passphrase: testPass})
		require.NoError(t, err)
		return m.ID
	}
	tm.admin = add("Ari", "admin", false)
	tm.granted = add("Gus", "team_member", true)
	tm.plain = add("Tess", "team_member", false)
	return tm
}

func (tm *teamApp) signInAs(t *testing.T, id string) {
	t.Helper()
	_, err := tm.app.Session.Lock()
	require.NoError(t, err)
	state, err := tm.app.Session.SignIn(id, testPass)
	require.NoError(t, err)
	require.Equal(t, id, state.Me.ID)
}

// ownerKey makes a key as the Owner, through the use case, for an action to work on.
func (tm *teamApp) ownerKey(t *testing.T) apikey.Key {
	t.Helper()
	k, err := tm.app.s().keys.Generate(tm.owner, apikey.Production)
	require.NoError(t, err)
	return k
}

// TestEveryRoleAgainstEveryAction calls each bound method as each role: the UI disables
// what a role may not do, and Go refuses it anyway when called directly.
func TestEveryRoleAgainstEveryAction(t *testing.T) {
	tm := newTeamApp(t)
	a := tm.app
	zed, err := a.Members.AddMember(NewMemberInput{Name: "Zed", Email: "zed@example.com", Role: "team_member", Passphrase: testPass})
	require.NoError(t, err) // someone whose passphrase others may reset (or not)
	n := 0
	fresh := func() string { n++; return "x" + string(rune('a'+n%26)) + time.Now().Format("150405.000000") }
	actions := []struct {
		name string
		run  func(t *testing.T) error
		// who may: owner, admin, granted team member, team member
		owner, admin, granted, plain bool
	}{
		{"list keys", func(*testing.T) error {
			_, err := a.Keys.KeyPage(firstPage("production", "", "all", "newest"))
			return err
		}, true, true, true, true},
		{"generate", func(*testing.T) error { _, err := a.Keys.GenerateKey("sandbox"); return err }, true, true, true, false},
		{"configure", func(t *testing.T) error {
			k := tm.ownerKey(t)
			s := k.Settings
			s.Name = "Renamed"
			_, err := a.Keys.SaveKeySettings(k.ID, s)
			return err
		}, true, true, true, false},
		{"copy", func(t *testing.T) error { _, err := a.Keys.CopyKey(tm.ownerKey(t).ID); return err }, true, true, true, false},
		{"delete", func(t *testing.T) error { return a.Keys.DeleteKey(tm.ownerKey(t).ID) }, true, true, true, false},
		{"list members", func(*testing.T) error { _, err := a.Members.ListMembers(); return err }, true, true, true, true},
		{"add member", func(*testing.T) error {
			_, err := a.Members.AddMember(NewMemberInput{Name: "New", Email: fresh() + "@example.com", Role: "team_member", Passphrase: testPass})
			return err
		}, true, true, false, false},
		{"change member", func(*testing.T) error { _, err := a.Members.ChangeMember(zed.ID, "team_member", false); return err }, true, true, false, false},
		{"remove member", func(t *testing.T) error {
			m, err := a.s().orgs.AddMember(tm.owner, org.NewMember{Name: "Leaving", Email: fresh() + "@example.com",
				Role: access.TeamMember, Passphrase: testPass})
			require.NoError(t, err)
			return a.Members.RemoveMember(m.ID)
		}, true, true, false, false},
		{"reset a passphrase", func(*testing.T) error { return errOf(a.Members.SetPassphrase(zed.ID, "", testPass)) }, true, true, false, false},
		{"view enablement", func(*testing.T) error { _, err := a.Org.GetEnablement(); return err }, true, true, true, true},
		{"apply enablement code", func(t *testing.T) error {
			elsewhere, err := access.NewOrgID(rand.Reader)
			require.NoError(t, err)
			_, err = a.Org.ApplyEnablementCode(enablementtest.New(t, 78).Code(enablement.Request{Org: elsewhere,
				Grants: access.Grants}, time.Now()))
			if err != nil && Explain(err).Code == "code_untrusted" {
				return nil // allowed to try: the code itself was refused
			}
			return err
		}, true, true, false, false},
		{"dismiss the new code form notice", func(*testing.T) error { _, err := a.Org.DismissNewCodeFormNotice(); return err },
			true, true, false, false},
		{"change auto-lock", func(*testing.T) error { _, err := a.Session.SetAutoLock(15 + n%2); n++; return err }, true, true, false, false},
		{"troubleshoot", func(*testing.T) error { _, err := a.Support.Troubleshoot(); return err }, true, true, true, true},
	}
	for _, role := range []struct {
		name, id string
		pick     func(owner, admin, granted, plain bool) bool
	}{
		{"owner", tm.owner, func(o, _, _, _ bool) bool { return o }},
		{"admin", tm.admin, func(_, ad, _, _ bool) bool { return ad }},
		{"team member with Manage API keys", tm.granted, func(_, _, g, _ bool) bool { return g }},
		{"team member", tm.plain, func(_, _, _, p bool) bool { return p }},
	} {
		for _, act := range actions {
			tm.signInAs(t, role.id)
			allowed := role.pick(act.owner, act.admin, act.granted, act.plain)
			err := act.run(t)
			if allowed {
				assert.NoError(t, err, "%s may %s", role.name, act.name)
				continue
			}
			if assert.Error(t, err, "%s may not %s", role.name, act.name) {
				assert.Equal(t, "forbidden", Explain(err).Code, "%s / %s: %v", role.name, act.name, err)
			}
		}
	}
}

func TestStateTellsTheUIWhatTheMemberMayDo(t *testing.T) {
	tm := newTeamApp(t)
	tm.signInAs(t, tm.plain)
	state, err := tm.app.Session.GetState()
	require.NoError(t, err)
	assert.False(t, state.CanManageKeys)
	assert.False(t, state.Access.CanManageMembers)
	assert.True(t, state.Access.SignInRequired)
	assert.Equal(t, []string{"Dana", "Ari"}, state.Access.Grantors)
	tm.signInAs(t, tm.owner)
	state, err = tm.app.Session.GetState()
	require.NoError(t, err)
	assert.True(t, state.Access.CanApplyEnablement)
	assert.True(t, state.Access.CanManageMembers)
}

func TestSignInLockAndAutoLock(t *testing.T) {
	tm := newTeamApp(t)
	a := tm.app
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	a.core.session.now = func() time.Time { return now }

	state, err := a.Session.Lock()
	require.NoError(t, err)
	assert.True(t, state.NeedsSignIn)
	assert.Empty(t, state.Me.ID)
	require.Len(t, state.Access.SignInChoices, 4)
	assert.Equal(t, "Dana", state.Access.SignInChoices[0].Name)
	_, err = a.Keys.all("production")
	assert.Error(t, err, "nothing works while locked")

	_, err = a.Session.SignIn(tm.admin, "wrong passphrase")
	assert.Equal(t, "wrong_passphrase", Explain(err).Code)
	state, err = a.Session.SignIn(tm.admin, testPass)
	require.NoError(t, err)
	assert.Equal(t, "Ari", state.Me.Name)
	assert.Equal(t, 15, state.Access.AutoLockMinutes)

	now = now.Add(14 * time.Minute)
	require.NoError(t, a.Session.Touch())
	now = now.Add(14 * time.Minute)
	state, err = a.Session.GetState()
	require.NoError(t, err)
	assert.False(t, state.NeedsSignIn, "each call counts as activity")

	now = now.Add(15 * time.Minute)
	assert.Equal(t, "sign_in", Explain(a.Session.Touch()).Code, "idle for the org's auto-lock time: locked")
	state, err = a.Session.GetState()
	require.NoError(t, err)
	assert.True(t, state.NeedsSignIn)

	for range 2 {
		_, err = a.Session.SignIn(tm.plain, "guess")
		assert.Equal(t, "wrong_passphrase", Explain(err).Code)
	}
	_, err = a.Session.SignIn(tm.plain, "guess")
	assert.Equal(t, "wrong_passphrase", Explain(err).Code)
	_, err = a.Session.SignIn(tm.plain, testPass)
	assert.Equal(t, "slow_down", Explain(err).Code, "after wrong tries even the right one waits")
}

func TestSingleMemberNeedsNoPassphraseUntilSet(t *testing.T) {
	a, _ := newTestApp(t, t.TempDir())
	a.s().orgs.Hashing = passphrase.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	state, err := a.Session.SetUp(SetupInput{OrgName: "Acme", Name: "Dana", Email: "dana@example.com"})
	require.NoError(t, err)
	assert.False(t, state.Access.SignInRequired)
	state, err = a.Session.Lock()
	require.NoError(t, err)
	assert.False(t, state.NeedsSignIn, "nothing to lock without a passphrase")

	_, err = a.Members.AddMember(NewMemberInput{Name: "Sam", Email: "sam@example.com", Role: "admin", Passphrase: testPass})
	assert.Equal(t, "passphrase_first", Explain(err).Code)

	require.NoError(t, errOf(a.Members.SetPassphrase(state.Me.ID, "", testPass)))
	state, err = a.Session.Lock()
	require.NoError(t, err)
	assert.True(t, state.NeedsSignIn, "the Owner set a passphrase: the app now locks")
}

func TestNewOrgHasNoAPIKeysUntilACodeAndWithdrawKeepsKeys(t *testing.T) {
	a, _ := newTestApp(t, t.TempDir())
	state, err := a.Session.SetUp(SetupInput{OrgName: "Acme", Name: "Dana", Email: "dana@example.com"})
	require.NoError(t, err)
	assert.False(t, state.APIAccess)
	_, err = a.Keys.GenerateKey("production")
	assert.Equal(t, "no_api_access", Explain(err).Code)

	proof := enablementtest.New(t, 7)
	issued := time.Now()
	code := func(withdraw bool) string {
		issued = issued.Add(time.Minute) // each code newer than the last, as Proof issues them
		return proof.Code(enablement.Request{Org: state.OrgID, Withdraw: withdraw,
			Grants: []access.Grant{access.GrantAPIAccess, access.GrantPayerInvoice}}, issued)
	}
	first := code(false)
	_, err = a.Org.ApplyEnablementCode(first)
	assert.Equal(t, "code_untrusted", Explain(err).Code, "a root this copy does not know")
	a.s().orgs.Roots = proof.Roots()
	ev, err := a.Org.ApplyEnablementCode(first)
	require.NoError(t, err)
	assert.True(t, ev.APIAccess)
	require.Len(t, ev.Current, 2)
	assert.Equal(t, "Sam at Proof", ev.Current[0].IssuedBy)
	assert.Equal(t, "Dana", ev.Current[0].AppliedBy)

	k, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	s := *k.Settings
	s.Payer = apikey.PayerInvoice
	_, err = a.Keys.SaveKeySettings(k.ID, s)
	require.NoError(t, err)

	_, err = a.Org.ApplyEnablementCode(code(true))
	require.NoError(t, err)
	_, err = a.Keys.all("production")
	assert.Equal(t, "no_api_access", Explain(err).Code, "the page is hidden")
	_, err = a.s().vault.Get(k.ID)
	require.NoError(t, err, "the key's secret stays in the vault")

	_, err = a.Org.ApplyEnablementCode(code(false))
	require.NoError(t, err)
	list, err := a.Keys.all("production")
	require.NoError(t, err)
	require.Len(t, list, 1, "given back, the keys are all there")
	assert.Equal(t, apikey.PayerInvoice, list[0].Payer)
}

func TestSupportBundleIsSavedWhereThePersonChose(t *testing.T) {
	tm := newTeamApp(t)
	path := filepath.Join(t.TempDir(), "bundle.json")
	d := &savingDesktop{path: path}
	tm.app.core.desktop = d
	saved, err := tm.app.Support.SaveSupportBundle()
	require.NoError(t, err)
	assert.Equal(t, path, saved.Path)
	assert.Regexp(t, `^proofkeys-support-\d{8}-\d{6}\.json$`, d.asked)
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"owners": 1`)
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	tm.app.core.desktop = &fakeDesktop{}
	saved, err = tm.app.Support.SaveSupportBundle()
	require.NoError(t, err)
	assert.Empty(t, saved.Path, "a cancelled dialog saves nothing")

	tr, err := tm.app.Support.Troubleshoot()
	require.NoError(t, err)
	assert.True(t, tr.APIAccess)
	require.NotNil(t, tr.APIAccessBy)
	assert.Equal(t, "Sam at Proof", tr.APIAccessBy.IssuedBy)
	assert.True(t, tr.VaultAnswers, tr.VaultProblem)
}

// errOf is the error of a call that also returns a value the test does not need.
func errOf[T any](_ T, err error) error { return err }

// The one member of an organization that signs no one in acts in a call that comes
// before the page's first GetState, and a member signed in meanwhile by another call
// stays signed in.
func TestSignInIfNobodyKeepsWhoIsSignedIn(t *testing.T) {
	var s session
	s.signInIfNobody("mem_1")
	id, _ := s.member()
	assert.Equal(t, "mem_1", id)
	s.signInIfNobody("mem_2")
	id, _ = s.member()
	assert.Equal(t, "mem_1", id, "someone is signed in: they stay")
}
