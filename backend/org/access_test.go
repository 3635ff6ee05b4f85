package org_test

import (
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/enablement"
	"proofkeys/backend/enablement/enablementtest"
	"proofkeys/backend/org"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/store"
)

// clock is a settable time for the throttle and the audit log: tests never sleep.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// team is an org with an Owner (with a passphrase), an Admin, a granted Team member and
// a Team member, on cheap hashing parameters.
type team struct {
	svc                          *org.Service
	st                           *store.Store
	clock                        *clock
	org                          access.Org
	owner, admin, granted, plain access.Member
}

const pass = "correct horse battery"

func newTeam(t *testing.T) *team {
	t.Helper()
	svc, st := newService(t)
	c := &clock{t: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}
	svc.Now = c.now
	svc.Hashing = passphrase.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	o, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	require.NoError(t, errOf(svc.SetPassphrase(owner.ID, owner.ID, "", pass)))
	tm := &team{svc: svc, st: st, clock: c, org: o, owner: owner}
	add := func(name string, role access.Role, grant bool) access.Member {
		m, err := svc.AddMember(owner.ID, org.NewMember{Name: name, Email: name + "@example.com", Role: role,
			ManageAPIKeys: grant, Passphrase: pass + " " + name})
		require.NoError(t, err)
		return m
	}
	tm.admin = add("Ari", access.Admin, false)
	tm.granted = add("Gus", access.TeamMember, true)
	tm.plain = add("Tess", access.TeamMember, false)
	return tm
}

func (tm *team) events(t *testing.T, a audit.Action) []audit.Event {
	t.Helper()
	var out []audit.Event
	require.NoError(t, tm.st.View(func(tx *store.Tx) error {
		return tx.EventsSince(0, func(e audit.Event) error { out = append(out, e); return nil }, a)
	}))
	return out
}

func TestNewOrgHasNoAPIAccess(t *testing.T) {
	svc, _ := newService(t)
	o, _, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{}, o.Enablement)
	got, _, err := svc.Current("")
	require.NoError(t, err)
	assert.False(t, got.Enablement.APIAccess)
	assert.False(t, got.Demo)
}

func TestMembersAddChangeRemove(t *testing.T) {
	tm := newTeam(t)
	list, err := tm.svc.Members(tm.plain.ID)
	require.NoError(t, err)
	var names []string
	for _, m := range list {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"Dana", "Ari", "Gus", "Tess"}, names, "Owners, Admins, then Team members")
	assert.True(t, tm.granted.ManageAPIKeys)

	_, err = tm.svc.AddMember(tm.admin.ID, org.NewMember{Name: "Eve", Email: "eve@example.com", Role: access.Owner, Passphrase: pass})
	assert.ErrorIs(t, err, access.ErrOwnerOnly)
	_, err = tm.svc.AddMember(tm.granted.ID, org.NewMember{Name: "Eve", Email: "eve@example.com", Role: access.TeamMember, Passphrase: pass})
	assert.ErrorIs(t, err, access.ErrForbidden)
	_, err = tm.svc.AddMember(tm.owner.ID, org.NewMember{Name: "", Email: "ARI@example.com", Role: "boss", Passphrase: "short"})
	var fields apikey.FieldErrors
	require.ErrorAs(t, err, &fields)
	assert.Equal(t, []string{"name", "passphrase", "role"}, sortedKeys(fields))
	_, err = tm.svc.AddMember(tm.owner.ID, org.NewMember{Name: "Ari 2", Email: "ARI@example.com", Role: access.Admin, Passphrase: pass})
	require.ErrorAs(t, err, &fields)
	assert.Contains(t, fields["email"], "already exists")

	// an admin cannot change the owner; the last owner cannot demote themselves
	_, err = tm.svc.ChangeMember(tm.admin.ID, tm.owner.ID, access.Admin, false)
	assert.ErrorIs(t, err, access.ErrOwnerOnly)
	_, err = tm.svc.ChangeMember(tm.owner.ID, tm.owner.ID, access.Admin, false)
	assert.ErrorIs(t, err, access.ErrLastOwner)
	assert.ErrorIs(t, tm.svc.RemoveMember(tm.admin.ID, tm.owner.ID), access.ErrOwnerOnly)
	assert.ErrorIs(t, tm.svc.RemoveMember(tm.owner.ID, tm.owner.ID), access.ErrRemoveSelf)

	changed, err := tm.svc.ChangeMember(tm.admin.ID, tm.plain.ID, access.TeamMember, true)
	require.NoError(t, err)
	assert.True(t, changed.ManageAPIKeys)
	ev := tm.events(t, audit.MemberChanged)
	require.Len(t, ev, 1)
	assert.Equal(t, []audit.Change{{Field: "manageApiKeys", Old: "false", New: "true"}}, ev[0].Changes)

	promoted, err := tm.svc.ChangeMember(tm.owner.ID, tm.admin.ID, access.Owner, true)
	require.NoError(t, err)
	assert.False(t, promoted.ManageAPIKeys, "the grant is for Team members only")
	_, err = tm.svc.ChangeMember(tm.admin.ID, tm.owner.ID, access.Admin, false)
	require.NoError(t, err, "with two owners, one may demote the other")

	require.NoError(t, tm.svc.RemoveMember(tm.admin.ID, tm.plain.ID))
	assert.ErrorIs(t, tm.svc.RemoveMember(tm.admin.ID, tm.plain.ID), org.ErrNoSuchMember)
	assert.Len(t, tm.events(t, audit.MemberAdded), 3)
	assert.Len(t, tm.events(t, audit.MemberRemoved), 1)
	_, _, err = tm.svc.Current(tm.plain.ID)
	assert.ErrorIs(t, err, org.ErrSignInNeeded, "a removed member is signed out")
}

