package store_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

var day0 = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func openWithOrg(t *testing.T, dir, name string) *store.Store {
	t.Helper()
	s, err := store.Open(dir)
	require.NoError(t, err)
	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.PutOrg(access.Org{ID: "org_1", Name: name}) }))
	return s
}

func orgName(t *testing.T, dir string) string {
	t.Helper()
	s, err := store.OpenReadOnly(dir)
	require.NoError(t, err)
	defer s.Close()
	var o access.Org
	require.NoError(t, s.View(func(tx *store.Tx) (err error) { o, err = tx.Org(); return err }))
	return o.Name
}

func TestSnapshotsAreDailyAndTheLastSevenKept(t *testing.T) {
	dir := t.TempDir()
	s := openWithOrg(t, dir, "Acme")
	defer s.Close()

	took, err := s.SnapshotIfDue(day0)
	require.NoError(t, err)
	assert.True(t, took, "the first start takes one")
	took, err = s.SnapshotIfDue(day0.Add(23 * time.Hour))
	require.NoError(t, err)
	assert.False(t, took, "less than a day later: none")

	for d := 1; d <= 9; d++ {
		took, err := s.SnapshotIfDue(day0.AddDate(0, 0, d))
		require.NoError(t, err)
		require.True(t, took)
	}
	list, err := store.Snapshots(dir)
	require.NoError(t, err)
	require.Len(t, list, store.KeepSnapshots)
	assert.Equal(t, day0.AddDate(0, 0, 9), list[0].Taken, "newest first")
	assert.Equal(t, day0.AddDate(0, 0, 3), list[6].Taken, "the oldest are removed")
	for _, snap := range list {
		assert.NoError(t, store.CheckFile(snap.Path))
		info, err := os.Stat(snap.Path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "a snapshot is as private as the file")
	}
}

// A snapshot is taken while the app writes; it holds whole transactions only.
func TestSnapshotIsConsistentWhileWriting(t *testing.T) {
	dir := t.TempDir()
	s := openWithOrg(t, dir, "v0")
	defer s.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 200 {
			_ = s.Update(func(tx *store.Tx) error {
				return tx.PutOrg(access.Org{ID: "org_1", Name: "v" + string(rune('a'+i%26))})
			})
		}
	}()
	var snaps []store.Snapshot
	for i := range 5 {
		snap, err := s.Snapshot(day0.Add(time.Duration(i) * time.Second))
		require.NoError(t, err)
		snaps = append(snaps, snap)
	}
	<-done
	for _, snap := range snaps {
		assert.NoError(t, store.CheckFile(snap.Path))
	}
}

// damage is how a file goes bad: cut short by a full disk, or overwritten by garbage.
var damage = map[string]func(t *testing.T, path string){
	"truncated": func(t *testing.T, path string) {
		require.NoError(t, os.Truncate(path, 100))
	},
	"corrupt": func(t *testing.T, path string) {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		require.NoError(t, err)
		garbage := make([]byte, 8192) // both meta pages
		for i := range garbage {
			garbage[i] = byte(i * 7)
		}
		_, err = f.WriteAt(garbage, 0)
		require.NoError(t, err)
		require.NoError(t, f.Close())
	},
}

func TestRestoreTheNewestReadableSnapshot(t *testing.T) {
	for name, spoil := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s := openWithOrg(t, dir, "Monday")
			_, err := s.Snapshot(day0)
			require.NoError(t, err)
			require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.PutOrg(access.Org{ID: "org_1", Name: "Tuesday"}) }))
			newest, err := s.Snapshot(day0.AddDate(0, 0, 1))
			require.NoError(t, err)
			require.NoError(t, s.Close())
			db := filepath.Join(dir, store.FileName)
			spoil(t, db)
			spoil(t, newest.Path) // the newest snapshot is bad too: the one before is used
			damaged, err := os.ReadFile(db)
			require.NoError(t, err)

			_, err = store.Open(dir)
			require.ErrorIs(t, err, store.ErrCorrupt)
			_, err = store.OpenReadOnly(dir)
			require.ErrorIs(t, err, store.ErrCorrupt)
			assert.ErrorIs(t, store.CheckFile(db), store.ErrCorrupt)
			after, err := os.ReadFile(db)
			require.NoError(t, err)
			assert.Equal(t, damaged, after, "a failed open leaves the file untouched")

			snap, err := store.NewestReadable(dir)
			require.NoError(t, err)
			assert.Equal(t, day0, snap.Taken)
			aside, err := store.Restore(dir, snap.Name, day0.AddDate(0, 0, 2))
			require.NoError(t, err)
			assert.Equal(t, db+".unreadable-20261129T100000Z", aside)
			kept, err := os.ReadFile(aside)
			require.NoError(t, err)
			assert.Equal(t, damaged, kept, "the unreadable file is kept, never deleted")
			assert.Equal(t, "Monday", orgName(t, dir))

			s, err = store.Open(dir)
			require.NoError(t, err, "the restored file opens for writing")
			require.NoError(t, s.Close())
		})
	}
}

