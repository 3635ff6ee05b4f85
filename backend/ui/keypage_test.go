package ui

import (
	"fmt"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
)

// all returns every live key of env, oldest first, as KeyPage reads them.
func (x *Keys) all(env string) ([]KeyView, error) {
	return withEnv(x.c, env, func(s *services, e apikey.Environment) ([]KeyView, error) {
		return x.listKeys(s, s.keys, e)
	})
}

// firstPage asks for the first window of the list, as large as a window may be.
func firstPage(env, search, filter, order string) KeyQuery {
	return KeyQuery{Environment: env, Search: search, Filter: filter, Order: order, Limit: maxKeyPage}
}

// names are the names of keys, in their order.
func names(keys []KeyView) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.Name
	}
	return out
}

// named generates a production key and names it.
func named(t *testing.T, a *UI, name string) KeyView {
	t.Helper()
	k, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	s := *k.Settings
	s.Name = name
	k, err = a.Keys.SaveKeySettings(k.ID, s)
	require.NoError(t, err)
	return k
}

func TestKeyPageOrdersSearchesAndCutsTheList(t *testing.T) {
	a, _ := setUpWithKeys(t)
	for _, n := range []string{"key 10", "Nightly export", "key 2", "KEY 1"} {
		named(t, a, n)
	}

	p, err := a.Keys.KeyPage(firstPage("production", "", "all", "name"))
	require.NoError(t, err)
	assert.Equal(t, []string{"KEY 1", "key 2", "key 10", "Nightly export"}, names(p.Keys), "numbers in natural order, case ignored")
	assert.Equal(t, 4, p.Total)
	assert.Equal(t, 4, p.Matched)
	assert.Nil(t, p.Keys[0].Settings, "the list sends the name and payer, not every setting")

	p, err = a.Keys.KeyPage(firstPage("production", "", "all", "newest"))
	require.NoError(t, err)
	assert.Equal(t, "KEY 1", p.Keys[0].Name, "the key made last comes first")

	p, err = a.Keys.KeyPage(firstPage("production", "  Key ", "all", "name"))
	require.NoError(t, err)
	assert.Equal(t, []string{"KEY 1", "key 2", "key 10"}, names(p.Keys), "search ignores case and the spaces around it")
	assert.Equal(t, 3, p.Matched)
	assert.Equal(t, 4, p.Total)

	hint := p.Keys[1].Hint
	p, err = a.Keys.KeyPage(firstPage("production", hint, "all", "name"))
	require.NoError(t, err)
	assert.Equal(t, []string{"key 2"}, names(p.Keys), "a key is found by its hint")

	p, err = a.Keys.KeyPage(firstPage("production", "dana", "all", "name"))
	require.NoError(t, err)
	assert.Equal(t, 4, p.Matched, "and by who made it")

	q := firstPage("production", "", "all", "name")
	q.Offset, q.Limit = 1, 2
	p, err = a.Keys.KeyPage(q)
	require.NoError(t, err)
	assert.Equal(t, []string{"key 2", "key 10"}, names(p.Keys), "a window of the list")
	assert.Equal(t, 1, p.Offset)
	assert.Equal(t, 4, p.Matched)

	p, err = a.Keys.KeyPage(firstPage("sandbox", "", "all", "name"))
	require.NoError(t, err)
	assert.Empty(t, p.Keys)
	assert.NotNil(t, p.Keys, "an empty list is a list, not null")
	assert.Zero(t, p.Total)
}

func TestKeyPageSeesEveryChange(t *testing.T) {
	a, _ := setUpWithKeys(t)
	first := named(t, a, "First")
	second := named(t, a, "Second")
	page := func(filter string) KeyPageView {
		t.Helper()
		p, err := a.Keys.KeyPage(firstPage("production", "", filter, "newest"))
		require.NoError(t, err)
		return p
	}
	assert.Equal(t, 2, page("never_copied").Matched)

	_, err := a.Keys.CopyKey(first.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"Second"}, names(page("never_copied").Keys), "a copy is seen at once")

	third := named(t, a, "Third")
	assert.Equal(t, []string{"Third", "Second", "First"}, names(page("all").Keys), "so is a new key")

	require.NoError(t, a.Keys.DeleteKey(second.ID))
	assert.Equal(t, []string{"Third", "First"}, names(page("all").Keys), "and a deleted one")

	r, err := a.Keys.ReplaceKey(third.ID, new(24))
	require.NoError(t, err)
	expiring := page("expiring")
	require.Len(t, expiring.Keys, 1, "a replaced key kept for a while")
	assert.Equal(t, third.ID, expiring.Keys[0].ID)
	assert.Equal(t, r.New.ID, page("all").Keys[0].ID)
}

