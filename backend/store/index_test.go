package store_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// appendEvents appends events in one transaction each, as the app does.
func appendEvents(t *testing.T, s *store.Store, events ...audit.Event) {
	t.Helper()
	for _, e := range events {
		require.NoError(t, s.Update(func(tx *store.Tx) error { _, err := tx.AppendEvent(e); return err }))
	}
}

func copied(at time.Time, actor, name, key string) audit.Event {
	return audit.Event{Time: at, Actor: actor, ActorName: name, Action: audit.KeyCopied, KeyID: key, KeyName: "Key " + key}
}

// The index follows every append in its transaction; an append rolled back leaves no trace.
func TestIndexFollowsTheLog(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	at := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	appendEvents(t, s,
		audit.Event{Time: at, Actor: "mem_1", ActorName: "Dana", Action: audit.KeyGenerated, KeyID: "key_a", KeyName: "Old name"},
		copied(at.Add(2*time.Minute), "mem_2", "Lee", "key_a"),
		copied(at.Add(time.Minute), "mem_1", "Dana", "key_a"), // out of time order: not the latest
		copied(at.Add(time.Minute), "mem_1", "Dana R.", "key_b"),
	)
	err = s.Update(func(tx *store.Tx) error {
		_, err := tx.AppendEvent(copied(at.Add(time.Hour), "mem_3", "Mala", "key_b"))
		require.NoError(t, err)
		return fmt.Errorf("rolled back")
	})
	require.Error(t, err)

	require.NoError(t, s.View(func(tx *store.Tx) error {
		copies, err := tx.Copies()
		require.NoError(t, err)
		assert.Equal(t, map[string]audit.Copies{
			"key_a": {Count: 2, LastAt: at.Add(2 * time.Minute), LastBy: "Lee"},
			"key_b": {Count: 1, LastAt: at.Add(time.Minute), LastBy: "Dana R."},
		}, copies)
		one, err := tx.KeyCopies("key_none")
		assert.Equal(t, audit.Copies{}, one)
		require.NoError(t, err)
		names, err := tx.AuditNames()
		assert.Equal(t, store.AuditNames{
			Members: map[string]string{"mem_1": "Dana R.", "mem_2": "Lee"},
			Keys:    map[string]string{"key_a": "Key key_a", "key_b": "Key key_b"},
			Actions: []audit.Action{audit.KeyCopied, audit.KeyGenerated},
		}, names)
		return err
	}))
}

func TestEventPage(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	at := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	for i := range 30 {
		appendEvents(t, s, copied(at.Add(time.Duration(i)*time.Hour), fmt.Sprintf("mem_%d", i%3), "M", fmt.Sprintf("key_%d", i%2)))
	}
	var all audit.Log
	require.NoError(t, s.View(func(tx *store.Tx) (err error) { all, err = tx.AuditLog(); return err }))

	cases := []struct {
		name          string
		f             audit.Filter
		offset, limit int
		wantSeqs      []uint64
		wantTotal     int
	}{
		{"newest first", audit.Filter{}, 0, 3, []uint64{30, 29, 28}, 30},
		{"second page", audit.Filter{}, 3, 3, []uint64{27, 26, 25}, 30},
		{"past the end", audit.Filter{}, 29, 5, []uint64{1}, 30},
		{"actor and key", audit.Filter{Actor: "mem_0", KeyID: "key_1"}, 1, 2, []uint64{22, 16}, 5},
		{"a day", audit.Filter{From: at.Add(24 * time.Hour), To: at.Add(48 * time.Hour)}, 0, 100, nil, 6},
		{"no match", audit.Filter{Action: audit.KeyDeleted}, 0, 10, nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var page []audit.Event
			var total int
			require.NoError(t, s.View(func(tx *store.Tx) (err error) {
				page, total, err = tx.EventPage(c.f, c.offset, c.limit)
				return err
			}))
			assert.Equal(t, c.wantTotal, total)
			if c.wantSeqs != nil {
				var seqs []uint64
				for _, e := range page {
					seqs = append(seqs, e.Seq)
				}
				assert.Equal(t, c.wantSeqs, seqs)
			}
			for _, e := range page {
				assert.True(t, c.f.Match(e))
				assert.Equal(t, all.Events[e.Seq-1], e, "as the whole log has it, previous hash included")
			}
		})
	}
}

// Events fill their pages: at most 300 bytes of the file per event, whether appended
// one per transaction (the app) or in batches (seed), as bbolt's own statistics count it.
func TestEventsTakeLittleOfTheFile(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir)
	require.NoError(t, err)
	at := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	event := func(i int) audit.Event {
		e := copied(at.Add(time.Duration(i)*time.Second), "mem_seeded1", "Seeded member 1", fmt.Sprintf("key_seeded%07d", i%10000))
		e.KeyName, e.Detail = fmt.Sprintf("Seeded key %d", i%10000), fmt.Sprintf("production prf_…%04d", i%10000)
		return e
	}
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		for i := range 5000 {
			if _, err := tx.AppendEvent(event(i)); err != nil {
				return err
			}
		}
		return nil
	}))
	for i := range 300 {
		appendEvents(t, s, event(5000+i))
	}
	require.NoError(t, s.Close())

	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, &bolt.Options{ReadOnly: true})
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		st := tx.Bucket([]byte("audit")).Stats()
		perEvent := float64(st.BranchAlloc+st.LeafAlloc) / float64(st.KeyN)
		t.Logf("%d events, %.0f bytes each in the file, leaf pages %.0f%% used", st.KeyN, perEvent,
			100*float64(st.LeafInuse)/float64(st.LeafAlloc))
		assert.LessOrEqual(t, perEvent, 300.0)
		return nil
	}))
}

// KeysAndCopies gives each key its copies, read beside the records: the same as Copies,
// none for a key never copied, and the keys as Keys reads them.
func TestKeysAndCopies(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	at := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	var events []audit.Event
	for i := range 40 {
		for range i % 4 { // keys 0, 4, 8 ... never copied
			events = append(events, copied(at.Add(time.Duration(i)*time.Minute), "mem_1", "Dana", fmt.Sprintf("key_%04d", i)))
		}
	}
	appendEvents(t, s, events...)
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		for i := range 1200 { // past the last copied: never copied either; and in several parts
			k := apikey.Key{ID: fmt.Sprintf("key_%04d", i), Environment: apikey.Sandbox, State: apikey.Active,
				Settings: apikey.DefaultSettings(fmt.Sprint("Key ", i))}
			if err := tx.PutKey(k); err != nil {
				return err
			}
		}
		return nil
	}))
	read := func(tx *store.Tx) error {
		all, err := tx.Copies()
		require.NoError(t, err)
		want, err := tx.Keys(nil)
		require.NoError(t, err)
		keys, copies, err := tx.KeysAndCopies()
		require.NoError(t, err)
		assert.Equal(t, want, keys)
		require.Len(t, copies, len(keys))
		for i, k := range keys {
			assert.Equal(t, all[k.ID], copies[i], k.ID)
		}
		assert.Equal(t, 3, copies[3].Count)
		assert.Zero(t, copies[1100].Count)
		return nil
	}
	require.NoError(t, s.View(read))
	require.NoError(t, s.Update(read), "in a writable transaction too")
}
