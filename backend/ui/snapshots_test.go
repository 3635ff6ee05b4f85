package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/store"
)

// Day one is protected: setup takes a snapshot at once. The problem screen says what each
// snapshot holds, refuses one that holds less than the newest unless the person confirms,
// and offers back the secrets a restore left without a record.
func TestSetupSnapshotRestoreChoiceAndOrphans(t *testing.T) {
	a, _ := setUpWithKeys(t) // setup took the first snapshot
	dir := a.core.dataDir
	snaps, err := a.Snapshots.ListSnapshots()
	require.NoError(t, err)
	require.Len(t, snaps, 1, "taken right after setup, not a day later")
	assert.Equal(t, "Acme", snaps[0].OrgName)
	assert.Zero(t, snaps[0].Keys)

	for range 2 {
		_, err := a.Keys.GenerateKey("production")
		require.NoError(t, err)
	}
	_, err = a.s().store.Snapshot(time.Now().Add(2 * time.Second))
	require.NoError(t, err)
	a.Stop()
	require.NoError(t, os.Truncate(filepath.Join(dir, store.FileName), 4096))

	b, _ := newTestApp(t, dir)
	snaps, err = b.Snapshots.ListSnapshots()
	require.NoError(t, err)
	require.Len(t, snaps, 2)
	newest, oldest := snaps[0], snaps[1]
	assert.Equal(t, 2, newest.Keys)
	assert.Greater(t, newest.Events, oldest.Events)
	assert.NotEmpty(t, newest.NewestEvent)

	_, err = b.Snapshots.RestoreSnapshot(oldest.Name, false)
	p := Explain(err)
	assert.Equal(t, "restore_loses", p.Code)
	assert.Contains(t, p.Message, "holds 2", "says what it would lose")
	state, err := b.Snapshots.RestoreSnapshot(oldest.Name, true)
	require.NoError(t, err, "the person chose it knowingly")
	assert.Equal(t, "Acme", state.OrgName)
	allowAPIAccess(t, b) // that snapshot was taken before Proof enabled it

	orphans, err := b.Snapshots.ListOrphans()
	require.NoError(t, err)
	assert.True(t, orphans.Listable)
	assert.Len(t, orphans.Orphans, 2, "the two secrets made after that snapshot")
	back, err := b.Snapshots.ReattachOrphans()
	require.NoError(t, err)
	assert.Equal(t, 2, back.Reattached+back.Recreated)
	list, err := b.Keys.all("production")
	require.NoError(t, err)
	assert.Len(t, list, 2, "listed again, to copy, replace or delete")
}
