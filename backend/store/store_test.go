package store_test

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

func TestOpenCreatesAndReopens(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "data")
	s, err := store.Open(dir)
	require.NoError(t, err)
	o := access.Org{ID: "org_1", Name: "Acme", Enablement: access.Enablement{APIAccess: true}}
	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.PutOrg(o) }))
	require.NoError(t, s.Close())

	s, err = store.Open(dir)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.View(func(tx *store.Tx) error {
		got, err := tx.Org()
		assert.Equal(t, o, got)
		return err
	}))
}

func TestOpenHeldFileFailsWithinASecond(t *testing.T) {
	dir := t.TempDir()
	first, err := store.Open(dir)
	require.NoError(t, err)
	defer first.Close()

	start := time.Now()
	_, err = store.Open(dir)
	assert.ErrorIs(t, err, store.ErrInUse)
	assert.Less(t, time.Since(start), 1500*time.Millisecond)
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte("meta"))
		if err != nil {
			return err
		}
		return b.Put([]byte("schema_version"), binary.BigEndian.AppendUint32(nil, store.SchemaVersion+1))
	}))
	require.NoError(t, db.Close())

	_, err = store.Open(dir)
	assert.ErrorIs(t, err, store.ErrNewerSchema)
}

func TestKeysRoundTripAndFilter(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	a := apikey.Key{ID: "key_a", Environment: apikey.Production, State: apikey.Active,
		Settings: apikey.DefaultSettings("A"), CreatedAt: now}
	b := apikey.Key{ID: "key_b", Environment: apikey.Sandbox, State: apikey.Pending,
		Settings: apikey.DefaultSettings("B"), CreatedAt: now}
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		require.NoError(t, tx.PutKey(a))
		return tx.PutKey(b)
	}))
	require.NoError(t, s.View(func(tx *store.Tx) error {
		got, err := tx.Key("key_a")
		require.NoError(t, err)
		assert.Equal(t, a, got)
		sandbox, err := tx.Keys(func(k apikey.Key) bool { return k.Environment == apikey.Sandbox })
		require.NoError(t, err)
		assert.Equal(t, []apikey.Key{b}, sandbox)
		_, err = tx.Key("key_none")
		assert.ErrorIs(t, err, store.ErrNotFound)
		return nil
	}))
	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.RemoveKey("key_b") }))
	require.NoError(t, s.View(func(tx *store.Tx) error {
		_, err := tx.Key("key_b")
		assert.ErrorIs(t, err, store.ErrNotFound)
		return nil
	}))
}

func TestMembers(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	m := access.Member{ID: "mem_1", Name: "Dana", Email: "dana@example.com", Role: access.Owner}
	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.PutMember(m) }))
	require.NoError(t, s.View(func(tx *store.Tx) error {
		all, err := tx.Members()
		assert.Equal(t, []access.Member{m}, all)
		return err
	}))
}

func TestCorruptRecordIsReported(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("keys")).Put([]byte("key_bad"), []byte("{not json"))
	}))
	require.NoError(t, db.Close())

	s, err = store.Open(dir)
	require.NoError(t, err)
	defer s.Close()
	err = s.View(func(tx *store.Tx) error {
		_, err := tx.Keys(func(apikey.Key) bool { return true })
		return err
	})
	assert.ErrorIs(t, err, store.ErrCorrupt)
}

func TestVersionGrowsWithEveryWriteOnly(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	before, err := s.Version()
	require.NoError(t, err)
	require.NoError(t, s.View(func(*store.Tx) error { return nil }))
	same, err := s.Version()
	require.NoError(t, err)
	assert.Equal(t, before, same, "a read changes nothing")
	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.RemoveKey("key_none") }))
	after, err := s.Version()
	require.NoError(t, err)
	assert.Greater(t, after, before)
}