func TestAddingTheSecondMemberNeedsTheOwnersPassphrase(t *testing.T) {
	svc, _ := newService(t)
	svc.Hashing = passphrase.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	_, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	_, err = svc.AddMember(owner.ID, org.NewMember{Name: "Sam", Email: "sam@example.com", Role: access.Admin, Passphrase: pass})
	assert.ErrorIs(t, err, org.ErrPassphraseFirst)
	_, me, err := svc.Current("")
	require.NoError(t, err, "one member without a passphrase: no sign-in")
	assert.Equal(t, owner.ID, me.ID)

	require.NoError(t, errOf(svc.SetPassphrase(owner.ID, owner.ID, "", pass)))
	_, _, err = svc.Current("")
	assert.ErrorIs(t, err, org.ErrSignInNeeded, "the only member set a passphrase: sign in")
	_, err = svc.SignIn(owner.ID, pass)
	require.NoError(t, err)
}

func TestSignInAndThrottle(t *testing.T) {
	tm := newTeam(t)
	_, _, err := tm.svc.Current("")
	assert.ErrorIs(t, err, org.ErrSignInNeeded)
	o, choices, err := tm.svc.SignInChoices()
	require.NoError(t, err)
	assert.Equal(t, "Acme", o.Name)
	assert.Len(t, choices, 4)

	m, err := tm.svc.SignIn(tm.plain.ID, pass+" Tess")
	require.NoError(t, err)
	assert.Equal(t, "Tess", m.Name)

	for i := range 2 {
		_, err := tm.svc.SignIn(tm.admin.ID, "guess")
		assert.ErrorIs(t, err, org.ErrWrongPassphrase, "try %d", i+1)
		assert.NotErrorIs(t, err, org.ErrSlowDown, "try %d", i+1)
	}
	_, err = tm.svc.SignIn(tm.admin.ID, "guess")
	var wait org.WaitError
	require.ErrorAs(t, err, &wait, "the third wrong try starts the wait, as the README says")
	assert.Equal(t, 2*time.Second, wait.Wait)
	_, err = tm.svc.SignIn(tm.admin.ID, pass+" Ari")
	require.ErrorIs(t, err, org.ErrSlowDown, "even the right passphrase waits")
	assert.NotErrorIs(t, err, org.ErrWrongPassphrase)
	_, err = tm.svc.SignIn(tm.owner.ID, pass)
	require.NoError(t, err, "other members are not slowed down")

	tm.clock.t = tm.clock.t.Add(3 * time.Second)
	_, err = tm.svc.SignIn(tm.admin.ID, pass+" Ari")
	require.NoError(t, err)
	failed := tm.events(t, audit.SignInFailed)
	require.Len(t, failed, 3)
	assert.Equal(t, org.Someone, failed[0].ActorName, "a wrong passphrase is not the member's act")
	assert.Empty(t, failed[0].Actor)
	assert.Equal(t, "tried to sign in as Ari ("+tm.admin.ID+")", failed[0].Detail)
	held := tm.events(t, audit.SignInWait)
	require.Len(t, held, 1, "the wait is logged once, when it starts")
	assert.Empty(t, held[0].Actor)
	signedIn := tm.events(t, audit.SignedIn)
	require.Len(t, signedIn, 3, "Tess, Dana and Ari signed in")
	assert.Equal(t, tm.admin.ID, signedIn[2].Actor)
	_, err = tm.svc.SignIn("mem_nobody", pass)
	assert.ErrorIs(t, err, org.ErrNoSuchMember)
}