func TestKeyPageFlagsOverdueKeysAndWithdrawnPayers(t *testing.T) {
	a, _ := setUpWithKeys(t)
	old := named(t, a, "Old")
	enable(t, a, func(e *access.Enablement) { e.PayerInvoice = true })
	s, err := a.Keys.KeySettings(old.ID)
	require.NoError(t, err)
	s.Payer = apikey.PayerInvoice
	_, err = a.Keys.SaveKeySettings(old.ID, s)
	require.NoError(t, err)
	days := 90
	_, err = a.Org.SavePolicies(PoliciesInput{RotationDays: &days, ClipboardClearSeconds: new(30)})
	require.NoError(t, err)

	later := time.Now().Add(100 * 24 * time.Hour)
	a.s().keys.Now = func() time.Time { return later }
	named(t, a, "New")
	p, err := a.Keys.KeyPage(firstPage("production", "", "overdue", "name"))
	require.NoError(t, err)
	assert.Equal(t, []string{"Old"}, names(p.Keys))
	assert.Equal(t, 1, p.Overdue)
	assert.Zero(t, p.WithdrawnCount, "invoice is enabled")

	enable(t, a, func(e *access.Enablement) { e.PayerInvoice = false })
	p, err = a.Keys.KeyPage(firstPage("production", "", "all", "name"))
	require.NoError(t, err)
	assert.Equal(t, []string{"Old"}, p.WithdrawnPayer, "Proof withdrew invoice since")
	assert.Equal(t, 1, p.WithdrawnCount)
}

func TestKeyPageNamesAFewWithdrawnPayersAndCountsThemAll(t *testing.T) {
	views := make([]KeyView, 8)
	for i := range views {
		views[i] = KeyView{ID: fmt.Sprint(i), Name: fmt.Sprintf("key %d", i), Payer: apikey.PayerOrganization}
	}
	l := newKeyList(views, 1, time.Now(), func(p apikey.Payer) bool { return p == apikey.PayerOrganization })
	p := l.page(firstPage("production", "", "all", "name"), keyFilters["all"])
	assert.Equal(t, []string{"key 0", "key 1", "key 2", "key 3", "key 4"}, p.WithdrawnPayer)
	assert.Equal(t, 8, p.WithdrawnCount)
}

func TestKeyPageRefusesWindowsItCannotGive(t *testing.T) {
	a, _ := setUpWithKeys(t)
	for _, q := range []KeyQuery{
		{Environment: "production", Filter: "all", Order: "newest", Limit: 0},
		{Environment: "production", Filter: "all", Order: "newest", Limit: maxKeyPage + 1},
		{Environment: "production", Filter: "all", Order: "newest", Limit: 10, Offset: -1},
		{Environment: "production", Filter: "copied", Order: "newest", Limit: 10},
		{Environment: "production", Filter: "all", Order: "oldest", Limit: 10},
	} {
		_, err := a.Keys.KeyPage(q)
		assert.Equal(t, "bad_request", Explain(err).Code, "%+v", q)
	}
}

// The page asks for its first rows beside its first GetState, and either may reach Go
// first: on a fresh start the rows come for the one member of an organization that
// signs no one in, and where members sign in, nobody gets them.
func TestTheFirstRowsComeBeforeTheFirstState(t *testing.T) {
	a, _ := setUpWithKeys(t)
	named(t, a, "Before the state")
	dir := a.core.dataDir
	a.Stop()

	b, _ := newTestApp(t, dir)
	p, err := b.Keys.KeyPage(firstPage("production", "", "all", "newest"))
	require.NoError(t, err, "asked before any GetState")
	require.Len(t, p.Keys, 1)
	assert.Equal(t, "Before the state", p.Keys[0].Name)
	state, err := b.Session.GetState()
	require.NoError(t, err)
	assert.Equal(t, "Dana", state.Me.Name)

	tm := newTeamApp(t)
	dir = tm.app.core.dataDir
	tm.app.Stop()
	c, _ := newTestApp(t, dir)
	_, err = c.Keys.KeyPage(firstPage("production", "", "all", "newest"))
	assert.Equal(t, "sign_in", Explain(err).Code, "members sign in here")
	state, err = c.Session.GetState()
	require.NoError(t, err)
	assert.True(t, state.NeedsSignIn)
}

