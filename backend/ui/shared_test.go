package ui

import (
	"context"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/server"
	"proofkeys/backend/vault/vaulttest"
)

// startServer runs a `proofkeys server` in the test process, on free ports of 127.0.0.1,
// and returns it with what stops it (once, whether the test or its end calls it).
func startServer(t *testing.T) (*server.Server, func()) {
	t.Helper()
	var ports [3]int
	var held []net.Listener // all held at once, so the three differ
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		ports[i], held = l.Addr().(*net.TCPAddr).Port, append(held, l)
	}
	for _, l := range held {
		_ = l.Close()
	}
	s, err := server.Start(server.Config{DataDir: t.TempDir(), Listen: "127.0.0.1",
		ClientPort: ports[0], PeerPort: ports[1], JoinPort: ports[2]})
	require.NoError(t, err)
	var once sync.Once
	stop := func() { once.Do(s.Close) }
	t.Cleanup(stop)
	return s, stop
}

// forgetShared removes what joining put in the test's vault: the members' keys and the
// connection to the organization under prefix.
func forgetShared(t *testing.T, prefix string, members ...string) {
	v := vaulttest.New(t)
	t.Cleanup(func() {
		_ = v.Delete("shared-credentials-" + prefix)
		for _, id := range members {
			_ = v.Delete("age-identity-" + id)
			_ = v.Delete("signing-key-" + id)
		}
	})
}

// listed reports whether a lists the key id among its production keys.
func listed(a *UI, id string) bool {
	list, err := a.Keys.all("production")
	return err == nil && slices.ContainsFunc(list, func(k KeyView) bool { return k.ID == id })
}

// exposed reports whether a flags the key id "Replace: a former member could copy it".
func exposed(t *testing.T, a *UI, id string) bool {
	list, err := a.Keys.all("production")
	require.NoError(t, err)
	i := slices.IndexFunc(list, func(k KeyView) bool { return k.ID == id })
	return i >= 0 && list[i].Exposed
}