func TestSignInWaitSurvivesARestart(t *testing.T) {
	tm := newTeam(t)
	for range 3 {
		_, err := tm.svc.SignIn(tm.admin.ID, "guess")
		require.ErrorIs(t, err, org.ErrWrongPassphrase)
	}
	restarted := org.New(tm.st)
	restarted.Now, restarted.Hashing = tm.clock.now, tm.svc.Hashing
	_, err := restarted.SignIn(tm.admin.ID, pass+" Ari")
	var wait org.WaitError
	require.ErrorAs(t, err, &wait, "a restart does not give a guesser a fresh start")
	assert.Equal(t, 2*time.Second, wait.Wait)

	require.NoError(t, errOf(restarted.SetPassphrase(tm.owner.ID, tm.admin.ID, "", "a fresh passphrase")),
		"an Owner resets a forgotten passphrase")
	_, err = restarted.SignIn(tm.admin.ID, "a fresh passphrase")
	require.NoError(t, err, "a reset passphrase starts with a clean slate")

	tm.clock.t = tm.clock.t.Add(time.Minute)
	for i := range 2 {
		_, err := restarted.SignIn(tm.admin.ID, "guess")
		require.ErrorIs(t, err, org.ErrWrongPassphrase)
		require.NotErrorIs(t, err, org.ErrSlowDown, "try %d is free again after a right passphrase", i+1)
	}
	_, err = restarted.SignIn(tm.admin.ID, "a fresh passphrase")
	require.NoError(t, err)
	_, err = restarted.SignIn(tm.admin.ID, "guess")
	assert.NotErrorIs(t, err, org.ErrSlowDown, "the right passphrase cleared the two failures")
}

func TestSetPassphraseRules(t *testing.T) {
	tm := newTeam(t)
	err := errOf(tm.svc.SetPassphrase(tm.plain.ID, tm.plain.ID, "not it", "a new passphrase"))
	var fields apikey.FieldErrors
	require.ErrorAs(t, err, &fields)
	assert.Contains(t, fields, "current")
	require.NoError(t, errOf(tm.svc.SetPassphrase(tm.plain.ID, tm.plain.ID, pass+" Tess", "a new passphrase")))
	_, err = tm.svc.SignIn(tm.plain.ID, "a new passphrase")
	require.NoError(t, err)

	assert.ErrorIs(t, errOf(tm.svc.SetPassphrase(tm.plain.ID, tm.granted.ID, "", "reset by a peer")), access.ErrForbidden)
	assert.ErrorIs(t, errOf(tm.svc.SetPassphrase(tm.admin.ID, tm.owner.ID, "", "reset by an admin")), access.ErrOwnerOnly)
	require.NoError(t, errOf(tm.svc.SetPassphrase(tm.admin.ID, tm.plain.ID, "", "reset by an admin")), "for a member who forgot it")
	require.ErrorAs(t, errOf(tm.svc.SetPassphrase(tm.owner.ID, tm.owner.ID, pass, "short")), &fields)
	assert.Contains(t, fields, "passphrase")
	assert.Len(t, tm.events(t, audit.PassphraseSet), 3)

	var stored access.Member
	require.NoError(t, tm.st.View(func(tx *store.Tx) error {
		var err error
		stored, err = tx.Member(tm.plain.ID)
		return err
	}))
	require.NotNil(t, stored.Passphrase)
	assert.Equal(t, "argon2id", stored.Passphrase.Algorithm)
	assert.Equal(t, uint32(64), stored.Passphrase.MemoryKiB, "the parameters are stored with the hash")
}

