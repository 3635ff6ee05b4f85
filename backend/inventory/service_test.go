package inventory_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/inventory"
	"proofkeys/backend/store"
)

// seeded is a store with an org, its Owner Dana, a Team member Sam and the fixture's keys.
func seeded(t *testing.T, apiAccess bool) *store.Store {
	t.Helper()
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	in := fixture()
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		o := in.Org
		o.Enablement.APIAccess = apiAccess
		require.NoError(t, tx.PutOrg(o))
		require.NoError(t, tx.PutMember(access.Member{ID: "mem_dana", Name: "Dana", Role: access.Owner}))
		require.NoError(t, tx.PutMember(access.Member{ID: "mem_sam", Name: "Sam", Role: access.TeamMember}))
		for _, k := range in.Keys {
			require.NoError(t, tx.PutKey(k))
			_, err := tx.AppendEvent(audit.Event{Time: k.CreatedAt, Actor: "mem_dana", ActorName: "Dana",
				Action: audit.KeyGenerated, KeyID: k.ID})
			require.NoError(t, err)
		}
		return nil
	}))
	return s
}

func copyEvent(t *testing.T, s *store.Store, id string, at time.Time) {
	t.Helper()
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		_, err := tx.AppendEvent(audit.Event{Time: at, Actor: "mem_sam", ActorName: "Sam",
			Action: audit.KeyCopied, KeyID: id})
		return err
	}))
}

func service(s *store.Store) *inventory.Service {
	svc := inventory.New(s)
	svc.Now = func() time.Time { return now }
	return svc
}

func TestServiceReadsTheStoreAndChecksPermission(t *testing.T) {
	s := seeded(t, true)
	r, err := service(s).Inventory("mem_sam")
	require.NoError(t, err, "every member may review the keys")
	assert.Len(t, r.Rows, 7)
	assert.Equal(t, "Acme & Co", r.OrgName)

	_, err = service(s).Inventory("mem_nobody")
	assert.ErrorIs(t, err, store.ErrNoMember)

	_, err = service(seeded(t, false)).Inventory("mem_dana")
	assert.ErrorIs(t, err, access.ErrNoAPIAccess)
	_, err = service(seeded(t, false)).Offline()
	assert.NoError(t, err, "the command line reads the folder it is given")
}

// The second report reads only what was appended since the first; it must equal a report
// read afresh.
func TestLaterReportsFollowTheLog(t *testing.T) {
	s := seeded(t, true)
	svc := service(s)
	_, err := svc.Inventory("mem_dana")
	require.NoError(t, err)

	copyEvent(t, s, "key_02", daysAgo(2))
	copyEvent(t, s, "key_02", daysAgo(1))
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		k, err := tx.Key("key_01")
		require.NoError(t, err)
		k.State, k.DeletedAt, k.DeletedBy = apikey.Deleted, now, "mem_dana"
		require.NoError(t, tx.PutKey(k))
		_, err = tx.AppendEvent(audit.Event{Time: now, Actor: "mem_dana", Action: audit.KeyDeleted, KeyID: k.ID})
		return err
	}))

	later, err := svc.Inventory("mem_dana")
	require.NoError(t, err)
	afresh, err := service(s).Inventory("mem_dana")
	require.NoError(t, err)
	assert.Equal(t, afresh, later)

	row := find(later.Rows, "key_02")
	assert.Equal(t, 2, row.CopyCount)
	assert.Equal(t, "Sam", row.LastCopiedBy)
	assert.Equal(t, daysAgo(1), row.LastCopiedAt)
	assert.Equal(t, inventory.Deleted, find(later.Rows, "key_01").State)
}

func find(rows []inventory.Row, id string) inventory.Row {
	for _, r := range rows {
		if r.ID == id {
			return r
		}
	}
	return inventory.Row{}
}

// A key record removed (recovery's undo) leaves the report; a file put in place of the
// one read before (a restore) is read afresh.
func TestLaterReportsNoticeRemovedKeysAndAnotherFile(t *testing.T) {
	s := seeded(t, true)
	svc := service(s)
	_, err := svc.Inventory("mem_dana")
	require.NoError(t, err)
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		require.NoError(t, tx.RemoveKey("key_03"))
		_, err := tx.AppendEvent(audit.Event{Time: now, Action: audit.KeyDeleted, KeyID: "key_03"})
		return err
	}))
	r, err := svc.Inventory("mem_dana")
	require.NoError(t, err)
	assert.Len(t, r.Rows, 6)
	assert.Empty(t, find(r.Rows, "key_03").ID)

	other := seeded(t, true)
	copyEvent(t, other, "key_01", daysAgo(3))
	svc.Store = other
	r, err = svc.Inventory("mem_dana")
	require.NoError(t, err)
	assert.Len(t, r.Rows, 7, "the other file's keys, not the cached ones")
	assert.Equal(t, 1, find(r.Rows, "key_01").CopyCount)
}
