package main

import (
	"errors"
	"log"
	"sync"
	"time"

	"proofkeys/backend/store"
)

// snapshotCheck is how often a running app looks whether the day's snapshot is due: a
// laptop that sleeps through midnight still gets one soon after it wakes.
const snapshotCheck = time.Hour

// errNotRestorable: a restore was asked while the data file reads fine.
var errNotRestorable = errors.New("the data file reads fine; nothing to restore")

// backups takes the daily snapshot in the background (store.Snapshot) until stopped.
type backups struct {
	stop chan struct{}
	done sync.WaitGroup
}

// startBackups takes a snapshot now if the newest is more than a day old, then checks
// every snapshotCheck. It runs beside the app: a hot copy holds up no one.
func (a *App) startBackups() {
	b := &backups{stop: make(chan struct{})}
	a.backups = b
	st := a.store
	b.done.Go(func() {
		tick := time.NewTicker(snapshotCheck)
		defer tick.Stop()
		for {
			if _, err := st.SnapshotIfDue(time.Now()); err != nil {
				log.Printf("daily snapshot: %v", err)
			}
			select {
			case <-b.stop:
				return
			case <-tick.C:
			}
		}
	})
}

// stopBackups waits for a snapshot being written, so the store closes after it.
func (a *App) stopBackups() {
	if a.backups != nil {
		close(a.backups.stop)
		a.backups.done.Wait()
		a.backups = nil
	}
}

// SnapshotView is a daily snapshot as the start-up problem screen lists it.
type SnapshotView struct {
	Name     string `json:"name"`
	Taken    string `json:"taken"` // RFC 3339
	Size     int64  `json:"size"`
	Readable bool   `json:"readable"`
}

// ListSnapshots lists the data folder's snapshots, newest first, each checked whole. It
// works when the database could not be opened, which is when it is needed.
func (a *App) ListSnapshots() ([]SnapshotView, error) {
	list, err := store.Snapshots(a.dataDir)
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
func (a *App) RestoreSnapshot(name string) (StateView, error) {
	if !errors.Is(a.openErr, store.ErrCorrupt) && !errors.Is(a.openErr, store.ErrNewerSchema) {
		return StateView{}, errNotRestorable
	}
	aside, err := store.Restore(a.dataDir, name, time.Now())
	if err != nil {
		return StateView{}, err
	}
	log.Printf("restored snapshot %s; the unreadable file is kept as %s", name, aside)
	if a.openErr = a.open(a.clip); a.openErr != nil {
		return StateView{}, a.openErr
	}
	a.startBackups()
	return a.GetState()
}