// Two desktops, each with its own data folder, share an organization through a server,
// only through the bound methods the page calls: the Owner moves the organization on A to
// the server with the code the server printed and makes an invite code for a member; the
// member pastes it on B's first-run screen. A key made on A reaches B's page, B copies
// the same secret (a key made before B joined too, once A's desktop has sealed it to B);
// the keys a removed member could copy are flagged on every desktop;
// with the server stopped B still lists its keys and its inventory, and a change is
// refused in plain words.
func TestTwoDesktopsShareAnOrganizationThroughTheirUI(t *testing.T) {
	srv, stopServer := startServer(t)
	prefix := "/proofkeys/ui-" + time.Now().Format("150405.000000") + "/"

	a, clipA := setUpWithKeys(t)
	owner, err := a.Session.GetState()
	require.NoError(t, err)
	_, err = a.Members.SetPassphrase(owner.Me.ID, "", "correct horse battery")
	require.NoError(t, err)
	ben, err := a.Members.AddMember(NewMemberInput{Name: "Ben", Email: "ben@example.com", Role: string(access.TeamMember),
		ManageAPIKeys: true, Passphrase: "staple battery horse"})
	require.NoError(t, err)
	forgetShared(t, prefix, owner.Me.ID, ben.ID)
	before, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)

	_, err = a.Members.InviteCode(ben.ID)
	assert.Equal(t, "not_shared", Explain(err).Code, "no invite codes before the organization is on a server")
	first, err := srv.Invite(context.Background(), prefix, "", time.Hour)
	require.NoError(t, err)
	_, err = a.Session.JoinShared(first.String())
	assert.Equal(t, "invite_first_computer", Explain(err).Code)
	moved, err := a.Org.MoveToServer(first.String())
	require.NoError(t, err)
	assert.True(t, moved.Shared)
	assert.True(t, listed(a, before.ID), "the move keeps the keys")

	code, err := a.Members.InviteCode(ben.ID)
	require.NoError(t, err)
	_, err = a.Org.MoveToServer(code.Code)
	assert.Equal(t, "invite_member_code", Explain(err).Code)

	dirB := t.TempDir()
	b, clipB := newTestApp(t, dirB)
	desk := &fakeDesktop{}
	b.core.desktop = desk
	_, err = b.Session.JoinShared("proofkeys-invite-1:not-a-code")
	assert.Equal(t, "invite_bad_code", Explain(err).Code)
	joined, err := b.Session.JoinShared(code.Code)
	require.NoError(t, err)
	assert.Equal(t, ben.ID, joined.Me.ID)
	assert.True(t, joined.Shared)
	_, err = b.Session.JoinShared(code.Code)
	assert.Equal(t, "already_set_up", Explain(err).Code, "one organization per data folder")

	k, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	require.Eventually(t, func() bool { return listed(b, k.ID) }, 15*time.Second, 20*time.Millisecond,
		"B lists the key made on A")
	assert.Positive(t, desk.emitted.Load(), "B's page was told to reload")

	_, err = a.Keys.CopyKey(k.ID)
	require.NoError(t, err)
	_, err = b.Keys.CopyKey(k.ID)
	require.NoError(t, err)
	assert.Equal(t, clipA.secrets[len(clipA.secrets)-1], clipB.secrets[len(clipB.secrets)-1], "B copied A's secret")

	// The key made before B joined: A's desktop seals it to B once B has published its key.
	require.Eventually(t, func() bool { _, err := b.Keys.CopyKey(before.ID); return err == nil },
		15*time.Second, 50*time.Millisecond, "B copies the key made before it joined")
	_, err = a.Keys.CopyKey(before.ID)
	require.NoError(t, err)
	assert.Equal(t, clipA.secrets[len(clipA.secrets)-1], clipB.secrets[len(clipB.secrets)-1])

	// Cara joins from a third computer and is removed: the keys sealed to her are flagged.
	cara, err := a.Members.AddMember(NewMemberInput{Name: "Cara", Email: "cara@example.com",
		Role: string(access.TeamMember), ManageAPIKeys: true, Passphrase: "battery staple horse"})
	require.NoError(t, err)
	forgetShared(t, prefix, cara.ID)
	caraCode, err := a.Members.InviteCode(cara.ID)
	require.NoError(t, err)
	c, _ := newTestApp(t, t.TempDir())
	_, err = c.Session.JoinShared(caraCode.Code)
	require.NoError(t, err)
	require.Eventually(t, func() bool { _, err := c.Keys.CopyKey(before.ID); return err == nil },
		15*time.Second, 50*time.Millisecond, "A's desktop seals the keys to Cara")
	assert.False(t, exposed(t, a, k.ID), "no key is flagged while every member who could copy it still may")
	require.NoError(t, a.Members.RemoveMember(cara.ID))
	for _, desk := range []*UI{a, b} {
		require.Eventually(t, func() bool { return exposed(t, desk, k.ID) && exposed(t, desk, before.ID) },
			15*time.Second, 50*time.Millisecond, "the keys Cara could copy are flagged")
	}

	// B starts again: its data folder remembers the organization, the vault its connection.
	b.Stop()
	b, clipB = newTestApp(t, dirB)
	signIn, err := b.Session.GetState()
	require.NoError(t, err)
	require.True(t, signIn.NeedsSignIn)
	assert.Equal(t, []MemberView{{ID: ben.ID, Name: "Ben", Email: "ben@example.com", Role: string(access.TeamMember)}},
		signIn.Access.SignInChoices, "only the member who joined on this computer signs in here")
	_, err = b.Session.SignIn(owner.Me.ID, "correct horse battery")
	assert.Equal(t, "not_this_computer", Explain(err).Code)
	state, err := b.Session.SignIn(ben.ID, "staple battery horse")
	require.NoError(t, err)
	assert.True(t, state.Shared)
	_, err = b.Keys.CopyKey(k.ID)
	require.NoError(t, err)
	assert.Equal(t, clipA.secrets[len(clipA.secrets)-2], clipB.secrets[0])

	stopServer()
	assert.True(t, listed(b, k.ID), "the copy lists the keys while the server is away")
	report, err := b.Inventory.GetInventory()
	require.NoError(t, err)
	assert.Equal(t, 2, report.Summary.Total)

	// And again with the server away: it opens on its copy, and refuses changes.
	b.Stop()
	b, _ = newTestApp(t, dirB)
	_, err = b.Session.SignIn(ben.ID, "staple battery horse")
	require.NoError(t, err)
	assert.True(t, listed(b, k.ID), "the copy opens while the server is away")
	assert.True(t, exposed(t, b, k.ID), "the flag is kept in the copy")
	_, err = b.Keys.GenerateKey("production")
	require.Error(t, err)
	p := Explain(err)
	assert.Equal(t, "shared_unreachable", p.Code)
	assert.Contains(t, p.Message, "cannot be reached")
}
