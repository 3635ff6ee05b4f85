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

	"proofkeys/backend/apikey"
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

var (
	// ErrNoSnapshot means no snapshot of the data folder can be read.
	ErrNoSnapshot = errors.New("no readable snapshot")
	// ErrNoOrg means the data holds no organization yet, so there is nothing worth a snapshot:
	// a copy of an empty file, restored, would wipe the organization made since.
	ErrNoOrg = errors.New("no organization set up yet; nothing to keep a copy of")
	// ErrRestoreLoses means the snapshot holds less than the data it would replace; restoring
	// it needs the person's confirmation (RestoreConfirmed).
	ErrRestoreLoses = errors.New("the snapshot holds less than the data it would replace")
)

// Snapshot is one copy in DATA_DIR/snapshots. Describe fills in whether it is damaged
// and what it holds.
type Snapshot struct {
	Name     string    `json:"name"`
	Path     string    `json:"path"`
	Taken    time.Time `json:"taken"`
	Size     int64     `json:"size"`
	Damaged  bool      `json:"damaged"`
	Problem  string    `json:"problem,omitempty"` // why it is damaged
	Contents Contents  `json:"contents"`          // zero when damaged
}

// Snapshot writes a consistent copy of the open database while the app keeps using it:
// bbolt's Tx.WriteTo copies the pages a read transaction sees, so writers are not held
// up and the copy is never half of one change. The copy is written to a temporary file
// beside it and checked whole before it is renamed into place: a damaged database gives
// an ErrCorrupt and no snapshot, so a damaged file never pushes a good snapshot out. A
// folder without an organization gives ErrNoOrg. The oldest beyond KeepSnapshots are
// removed. Take one right after setup, so the first day is protected too.
func (s *Store) Snapshot(now time.Time) (Snapshot, error) {
	dir := filepath.Join(filepath.Dir(s.Path()), SnapshotDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Snapshot{}, fmt.Errorf("create snapshot folder: %w", err)
	}
	name := snapshotPrefix + now.UTC().Format(stampLayout) + snapshotSuffix
	path := filepath.Join(dir, name)
	var c Contents
	err := writeChecked(path, func(w io.Writer) error {
		return s.db.View(func(tx *bolt.Tx) (err error) {
			if c, err = (&Tx{tx: tx}).Contents(); err != nil {
				return err
			}
			if c.OrgID == "" {
				return ErrNoOrg
			}
			_, err = tx.WriteTo(w)
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
	return Snapshot{Name: name, Path: path, Taken: now.UTC().Truncate(time.Second), Size: info.Size(), Contents: c}, nil
}

// SnapshotIfDue takes a snapshot when the newest is older than SnapshotEvery, or when
// there is none, and the folder has an organization. It reports whether it took one.
func (s *Store) SnapshotIfDue(now time.Time) (bool, error) {
	list, err := Snapshots(filepath.Dir(s.Path()))
	if err != nil {
		return false, err
	}
	if len(list) > 0 && now.Sub(list[0].Taken) < SnapshotEvery {
		return false, nil
	}
	_, err = s.Snapshot(now)
	if errors.Is(err, ErrNoOrg) {
		return false, nil
	}
	return err == nil, err
}

// Snapshots lists the snapshots of the data folder dataDir, newest first, without
// reading them (see Describe).
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

// Describe lists every kept snapshot of dataDir, newest first, each checked whole
// before it is opened (a damaged one is marked so, never opened) and with what it holds.
// It works when the database cannot be opened, which is when it is needed.
func Describe(dataDir string) ([]Snapshot, error) {
	list, err := Snapshots(dataDir)
	if err != nil {
		return nil, err
	}
	for i := range list {
		c, err := FileContents(list[i].Path)
		if err != nil {
			list[i].Damaged, list[i].Problem = true, Problem(err)
			continue
		}
		list[i].Contents = c
	}
	return list, nil
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

// Restore puts the snapshot named name back as the database of dataDir, unless it holds
// less than what it would replace (ErrRestoreLoses, saying why). The database must not be
// open. The file it replaces is moved aside, never deleted, under a name that says when
// and why (proofkeys.db.unreadable-20261127T100000Z), so nothing is lost even if the
// snapshot was the wrong choice. It returns that name ("" when there was no file).
func Restore(dataDir, name string, now time.Time) (string, error) {
	return restore(dataDir, name, now, false)
}

// RestoreConfirmed is Restore after the person has confirmed that the snapshot holds less
// than the data it replaces.
func RestoreConfirmed(dataDir, name string, now time.Time) (string, error) {
	return restore(dataDir, name, now, true)
}

func restore(dataDir, name string, now time.Time, confirmed bool) (string, error) {
	if filepath.Base(name) != name || !strings.HasPrefix(name, snapshotPrefix) {
		return "", fmt.Errorf("%w: %q is not a snapshot name", ErrNoSnapshot, name)
	}
	src := filepath.Join(dataDir, SnapshotDir, name)
	c, err := FileContents(src)
	if err != nil {
		return "", fmt.Errorf("snapshot %s: %w", name, err)
	}
	if !confirmed {
		if err := loses(dataDir, name, c); err != nil {
			return "", err
		}
	}
	db := filepath.Join(dataDir, FileName)
	aside := ""
	if _, err := os.Stat(db); err == nil {
		aside = db + ".unreadable-" + now.UTC().Format(stampLayout)
		if err := os.Rename(db, aside); err != nil {
			return "", fmt.Errorf("move the unreadable file aside: %w", err)
		}
	}
	err = writeChecked(db, func(w io.Writer) error {
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

// loses compares what snapshot name holds, c, with what it would replace: the data file
// when it reads, or else the newest readable snapshot, the best account left of what the
// damaged file held.
func loses(dataDir, name string, c Contents) error {
	ref, err := FileContents(filepath.Join(dataDir, FileName))
	what := "the data file"
	if err != nil {
		list, err := Describe(dataDir)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(list, func(s Snapshot) bool { return !s.Damaged })
		if i < 0 || list[i].Name == name {
			return nil
		}
		ref, what = list[i].Contents, "the newest readable snapshot ("+apikey.Readable(list[i].Taken)+")"
	}
	if why := c.shortfall(ref, what); why != "" {
		return fmt.Errorf("%w: %s", ErrRestoreLoses, why)
	}
	return nil
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
