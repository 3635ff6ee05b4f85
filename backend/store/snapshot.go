package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Snapshots: a daily copy of the database, so that a file that can no longer be read
// (a disk error, a crash of the file system, a copy cut short) costs at most a day.
const (
	SnapshotDir   = "snapshots" // inside the data folder
	KeepSnapshots = 7
	SnapshotEvery = 24 * time.Hour
)

const (
	snapshotPrefix = "proofkeys-"
	snapshotSuffix = ".db"
	stampLayout    = "20060102T150405Z"
)

// ErrNoSnapshot: no snapshot of the data folder can be read.
var ErrNoSnapshot = errors.New("no readable snapshot")

// Snapshot is one copy in DATA_DIR/snapshots.
type Snapshot struct {
	Name  string    `json:"name"`
	Path  string    `json:"path"`
	Taken time.Time `json:"taken"`
	Size  int64     `json:"size"`
}

// Snapshot writes a consistent copy of the open database while the app keeps using it:
// bbolt's Tx.WriteTo copies the pages a read transaction sees, so writers are not held
// up and the copy is never half of one change. The copy is written under a temporary
// name and renamed, so a snapshot on disk is always whole. The oldest beyond
// KeepSnapshots are removed.
func (s *Store) Snapshot(now time.Time) (Snapshot, error) {
	dir := filepath.Join(filepath.Dir(s.Path()), SnapshotDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Snapshot{}, fmt.Errorf("create snapshot folder: %w", err)
	}
	name := snapshotPrefix + now.UTC().Format(stampLayout) + snapshotSuffix
	path := filepath.Join(dir, name)
	err := writeFileAtomic(path, func(w io.Writer) error {
		return s.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return Snapshot{}, fmt.Errorf("snapshot: %w", err)
	}
	if err := prune(dir, KeepSnapshots); err != nil {
		return Snapshot{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return Snapshot{}, err
	}
	return Snapshot{Name: name, Path: path, Taken: now.UTC().Truncate(time.Second), Size: info.Size()}, nil
}

// SnapshotIfDue takes a snapshot when the newest is older than SnapshotEvery, or when
// there is none. It reports whether it took one.
func (s *Store) SnapshotIfDue(now time.Time) (bool, error) {
	list, err := Snapshots(filepath.Dir(s.Path()))
	if err != nil {
		return false, err
	}
	if len(list) > 0 && now.Sub(list[0].Taken) < SnapshotEvery {
		return false, nil
	}
	_, err = s.Snapshot(now)
	return err == nil, err
}

// Snapshots lists the snapshots of the data folder dataDir, newest first.
func Snapshots(dataDir string) ([]Snapshot, error) {
	dir := filepath.Join(dataDir, SnapshotDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list snapshots: %w", err)
	}
	var out []Snapshot
	for _, e := range entries {
		stamp, ok := strings.CutPrefix(e.Name(), snapshotPrefix)
		stamp, ok2 := strings.CutSuffix(stamp, snapshotSuffix)
		taken, err := time.Parse(stampLayout, stamp)
		if !ok || !ok2 || err != nil || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Snapshot{Name: e.Name(), Path: filepath.Join(dir, e.Name()), Taken: taken, Size: info.Size()})
	}
	slices.SortFunc(out, func(a, b Snapshot) int { return b.Taken.Compare(a.Taken) })
	return out, nil
}

// NewestReadable returns the newest snapshot that CheckFile reads whole.
func NewestReadable(dataDir string) (Snapshot, error) {
	list, err := Snapshots(dataDir)
	if err != nil {
		return Snapshot{}, err
	}
	for _, snap := range list {
		if CheckFile(snap.Path) == nil {
			return snap, nil
		}
	}
	return Snapshot{}, ErrNoSnapshot
}

// Restore puts the snapshot named name back as the database of dataDir. The database
// must not be open. The file it replaces is moved aside, never deleted, under a name that
// says when and why (proofkeys.db.unreadable-20261127T100000Z), so nothing is lost even if
// the snapshot was the wrong choice. It returns that name ("" when there was no file).
func Restore(dataDir, name string, now time.Time) (string, error) {
	if filepath.Base(name) != name || !strings.HasPrefix(name, snapshotPrefix) {
		return "", fmt.Errorf("%w: %q is not a snapshot name", ErrNoSnapshot, name)
	}
	src := filepath.Join(dataDir, SnapshotDir, name)
	if err := CheckFile(src); err != nil {
		return "", fmt.Errorf("snapshot %s: %w", name, err)
	}
	db := filepath.Join(dataDir, FileName)
	aside := ""
	if _, err := os.Stat(db); err == nil {
		aside = db + ".unreadable-" + now.UTC().Format(stampLayout)
		if err := os.Rename(db, aside); err != nil {
			return "", fmt.Errorf("move the unreadable file aside: %w", err)
		}
	}
	err := writeFileAtomic(db, func(w io.Writer) error {
		f, err := os.Open(src)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
	if err != nil {
		return aside, fmt.Errorf("restore %s: %w", name, err)
	}
	return aside, nil
}

// writeFileAtomic writes path through fill into a temporary file beside it, syncs it to
// disk and renames it into place.
func writeFileAtomic(path string, fill func(io.Writer) error) error {
	tmp := path + ".partial"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	err = fill(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}

// prune removes the oldest snapshots beyond keep.
func prune(dir string, keep int) error {
	list, err := Snapshots(filepath.Dir(dir))
	if err != nil {
		return err
	}
	for _, old := range list[min(keep, len(list)):] {
		if err := os.Remove(old.Path); err != nil {
			return fmt.Errorf("remove old snapshot: %w", err)
		}
	}
	return nil
}