func TestKeyPageAsksForTheRightToSeeKeysEveryTime(t *testing.T) {
	tm := newTeamApp(t)
	a := tm.app
	_, err := a.Keys.KeyPage(firstPage("production", "", "all", "newest"))
	require.NoError(t, err, "read once, and kept")
	_, err = a.Session.Lock()
	require.NoError(t, err)
	_, err = a.Keys.KeyPage(firstPage("production", "", "all", "newest"))
	assert.Equal(t, "sign_in", Explain(err).Code, "the kept list is not shown to nobody")
}

// The page's first screen is answered without reading the list, which is then read ahead
// for the page's next calls.
func TestTheFirstScreenReadsTheListAhead(t *testing.T) {
	a, _ := setUpWithKeys(t)
	named(t, a, "Ahead")
	k := &a.s().keyLists
	kept := func() bool {
		k.mu.Lock()
		defer k.mu.Unlock()
		l := k.lists[apikey.Production]
		return l != nil && len(l.views) == 1
	}
	require.False(t, kept(), "nothing read before the page asks")
	p, err := a.Keys.KeyPage(firstPage("production", " ", "all", "newest"))
	require.NoError(t, err)
	assert.Equal(t, []string{"Ahead"}, names(p.Keys))
	assert.Eventually(t, kept, 5*time.Second, 10*time.Millisecond, "the list the page asks for next is read ahead")
}

// The read ahead waits while the page draws its first screen, and a close does not wait
// out that wait.
func TestTheReadAheadWaitsForThePageToDrawButNotForAClose(t *testing.T) {
	a, _ := setUpWithKeys(t)
	named(t, a, "Later")
	a.core.opt.ReadAheadAfter = time.Hour
	s := a.s()
	_, err := a.Keys.KeyPage(firstPage("production", "", "all", "newest"))
	require.NoError(t, err)
	time.Sleep(100 * time.Millisecond) // a read of one key would be done by now
	s.keyLists.mu.Lock()
	planned, kept := s.keyLists.ahead[apikey.Production], s.keyLists.lists[apikey.Production]
	s.keyLists.mu.Unlock()
	assert.True(t, planned, "a read ahead is planned")
	assert.Nil(t, kept, "and waits")

	stopped := make(chan struct{})
	go func() {
		a.Stop()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("the close waited for the read ahead's wait")
	}
}

func TestKeySearchFindsEachKeyOnceAndNeverAcrossTwoKeys(t *testing.T) {
	views := []KeyView{
		{Name: "Alpha", Hint: "prf_…aaaa", CreatedBy: "Dana"},
		{Name: "Beta beta", Hint: "prf_…bbbb", CreatedBy: "Lee"},
		{Name: "Gamma\x00", Hint: "prf_…cccc", CreatedBy: "Dana"},
	}
	s := newKeySearch(searchTexts(views), []int{2, 1, 0})
	found := func(needle string) []int {
		var got []int
		s.each(needle, func(i int) { got = append(got, i) })
		return got
	}
	assert.Equal(t, []int{2, 1, 0}, found(""), "everything, in the order given")
	assert.Equal(t, []int{1}, found("beta"), "a key whose text holds it twice, once")
	assert.Equal(t, []int{2, 0}, found("dana"))
	assert.Equal(t, []int{2}, found("gamma\n"), "a NUL in a name is no separator")
	assert.Empty(t, found("leealpha"), "no match from one key into the next")
	assert.Empty(t, found("lee\x00alpha"), "not even with the separator typed")
	assert.Equal(t, []int{0}, found("…aaaa"), "hints hold a non-ASCII ellipsis")
}

// The page's call never waits for the read ahead, which runs at low priority: it reads
// the list itself, and the read ahead, done later, leaves the page's list kept.
func TestTheReadAheadKeepsNoListOverOneThePageKept(t *testing.T) {
	a, _ := setUpWithKeys(t)
	s := a.s()
	kept, err := a.Keys.list(s, apikey.Production)
	require.NoError(t, err)
	require.NoError(t, a.Keys.readAhead(s, apikey.Production))
	s.keyLists.mu.Lock()
	defer s.keyLists.mu.Unlock()
	assert.Same(t, kept, s.keyLists.lists[apikey.Production])
}

// The read ahead runs with the collector off, and puts the setting back after.
func TestCollectOnceAfterTurnsTheCollectorOffForItsWorkOnly(t *testing.T) {
	gcPercent := func() int {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := gcPercent()
	require.NotEqual(t, -1, before, "the tests run with the collector on")
	during := 0
	collectOnceAfter(func() { during = gcPercent() })
	assert.Equal(t, -1, during, "off while the work runs")
	assert.Equal(t, before, gcPercent(), "back on after")

	t.Setenv("GOGC", "200") // whoever runs the app chose: left as it is
	collectOnceAfter(func() { during = gcPercent() })
	assert.Equal(t, before, during)
}
