package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// BenchmarkKeyPage10k: the API Keys page's calls on 10,000 live keys. "first" reads the
// list from the database (the page's first call, and the first after any change);
// "keystroke" searches the list kept in memory, as each letter typed does.
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