func TestAutoLockSetting(t *testing.T) {
	tm := newTeam(t)
	assert.Equal(t, 15, tm.org.Settings.AutoLockMinutes)
	_, err := tm.svc.SetAutoLock(tm.granted.ID, 5)
	assert.ErrorIs(t, err, access.ErrForbidden)
	_, err = tm.svc.SetAutoLock(tm.admin.ID, 0)
	var fields apikey.FieldErrors
	require.ErrorAs(t, err, &fields)
	s, err := tm.svc.SetAutoLock(tm.admin.ID, 5)
	require.NoError(t, err)
	assert.Equal(t, 5, s.AutoLockMinutes)
	assert.Equal(t, 90, s.RotationDays, "other settings are kept")
	ev := tm.events(t, audit.OrgSettingsSet)
	require.Len(t, ev, 1)
	assert.Equal(t, []audit.Change{{Field: "autoLockMinutes", Old: "15", New: "5"}}, ev[0].Changes)
}

func TestEnablementByCode(t *testing.T) {
	tm := newTeam(t)
	proof := enablementtest.New(t, 9)
	code := func(r enablement.Request) string {
		r.Org = tm.org.ID
		return proof.Code(r, tm.clock.t)
	}
	grant := code(enablement.Request{Grants: []access.Grant{access.GrantAPIAccess, access.GrantPayerInvoice}})

	_, err := tm.svc.ApplyEnablement(tm.owner.ID, grant)
	assert.ErrorIs(t, err, enablement.ErrUntrusted, "a root this copy does not know")
	tm.svc.Roots = proof.Roots()

	_, err = tm.svc.ApplyEnablement(tm.granted.ID, grant)
	assert.ErrorIs(t, err, access.ErrForbidden, "a Team member cannot apply codes, even with the grant")
	assert.ErrorIs(t, err, org.ErrManagersOnly)
	tm.clock.t = tm.clock.t.Add(time.Minute)
	entries, err := tm.svc.ApplyEnablement(tm.admin.ID, grant)
	require.NoError(t, err)
	require.Len(t, entries, 2)
	assert.Equal(t, "Ari", entries[0].AppliedByName)

	st, err := tm.svc.Enablement(tm.plain.ID)
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{APIAccess: true, PayerInvoice: true}, st.Enablement)
	require.Len(t, st.Current, 2)
	assert.Equal(t, "Sam at Proof", st.Current[0].IssuedBy)
	assert.Equal(t, proof.CertID(), st.Current[0].CertID)
	assert.Equal(t, proof.Roots(), st.Roots)
	assert.False(t, st.NewCodeFormNotice)

	_, err = tm.svc.ApplyEnablement(tm.owner.ID, grant)
	assert.ErrorIs(t, err, enablement.ErrAlreadyApplied, "a replayed code")

	tm.clock.t = tm.clock.t.Add(time.Hour)
	_, err = tm.svc.ApplyEnablement(tm.owner.ID, code(enablement.Request{Withdraw: true, Grants: []access.Grant{access.GrantAPIAccess}}))
	require.NoError(t, err)
	st, err = tm.svc.Enablement(tm.owner.ID)
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{PayerInvoice: true}, st.Enablement)

	ev := tm.events(t, audit.EnablementApplied)
	require.Len(t, ev, 2)
	assert.Equal(t, []audit.Change{{Field: "api_access", Old: "false", New: "true"},
		{Field: "payer_invoice", Old: "false", New: "true"}}, ev[0].Changes)
	assert.Contains(t, ev[0].Detail, "Sam at Proof")
	assert.Contains(t, ev[0].Detail, proof.CertID())
}

