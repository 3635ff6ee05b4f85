package store_test

import (
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// schema1 writes a data folder as proofkeys wrote it at schema version 1: every record in
// JSON, the events with their number and previous hash. It returns the events as sealed.
func schema1(t *testing.T, dir string) ([]audit.Event, []apikey.Key) {
	t.Helper()
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	keys := []apikey.Key{
		{ID: "key_a", Seq: 1, Environment: apikey.Production, Access: apikey.FullAccess, Last4: "aaaa",
			State: apikey.Active, Settings: apikey.DefaultSettings("Billing"), CreatedAt: at, CreatedBy: "mem_1", UpdatedAt: at},
		{ID: "key_b", Seq: 1, Environment: apikey.Sandbox, Access: apikey.FullAccess, Last4: "bbbb",
			State: apikey.Deleted, Settings: apikey.DefaultSettings("Tests"), CreatedAt: at, CreatedBy: "mem_1",
			UpdatedAt: at, DeletedAt: at.Add(time.Hour), DeletedBy: "mem_2"},
	}
	plain := []audit.Event{
		{Time: at, Actor: "mem_1", ActorName: "Dana", Action: audit.OrgSetUp, Detail: "Acme"},
		{Time: at, Actor: "mem_1", ActorName: "Dana", Action: audit.KeyGenerated, KeyID: "key_a", KeyName: "Billing"},
		{Time: at.Add(time.Minute), Actor: "mem_2", ActorName: "Lee", Action: audit.KeyCopied, KeyID: "key_a", KeyName: "Billing"},
		{Time: at.Add(2 * time.Minute), Actor: "mem_1", ActorName: "Dana Li", Action: audit.KeyCopied, KeyID: "key_a", KeyName: "Billing v2"},
		{Time: at.Add(3 * time.Minute).In(time.FixedZone("", -5*3600)), Actor: "mem_1", ActorName: "Dana Li",
			Action: audit.OrgSettingsSet, Changes: []audit.Change{{Field: "rotationDays", Old: "90", New: "30"}}},
	}
	var events []audit.Event
	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		b := map[string]*bolt.Bucket{}
		for _, name := range []string{"meta", "org", "members", "keys", "audit"} {
			b[name], err = tx.CreateBucket([]byte(name))
			require.NoError(t, err)
		}
		put := func(bucket, id string, v any) {
			raw, err := json.Marshal(v)
			require.NoError(t, err)
			require.NoError(t, b[bucket].Put([]byte(id), raw))
		}
		require.NoError(t, b["meta"].Put([]byte("schema_version"), binary.BigEndian.AppendUint32(nil, 1)))
		put("org", "org", access.Org{ID: "org_1", Name: "Acme"})
		put("members", "mem_1", access.Member{ID: "mem_1", Name: "Dana Li", Role: access.Owner})
		for _, k := range keys {
			put("keys", k.ID, k)
		}
		var prev *audit.Event
		for _, e := range plain {
			e = audit.Seal(e, prev)
			put("audit", string(binary.BigEndian.AppendUint64(nil, e.Seq)), e)
			events = append(events, e)
			prev = &events[len(events)-1]
		}
		put("meta", "audit_head", audit.Head{Seq: prev.Seq, Hash: prev.Hash})
		return nil
	}))
	return events, keys
}

// readAll is what the readers of a folder see: the log, the keys, and what the index says.
type readAll struct {
	log    audit.Log
	keys   []apikey.Key
	copies map[string]audit.Copies
	names  store.AuditNames
}

func read(t *testing.T, s *store.Store) readAll {
	t.Helper()
	var r readAll
	require.NoError(t, s.View(func(tx *store.Tx) (err error) {
		if r.log, err = tx.AuditLog(); err != nil {
			return err
		}
		if r.keys, err = tx.Keys(func(apikey.Key) bool { return true }); err != nil {
			return err
		}
		if r.copies, err = tx.Copies(); err != nil {
			return err
		}
		r.names, err = tx.AuditNames()
		return err
	}))
	return r
}

func TestMigrateFromSchema1(t *testing.T) {
	dir := t.TempDir()
	events, keys := schema1(t, dir)
	wantCopies := map[string]audit.Copies{"key_a": {Count: 2, LastAt: events[3].Time, LastBy: "Dana Li"}}
	wantNames := store.AuditNames{
		Members: map[string]string{"mem_1": "Dana Li", "mem_2": "Lee"},
		Keys:    map[string]string{"key_a": "Billing v2"},
		Actions: []audit.Action{audit.KeyCopied, audit.KeyGenerated, audit.OrgSettingsSet, audit.OrgSetUp},
	}
	check := func(t *testing.T, s *store.Store) {
		r := read(t, s)
		assert.JSONEq(t, mustJSON(t, events), mustJSON(t, r.log.Events), "the same events, numbers and hashes")
		assert.NoError(t, r.log.Verify(), "the chain still verifies, up to its recorded head")
		assert.Equal(t, keys, r.keys)
		assert.Equal(t, wantCopies, r.copies)
		assert.Equal(t, wantNames, r.names)
	}

	t.Run("read-only, before any migration", func(t *testing.T) {
		s, err := store.OpenReadOnly(dir)
		require.NoError(t, err)
		defer s.Close()
		check(t, s)
	})
	t.Run("for keys, before any migration: the log is checked whole and scanned", func(t *testing.T) {
		s, err := store.OpenForKeys(dir)
		require.NoError(t, err)
		defer s.Close()
		check(t, s)
	})

	s, err := store.Open(dir)
	require.NoError(t, err, "Open migrates")
	check(t, s)
	require.NoError(t, s.Close())
	require.NoError(t, store.CheckFile(filepath.Join(dir, store.FileName)))

	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, &bolt.Options{ReadOnly: true})
	require.NoError(t, err)
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		assert.Equal(t, uint32(store.SchemaVersion), binary.BigEndian.Uint32(tx.Bucket([]byte("meta")).Get([]byte("schema_version"))))
		for _, name := range []string{"keys", "audit"} {
			require.NoError(t, tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				assert.NotEqual(t, byte('{'), v[0], "%s/%x is no longer JSON", name, k)
				return nil
			}))
		}
		return nil
	}))
	require.NoError(t, db.Close())

	s, err = store.Open(dir)
	require.NoError(t, err, "a migrated file opens as it is")
	defer s.Close()
	check(t, s)
}

// A record that cannot be read is kept as found by the migration: its readers still name
// it, and nothing else is lost.
func TestMigrateKeepsAnUnreadableEvent(t *testing.T) {
	dir := t.TempDir()
	schema1(t, dir)
	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	require.NoError(t, err)
	cut := []byte(`{"seq":3,"time":`)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("audit")).Put(binary.BigEndian.AppendUint64(nil, 3), cut)
	}))
	require.NoError(t, db.Close())

	s, err := store.Open(dir)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.View(func(tx *store.Tx) error {
		_, err := tx.AuditLog()
		assert.ErrorIs(t, err, store.ErrCorrupt)
		assert.ErrorContains(t, err, "audit/3")
		copies, err := tx.Copies()
		assert.Equal(t, 1, copies["key_a"].Count, "the readable copy is counted")
		return err
	}))
}
