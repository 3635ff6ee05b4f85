package ui

import (
	"errors"
	"log"
	"time"

	"proofkeys/backend/store"
)

// errNotRestorable: a restore was asked while the data file reads fine.
var errNotRestorable = errors.New("the data file reads fine; nothing to restore")

// Snapshots is the database-problem screen: the daily snapshots and their restore. Unlike
// every other bound struct, it works when opening the data failed: that is when it is
// needed.
type Snapshots struct{ c *core }

// SnapshotView is a daily snapshot as the start-up problem screen lists it.
type SnapshotView struct {
	Name     string `json:"name"`
	Taken    string `json:"taken"` // RFC 3339
	Size     int64  `json:"size"`
	Readable bool   `json:"readable"`
}

// ListSnapshots lists the data folder's snapshots, newest first, each checked whole. It
// reads the folder directly, without the opened services.
func (x *Snapshots) ListSnapshots() ([]SnapshotView, error) {
	list, err := store.Snapshots(x.c.dataDir)
	if err != nil {
		return nil, err
	}
	views := make([]SnapshotView, 0, len(list))
	for _, s := range list {
		views = append(views, SnapshotView{Name: s.Name, Taken: s.Taken.Format(time.RFC3339), Size: s.Size,
			Readable: store.CheckFile(s.Path) == nil})
	}
	return views, nil
}

// RestoreSnapshot puts the snapshot name back as the data file, after the person
// confirmed it in the UI, and opens the app on it. Only offered when the data file could
// not be read: the unreadable file is moved aside beside it, never deleted.
func (x *Snapshots) RestoreSnapshot(name string) (StateView, error) {
	openErr := x.c.openError()
	if !errors.Is(openErr, store.ErrCorrupt) && !errors.Is(openErr, store.ErrNewerSchema) {
		return StateView{}, errNotRestorable
	}
	aside, err := store.Restore(x.c.dataDir, name, time.Now())
	if err != nil {
		return StateView{}, err
	}
	log.Printf("restored snapshot %s; the unreadable file is kept as %s", name, aside)
	if err := x.c.reopen(x.c.startCtx); err != nil {
		return StateView{}, err
	}
	return with(x.c, x.c.state)
}