func TestARefusedCodeChangesNothingAndNamesItsOrganization(t *testing.T) {
	tm := newTeam(t)
	proof := enablementtest.New(t, 9)
	tm.svc.Roots = proof.Roots()
	elsewhere, err := access.NewOrgID(rand.Reader)
	require.NoError(t, err)
	_, err = tm.svc.ApplyEnablement(tm.owner.ID, proof.Code(enablement.Request{Org: elsewhere,
		Grants: access.Grants}, tm.clock.t))
	require.ErrorIs(t, err, enablement.ErrOtherOrg)
	var refusal *enablement.Refusal
	require.ErrorAs(t, err, &refusal)
	assert.Equal(t, elsewhere, refusal.Org)
	st, err := tm.svc.Enablement(tm.owner.ID)
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{}, st.Enablement)
	assert.Empty(t, tm.events(t, audit.EnablementApplied))
}

func TestARevocationPastedLikeACode(t *testing.T) {
	tm := newTeam(t)
	proof := enablementtest.New(t, 9)
	tm.svc.Roots = proof.Roots()
	revocation, err := enablement.Revoke(proof.Root, []string{proof.CertID()}, "left Proof", tm.clock.t)
	require.NoError(t, err)
	_, err = tm.svc.ApplyEnablement(tm.plain.ID, revocation)
	assert.ErrorIs(t, err, access.ErrForbidden)
	entries, err := tm.svc.ApplyEnablement(tm.admin.ID, revocation)
	require.NoError(t, err)
	assert.Empty(t, entries)
	_, err = tm.svc.ApplyEnablement(tm.admin.ID, revocation)
	assert.ErrorIs(t, err, enablement.ErrAlreadyApplied)

	_, err = tm.svc.ApplyEnablement(tm.owner.ID, proof.Code(enablement.Request{Org: tm.org.ID,
		Grants: access.Grants}, tm.clock.t))
	assert.ErrorIs(t, err, enablement.ErrRevoked)
	st, err := tm.svc.Enablement(tm.owner.ID)
	require.NoError(t, err)
	require.Len(t, st.Revocations, 1)
	assert.Equal(t, proof.CertID(), st.Revocations[0].CertID)
	ev := tm.events(t, audit.CertsRevoked)
	require.Len(t, ev, 1)
	assert.Contains(t, ev[0].Detail, proof.CertID())
	assert.Contains(t, ev[0].Detail, "left Proof")
}

// A data folder from before certificates: an Owner trusted a staff key by hand, its
// codes enabled API access and a payer, and the org has an old-form ID.
func TestAnOrgThatTrustedAStaffKeyByHandKeepsItsEnablement(t *testing.T) {
	tm := newTeam(t)
	const oldID = "org_v4pukOcO7xwgicz1"
	applied := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	require.NoError(t, tm.st.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return err
		}
		o.ID = oldID
		o.Enablement = access.Enablement{APIAccess: true, PayerInvoice: true}
		o.StaffKeys = []access.StaffKey{{ID: "stk_0123456789abcdef", Name: "Sam at Proof",
			PublicKey: "pkstaff1_" + strings.Repeat("A", 43), AddedAt: applied, AddedBy: tm.owner.ID}}
		for _, g := range []access.Grant{access.GrantAPIAccess, access.GrantPayerInvoice} {
			o.EnablementLog = append(o.EnablementLog, access.EnablementEntry{Grant: g, Enabled: true,
				CodeID: "enc_old", IssuedBy: "Sam at Proof", KeyID: "stk_0123456789abcdef",
				IssuedAt: applied, AppliedAt: applied, AppliedBy: tm.owner.ID, AppliedByName: "Dana"})
		}
		return tx.PutOrg(o)
	}))

	st, err := tm.svc.Enablement(tm.plain.ID)
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{APIAccess: true, PayerInvoice: true}, st.Enablement, "grants applied stay applied")
	assert.True(t, st.NewCodeFormNotice, "and the page says codes now come in the new form")
	require.Len(t, st.LegacyStaffKeys, 1)
	assert.Len(t, st.Current, 2)

	oldCode := "PKEN1.eyJ2IjoxfQ." + strings.Repeat("A", 86)
	_, err = tm.svc.ApplyEnablement(tm.owner.ID, oldCode)
	assert.ErrorIs(t, err, enablement.ErrOldForm)

	assert.ErrorIs(t, tm.svc.AcknowledgeNewCodeForm(tm.plain.ID), access.ErrForbidden)
	require.NoError(t, tm.svc.AcknowledgeNewCodeForm(tm.admin.ID))
	require.NoError(t, tm.svc.AcknowledgeNewCodeForm(tm.owner.ID), "a second reader changes nothing")
	st, err = tm.svc.Enablement(tm.owner.ID)
	require.NoError(t, err)
	assert.False(t, st.NewCodeFormNotice, "said once")
	assert.True(t, st.Enablement.APIAccess)

	// the old-form ID keeps working for new codes, and a withdrawal reaches the old grants
	proof := enablementtest.New(t, 9)
	tm.svc.Roots = proof.Roots()
	tm.clock.t = tm.clock.t.Add(time.Hour)
	_, err = tm.svc.ApplyEnablement(tm.owner.ID, proof.Code(enablement.Request{Org: oldID, Withdraw: true,
		Grants: []access.Grant{access.GrantPayerInvoice}}, tm.clock.t))
	require.NoError(t, err)
	st, err = tm.svc.Enablement(tm.owner.ID)
	require.NoError(t, err)
	assert.Equal(t, access.Enablement{APIAccess: true}, st.Enablement)
}

