package store_test

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

func openTemp(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// change writes an organization, a member, a key (numbered by the counter) and two events.
func change(tx *store.Tx) error {
	if err := tx.PutOrg(access.Org{ID: "org_1", Name: "Acme"}); err != nil {
		return err
	}
	m := access.Member{ID: "mem_1", Name: "Olive", Role: access.Owner}
	if err := tx.PutMember(m); err != nil {
		return err
	}
	seq, err := tx.NextKeySeq(apikey.Production)
	if err != nil {
		return err
	}
	k := apikey.Key{ID: "key_1", Seq: seq, Environment: apikey.Production, State: apikey.Active,
		Settings: apikey.DefaultSettings("Full access key 1")}
	if err := tx.PutKey(k); err != nil {
		return err
	}
	for _, a := range []audit.Action{audit.KeyGenerated, audit.KeyCopied} {
		e := audit.Event{Time: time.Unix(1_700_000_000, 0), Actor: m.ID, ActorName: m.Name, Action: a, KeyID: k.ID, KeyName: k.Settings.Name}
		if _, err := tx.AppendEvent(e); err != nil {
			return err
		}
	}
	return nil
}

func TestARehearsalNotesTheSharedRecordsAndLeavesTheFileAsItWas(t *testing.T) {
	s := openTemp(t)
	var changes []store.Change
	require.NoError(t, s.Rehearse(func(tx *store.Tx) error {
		if err := change(tx); err != nil {
			return err
		}
		changes = tx.Changes()
		return nil
	}))
	var buckets []string
	for _, c := range changes {
		buckets = append(buckets, c.Bucket)
	}
	// the head, the index and the folder's identity are not shared: the copy makes its own
	assert.Equal(t, []string{"org", "members", "meta", "keys", "audit", "audit"}, buckets)
	assert.Equal(t, "key_seq_production", string(changes[2].Key))

	require.NoError(t, s.View(func(tx *store.Tx) error {
		_, err := tx.Org()
		assert.ErrorIs(t, err, store.ErrNotFound, "a rehearsal was kept")
		assert.Nil(t, tx.Changes(), "a transaction of its own notes nothing")
		return nil
	}))
	refused := errors.New("refused")
	assert.ErrorIs(t, s.Rehearse(func(*store.Tx) error { return refused }), refused)
}

func TestAppliedChangesMakeTheSameOrganization(t *testing.T) {
	source, copied := openTemp(t), openTemp(t)
	require.NoError(t, source.Update(change))
	var changes []store.Change
	require.NoError(t, source.View(func(tx *store.Tx) error {
		return tx.SharedRecords(func(c store.Change) error { changes = append(changes, c); return nil })
	}))
	require.NoError(t, copied.Update(func(tx *store.Tx) error { return tx.Apply(changes) }))

	read := func(s *store.Store) (o access.Org, keys []apikey.Key, log audit.Log, copies map[string]audit.Copies) {
		require.NoError(t, s.View(func(tx *store.Tx) (err error) {
			if o, err = tx.Org(); err != nil {
				return err
			}
			if keys, err = tx.Keys(nil); err != nil {
				return err
			}
			if log, err = tx.AuditLog(); err != nil {
				return err
			}
			copies, err = tx.Copies()
			return err
		}))
		return o, keys, log, copies
	}
	o1, k1, l1, c1 := read(source)
	o2, k2, l2, c2 := read(copied)
	assert.Equal(t, o1, o2)
	assert.Equal(t, k1, k2)
	assert.Equal(t, l1, l2, "the copy's log, head included, is the source's")
	require.NoError(t, l2.Verify())
	assert.Equal(t, c1, c2, "the copy's index follows its events")

	// The next number comes from the copied counter.
	require.NoError(t, copied.Update(func(tx *store.Tx) error {
		seq, err := tx.NextKeySeq(apikey.Production)
		assert.Equal(t, uint64(2), seq)
		return err
	}))
}

func TestApplyRefusesWhatTheCopyCannotKeep(t *testing.T) {
	s := openTemp(t)
	require.NoError(t, s.Update(change))
	var last store.Change
	require.NoError(t, s.View(func(tx *store.Tx) error {
		return tx.SharedRecords(func(c store.Change) error { last = c; return nil })
	}))
	err := s.Update(func(tx *store.Tx) error { return tx.Apply([]store.Change{last}) })
	assert.ErrorIs(t, err, store.ErrCorrupt, "an event in the place of one the log has")
	err = s.Update(func(tx *store.Tx) error {
		return tx.Apply([]store.Change{{Bucket: "meta", Key: []byte("schema_version"), Value: []byte{9}}})
	})
	assert.ErrorIs(t, err, store.ErrNotShared)
	err = s.Update(func(tx *store.Tx) error {
		return tx.Apply([]store.Change{{Bucket: "keys", Key: []byte("key_2"), Value: []byte("not a key")}})
	})
	assert.ErrorIs(t, err, store.ErrCorrupt)
	assert.False(t, store.IsShared("audit", []byte("short")))
	assert.True(t, store.IsShared("audit", binary.BigEndian.AppendUint64(nil, 7)))
}

func TestACopyKeepsFlagsAndItsOwnValuesUntilItIsCleared(t *testing.T) {
	s := openTemp(t)
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		if err := change(tx); err != nil {
			return err
		}
		if err := tx.SetLocal("revision", []byte{1}); err != nil {
			return err
		}
		return tx.FlagEvent(2, "its signature does not match")
	}))
	require.NoError(t, s.View(func(tx *store.Tx) error {
		flags, err := tx.EventFlags()
		assert.Equal(t, map[uint64]string{2: "its signature does not match"}, flags)
		assert.Equal(t, []byte{1}, tx.Local("revision"))
		return err
	}))
	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.ClearShared() }))
	require.NoError(t, s.View(func(tx *store.Tx) error {
		flags, err := tx.EventFlags()
		require.NoError(t, err)
		assert.Empty(t, flags)
		assert.Nil(t, tx.Local("revision"))
		log, err := tx.AuditLog()
		require.NoError(t, err)
		assert.Empty(t, log.Events)
		assert.Equal(t, audit.Head{}, log.Head)
		keys, err := tx.Keys(nil)
		require.NoError(t, err)
		assert.Empty(t, keys)
		_, err = tx.Org()
		assert.ErrorIs(t, err, store.ErrNotFound)
		return nil
	}))
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		seq, err := tx.NextKeySeq(apikey.Production)
		assert.Equal(t, uint64(1), seq, "the counters are cleared too")
		return err
	}))
}
