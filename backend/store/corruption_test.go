package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// filledFolder is a data folder with an organization, keys and events over many pages,
// and one snapshot of it.
func filledFolder(t *testing.T, keys int) string {
	t.Helper()
	dir := t.TempDir()
	s := openWithOrg(t, dir, "Acme")
	defer s.Close()
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		for i := range keys {
			k := apikey.Key{ID: fmt.Sprintf("key_%04d", i), Environment: apikey.Sandbox, State: apikey.Active,
				Settings: apikey.DefaultSettings(fmt.Sprintf("Key %d", i)), CreatedAt: day0}
			if err := tx.PutKey(k); err != nil {
				return err
			}
			if _, err := tx.AppendEvent(audit.Event{Time: day0, Actor: "mem_1", Action: audit.KeyGenerated, KeyID: k.ID}); err != nil {
				return err
			}
		}
		return nil
	}))
	_, err := s.Snapshot(day0)
	require.NoError(t, err)
	return dir
}

// copyFolder copies the data file and the snapshots of src into a new folder.
func copyFolder(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
	return dst
}

// spoiling is one way a file goes bad.
type spoiling struct {
	name  string
	spoil func(t *testing.T, path string)
}

// truncateTo cuts the file to n bytes (n < 0: that many bytes from the end).
func truncateTo(n int64) spoiling {
	return spoiling{fmt.Sprintf("cut to %d", n), func(t *testing.T, path string) {
		if n < 0 {
			info, err := os.Stat(path)
			require.NoError(t, err)
			n = info.Size() + n
		}
		require.NoError(t, os.Truncate(path, n))
	}}
}

// flipAt inverts 8 bytes at offset off.
func flipAt(off int64) spoiling {
	return spoiling{fmt.Sprintf("8 bytes flipped at %d", off), func(t *testing.T, path string) {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		require.NoError(t, err)
		defer f.Close()
		buf := make([]byte, 8)
		_, err = f.ReadAt(buf, off)
		require.NoError(t, err)
		for i := range buf {
			buf[i] ^= 0xFF
		}
		_, err = f.WriteAt(buf, off)
		require.NoError(t, err)
	}}
}

// spoilings are the damages of the suite: cuts at several sizes; flips in every field of
// both meta pages; flips in the header, element table and body of pages spread over the
// file.
func spoilings(size int64) []spoiling {
	const page = 4096
	list := []spoiling{truncateTo(0), truncateTo(100), truncateTo(page), truncateTo(2 * page), truncateTo(4 * page),
		truncateTo(size / 2), truncateTo(-page), truncateTo(-1)}
	for off := int64(0); off < 80; off += 8 {
		list = append(list, flipAt(off), flipAt(page+off))
	}
	if sweep := os.Getenv(EnvCorruptionSweep); sweep != "" {
		stride, err := strconv.ParseInt(sweep, 10, 64)
		if err != nil || stride < 1 {
			stride = 64
		}
		for off := int64(2 * page); off+8 <= size; off += stride {
			list = append(list, flipAt(off))
		}
		return list
	}
	stride := max(1, size/page/12)
	for p := int64(2); p*page+page <= size; p += stride {
		for _, off := range []int64{0, 8, 16, 24, 40, page / 2} {
			list = append(list, flipAt(p*page+off))
		}
	}
	return list
}

// EnvCorruptionSweep, when set, makes the suite flip 8 bytes every 64 bytes (or every N,
// when it is a number N) over the whole file, thousands of cases, instead of a sample of
// each page kind.
const EnvCorruptionSweep = "PROOFKEYS_CORRUPTION_SWEEP"

// Every damage either gives the damaged error, leaving the file byte for byte, or opens
// a file that bbolt's check finds whole and whose every record reads or says it cannot.
// Nothing panics or faults.
func TestCorruptionSuite(t *testing.T) {
	good := filledFolder(t, 100)
	info, err := os.Stat(filepath.Join(good, store.FileName))
	require.NoError(t, err)
	var refused, opened int
	for _, sp := range spoilings(info.Size()) {
		dir := copyFolder(t, good)
		db := filepath.Join(dir, store.FileName)
		sp.spoil(t, db)
		before, err := os.ReadFile(db)
		require.NoError(t, err)

		s, err := store.Open(dir)
		if err != nil {
			refused++
			require.True(t, store.Damaged(err), "%s: %v", sp.name, err)
			after, rerr := os.ReadFile(db)
			require.NoError(t, rerr)
			require.True(t, bytes.Equal(before, after), "%s: the damaged file is kept byte for byte", sp.name)
			_, err = store.OpenReadOnly(dir)
			require.True(t, store.Damaged(err), "%s: read-only: %v", sp.name, err)
			require.True(t, store.Damaged(store.CheckFile(db)), sp.name)
			readForKeys(t, dir, sp.name)
			continue
		}
		opened++
		require.NoError(t, s.Check(), sp.name)
		readEverything(t, s, sp.name)
		require.NoError(t, s.Close())
	}
	t.Logf("%d damaged files refused, %d opened whole", refused, opened)
	assert.Greater(t, refused, 40)
}