func TestRestoreRefusesWhatIsNotAReadableSnapshot(t *testing.T) {
	dir := t.TempDir()
	s := openWithOrg(t, dir, "Acme")
	snap, err := s.Snapshot(day0)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	damage["truncated"](t, snap.Path)

	for _, name := range []string{snap.Name, "../proofkeys.db", "other.db"} {
		_, err := store.Restore(dir, name, day0)
		assert.Error(t, err, name)
	}
	_, err = store.NewestReadable(dir)
	assert.ErrorIs(t, err, store.ErrNoSnapshot)
	assert.Equal(t, "Acme", orgName(t, dir), "nothing was moved")
}

func TestOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	_, err := store.OpenReadOnly(dir)
	assert.ErrorIs(t, err, store.ErrNoDatabase)
	entries, _ := os.ReadDir(dir)
	assert.Empty(t, entries, "reading creates nothing")

	s := openWithOrg(t, dir, "Acme")
	start := time.Now()
	_, err = store.OpenReadOnly(dir)
	assert.ErrorIs(t, err, store.ErrInUse, "the app holds the file")
	assert.Less(t, time.Since(start), 10*time.Second, "the one-second lock wait, never a wait for the other to close")
	require.NoError(t, s.Close())
	assert.Equal(t, "Acme", orgName(t, dir))
}

// A folder without an organization is never snapshotted: restored, such a copy would wipe
// the organization made since. One taken right after setup protects the first day.
func TestNoSnapshotBeforeSetupAndOneRightAfter(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir)
	require.NoError(t, err)
	defer s.Close()
	took, err := s.SnapshotIfDue(day0)
	require.NoError(t, err)
	assert.False(t, took)
	_, err = s.Snapshot(day0)
	assert.ErrorIs(t, err, store.ErrNoOrg)
	list, err := store.Snapshots(dir)
	require.NoError(t, err)
	assert.Empty(t, list)
	entries, err := os.ReadDir(filepath.Join(dir, store.SnapshotDir))
	require.NoError(t, err)
	assert.Empty(t, entries, "no temporary file is left behind")

	require.NoError(t, s.Update(func(tx *store.Tx) error { return tx.PutOrg(access.Org{ID: "org_1", Name: "Acme"}) }))
	snap, err := s.Snapshot(day0.Add(time.Minute)) // what the app does right after setup
	require.NoError(t, err)
	assert.Equal(t, "Acme", snap.Contents.OrgName)
	took, err = s.SnapshotIfDue(day0.Add(time.Hour))
	require.NoError(t, err)
	assert.False(t, took, "the setup snapshot is the day's")
}

