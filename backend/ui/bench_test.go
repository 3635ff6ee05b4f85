package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// BenchmarkKeyPage10k: the API Keys page's calls on 10,000 live keys. "first-screen"
// answers the page's opening call (newest first, nothing searched) from a walk of the
// keys; "first" reads the whole list from the database (the page's first other call, and
// the first after any change); "keystroke" searches the list kept in memory, as each
// letter typed does.
//
//	scripts/with-keyring.sh go test ./backend/ui/ -run '^$' -bench KeyPage10k
func BenchmarkKeyPage10k(b *testing.B) {
	t := &testing.T{}
	a, _ := setUpWithKeys(t)
	me := a.core.session.memberID
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	require.NoError(b, a.s().store.Update(func(tx *store.Tx) error {
		for i := range 10_000 {
			at := start.Add(time.Duration(i) * time.Hour)
			k := apikey.Key{ID: fmt.Sprintf("key_bench%06d", i), Environment: apikey.Production,
				Access: apikey.FullAccess, Fingerprint: fmt.Sprintf("%064d", i), Last4: fmt.Sprintf("%04d", i%10000),
				State: apikey.Active, Settings: apikey.DefaultSettings(fmt.Sprintf("Key %d", i)),
				CreatedAt: at, CreatedBy: me, UpdatedAt: at, Seq: uint64(i + 1)}
			if err := tx.PutKey(k); err != nil {
				return err
			}
		}
		return nil
	}))
	s := a.s()
	b.Run("first-screen", func(b *testing.B) {
		q := firstPage("production", "", "all", "newest")
		q.Limit = 100
		for b.Loop() {
			b.StopTimer()
			forgetLists(t, s) // and the list read ahead after the last
			b.StartTimer()
			if _, ok, err := a.Keys.firstScreen(s, apikey.Production, q); err != nil || !ok {
				b.Fatal(ok, err)
			}
		}
		forgetLists(t, s)
	})
	q := firstPage("production", "", "all", "name")
	q.Limit = 100
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			a.s().keyLists.lists = nil
			if _, err := a.Keys.KeyPage(q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("keystroke", func(b *testing.B) {
		typed := []string{"k", "ke", "key", "key ", "key 1", "key 12", "key 123"}
		for i := 0; b.Loop(); i++ {
			q.Search = typed[i%len(typed)]
			if _, err := a.Keys.KeyPage(q); err != nil {
				b.Fatal(err)
			}
		}
	})
}