// readEverything reads every record; a record it cannot decode is an ErrCorrupt, never a panic.
func readEverything(t *testing.T, s *store.Store, name string) {
	t.Helper()
	err := s.View(func(tx *store.Tx) error {
		_, err := tx.Keys(func(apikey.Key) bool { return true })
		if err != nil {
			return err
		}
		_, err = tx.AuditLog()
		return err
	})
	if err != nil {
		assert.ErrorIs(t, err, store.ErrCorrupt, name)
	}
}

// readForKeys opens dir as the inventory does (OpenForKeys), which may let through damage
// to the log's pages off the way to its newest events: it is refused as damaged, or every
// key and the newest event read or say they cannot.
func readForKeys(t *testing.T, dir, name string) {
	t.Helper()
	s, err := store.OpenForKeys(dir)
	if err != nil {
		require.True(t, store.Damaged(err), "%s: for keys: %v", name, err)
		return
	}
	defer s.Close()
	err = s.View(func(tx *store.Tx) error {
		_, err := tx.Keys(nil)
		if err == nil {
			_, _, err = tx.LastEvent()
		}
		return err
	})
	if err != nil {
		assert.ErrorIs(t, err, store.ErrCorrupt, name)
	}
}

// An empty or missing data file beside snapshots is damage: starting afresh would make a
// new organization and orphan the vault's secrets. Without snapshots it is a first start.
func TestEmptyOrMissingDataFile(t *testing.T) {
	good := filledFolder(t, 3)
	for name, spoil := range map[string]func(string) error{
		"empty":   func(p string) error { return os.Truncate(p, 0) },
		"missing": os.Remove,
	} {
		t.Run(name, func(t *testing.T) {
			dir := copyFolder(t, good)
			db := filepath.Join(dir, store.FileName)
			require.NoError(t, spoil(db))
			_, err := store.Open(dir)
			assert.True(t, store.Damaged(err))
			assert.ErrorIs(t, err, store.ErrDataMissing)
			_, err = store.OpenReadOnly(dir)
			assert.True(t, store.Damaged(err))
			_, statErr := os.Stat(db)
			assert.Equal(t, name == "missing", errors.Is(statErr, os.ErrNotExist), "nothing was created")

			require.NoError(t, os.RemoveAll(filepath.Join(dir, store.SnapshotDir)))
			s, err := store.Open(dir)
			require.NoError(t, err, "without snapshots it is a first start")
			require.NoError(t, s.Close())
		})
	}
}

// Damaged snapshots are listed as damaged and never opened or restored.
func TestDamagedSnapshots(t *testing.T) {
	good := filledFolder(t, 50)
	snaps, err := store.Snapshots(good)
	require.NoError(t, err)
	info, err := os.Stat(snaps[0].Path)
	require.NoError(t, err)
	for _, sp := range []spoiling{truncateTo(0), truncateTo(8192), truncateTo(-4096), flipAt(16), flipAt(4096 + 40), flipAt(info.Size() / 2)} {
		dir := copyFolder(t, good)
		snap := filepath.Join(dir, store.SnapshotDir, snaps[0].Name)
		sp.spoil(t, snap)
		before, err := os.ReadFile(snap)
		require.NoError(t, err)
		list, err := store.Describe(dir)
		require.NoError(t, err)
		require.Len(t, list, 1)
		if !list[0].Damaged {
			assert.Equal(t, 50, list[0].Contents.Keys, "%s: a snapshot that reads holds what it held", sp.name)
			continue
		}
		assert.NotEmpty(t, list[0].Problem, sp.name)
		_, err = store.RestoreConfirmed(dir, snaps[0].Name, day0)
		assert.True(t, store.Damaged(err), "%s: %v", sp.name, err)
		after, err := os.ReadFile(snap)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(before, after), sp.name)
		assert.Equal(t, "Acme", orgName(t, dir), "%s: the data file was not touched", sp.name)
	}
}