// Describe says what every kept snapshot holds, and which are damaged.
func TestDescribeSnapshots(t *testing.T) {
	dir := t.TempDir()
	s := openWithOrg(t, dir, "Acme")
	_, err := s.Snapshot(day0)
	require.NoError(t, err)
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		if err := tx.PutKey(apikey.Key{ID: "key_1", State: apikey.Active, Environment: apikey.Sandbox}); err != nil {
			return err
		}
		_, err := tx.AppendEvent(audit.Event{Time: day0.Add(time.Hour), Action: audit.KeyGenerated, KeyID: "key_1"})
		return err
	}))
	_, err = s.Snapshot(day0.AddDate(0, 0, 1))
	require.NoError(t, err)
	bad, err := s.Snapshot(day0.AddDate(0, 0, 2))
	require.NoError(t, err)
	require.NoError(t, s.Close())
	require.NoError(t, os.Truncate(bad.Path, 8192))

	list, err := store.Describe(dir)
	require.NoError(t, err)
	require.Len(t, list, 3)
	assert.True(t, list[0].Damaged)
	assert.Contains(t, list[0].Problem, "declares")
	assert.Equal(t, store.Contents{OrgID: "org_1", OrgName: "Acme", Keys: 1, Events: 1, NewestEvent: day0.Add(time.Hour)},
		list[1].Contents)
	assert.Equal(t, store.Contents{OrgID: "org_1", OrgName: "Acme"}, list[2].Contents)
	for _, snap := range list {
		info, err := os.Stat(snap.Path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	}
}

// A restore that holds less than what it replaces is refused with the reason, unless
// confirmed; with the data file damaged, the newest readable snapshot is the measure.
func TestRestoreRefusesLessUnlessConfirmed(t *testing.T) {
	dir := t.TempDir()
	s := openWithOrg(t, dir, "Acme")
	older, err := s.Snapshot(day0)
	require.NoError(t, err)
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		return tx.PutKey(apikey.Key{ID: "key_1", State: apikey.Active, Environment: apikey.Sandbox})
	}))
	newer, err := s.Snapshot(day0.AddDate(0, 0, 1))
	require.NoError(t, err)
	require.NoError(t, s.Close())
	// An empty snapshot, as versions before this one took at first start.
	empty := t.TempDir()
	e, err := store.Open(empty)
	require.NoError(t, err)
	require.NoError(t, e.Close())
	raw, err := os.ReadFile(filepath.Join(empty, store.FileName))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, store.SnapshotDir, "proofkeys-20261120T100000Z.db"), raw, 0o600))
	require.NoError(t, os.Truncate(filepath.Join(dir, store.FileName), 8192))

	_, err = store.Restore(dir, "proofkeys-20261120T100000Z.db", day0)
	require.ErrorIs(t, err, store.ErrRestoreLoses)
	assert.Contains(t, err.Error(), "it holds no organization, and the newest readable snapshot")
	_, err = store.Restore(dir, older.Name, day0)
	require.ErrorIs(t, err, store.ErrRestoreLoses)
	assert.Contains(t, err.Error(), "it holds 0 keys, and the newest readable snapshot")
	_, err = store.Restore(dir, newer.Name, day0.AddDate(0, 0, 2))
	require.NoError(t, err, "the newest holds the most")

	_, err = store.Restore(dir, older.Name, day0.AddDate(0, 0, 3))
	require.ErrorIs(t, err, store.ErrRestoreLoses, "the data file reads now: it is the measure")
	assert.Contains(t, err.Error(), "it holds 0 keys, and the data file holds 1")
	_, err = store.RestoreConfirmed(dir, older.Name, day0.AddDate(0, 0, 3))
	require.NoError(t, err)
	assert.Equal(t, "Acme", orgName(t, dir))
}

// A store opened for the inventory reads the keys and the newest event, and refuses to
// read other events: its check did not read their pages.
func TestOpenForKeysReadsKeysAndRefusesOlderEvents(t *testing.T) {
	dir := filledFolder(t, 3)
	s, err := store.OpenForKeys(dir)
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.View(func(tx *store.Tx) error {
		keys, err := tx.Keys(nil)
		require.NoError(t, err)
		assert.Len(t, keys, 3)
		last, any, err := tx.LastEvent()
		require.NoError(t, err)
		assert.True(t, any)
		assert.Equal(t, "key_0002", last.KeyID)
		assert.ErrorContains(t, tx.EventsSince(0, func(audit.Event) error { return nil }), "OpenReadOnly")
		_, _, err = tx.EventPage(audit.Filter{}, 0, 10)
		assert.ErrorContains(t, err, "OpenReadOnly")
		_, err = tx.Contents()
		assert.ErrorContains(t, err, "OpenReadOnly")
		return nil
	}))
}