func TestNewOrganizationsGetCheckedIDs(t *testing.T) {
	tm := newTeam(t)
	got, err := access.ParseOrgID(tm.org.ID)
	require.NoError(t, err)
	assert.Equal(t, tm.org.ID, got)
	assert.False(t, access.LegacyOrgID(tm.org.ID))
}

func TestDemoOrganizationIsEnabledAndMarked(t *testing.T) {
	svc, st := newService(t)
	o, m, err := svc.SetupDemo("", "", "")
	require.NoError(t, err)
	assert.True(t, o.Demo)
	assert.Equal(t, "Demo organization", o.Name)
	assert.Equal(t, access.Owner, m.Role)
	assert.Equal(t, access.Enablement{APIAccess: true, PayerInvoice: true, PayerOrganization: true}, o.Enablement)
	assert.Empty(t, o.StaffKeys, "nobody trusted a key by hand")
	require.NotEmpty(t, o.DemoRoot)

	state, err := svc.Enablement(m.ID)
	require.NoError(t, err)
	require.Len(t, state.Roots, 1)
	assert.True(t, state.Roots[0].Demo, "the demo root is marked")
	assert.Equal(t, state.Roots[0].ID, state.Current[0].RootID)
	assert.False(t, state.NewCodeFormNotice)

	named, _, err := org.New(mustStore(t)).SetupDemo("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	assert.Equal(t, "Acme (demo)", named.Name)
	assert.NotEqual(t, o.DemoRoot, named.DemoRoot, "each demo makes its own root")

	var log audit.Log
	require.NoError(t, st.View(func(tx *store.Tx) error {
		var err error
		log, err = tx.AuditLog()
		return err
	}))
	require.NoError(t, log.Verify())
	var actions []audit.Action
	for _, e := range log.Events {
		actions = append(actions, e.Action)
	}
	assert.Equal(t, []audit.Action{audit.OrgSetUp, audit.EnablementApplied}, actions)
	assert.Contains(t, log.Events[1].Detail, "demo organization")
	_, _, err = svc.SetupDemo("", "", "")
	assert.ErrorIs(t, err, org.ErrAlreadySetUp)
}

func mustStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

func sortedKeys(f apikey.FieldErrors) []string {
	var out []string
	for _, k := range []string{"email", "name", "passphrase", "role"} {
		if _, ok := f[k]; ok {
			out = append(out, k)
		}
	}
	return out
}

func TestLockIsLogged(t *testing.T) {
	tm := newTeam(t)
	require.NoError(t, tm.svc.Lock(tm.admin.ID, false))
	require.NoError(t, tm.svc.Lock(tm.plain.ID, true))
	require.NoError(t, tm.svc.Lock("mem_gone", true), "a member removed while signed in: nothing to record")
	locks := tm.events(t, audit.Locked)
	require.Len(t, locks, 2)
	assert.Equal(t, "locked by Ari", locks[0].Detail)
	assert.Equal(t, tm.plain.ID, locks[1].Actor)
	assert.Equal(t, "locked after the idle time", locks[1].Detail)
}

// errOf is the error of a call that also returns a value the test does not need.
func errOf[T any](_ T, err error) error { return err }
