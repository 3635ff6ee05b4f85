package ui

import (
	"errors"
	"log"
	"time"

	"proofkeys/backend/keys"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// errNotRestorable: a restore was asked while the data file reads fine.
var errNotRestorable = errors.New("the data file reads fine; nothing to restore")

// Snapshots is the database-problem screen: the daily snapshots and their restore. Unlike
// every other bound struct, it works when opening the data failed: that is when it is
// needed.
type Snapshots struct{ c *core }

// SnapshotView is a daily snapshot as the start-up problem screen lists it: when it was
// taken, whether it reads, and what it holds, so the person can choose.
type SnapshotView struct {
	Name        string `json:"name"`
	Taken       string `json:"taken"` // RFC 3339
	Size        int64  `json:"size"`
	Readable    bool   `json:"readable"`
	Problem     string `json:"problem,omitempty"` // why it does not read
	OrgName     string `json:"orgName"`           // "" when it holds no organization
	Keys        int    `json:"keys"`              // keys not deleted
	Events      int    `json:"events"`
	NewestEvent string `json:"newestEvent,omitempty"` // RFC 3339
}

// ListSnapshots lists the data folder's snapshots, newest first, each checked whole and
// described. It reads the folder directly, without the opened services.
func (x *Snapshots) ListSnapshots() ([]SnapshotView, error) {
	list, err := store.Describe(x.c.dataDir)
	if err != nil {
		return nil, err
	}
	views := make([]SnapshotView, 0, len(list))
	for _, s := range list {
		c := s.Contents
		views = append(views, SnapshotView{Name: s.Name, Taken: stamp(s.Taken), Size: s.Size,
			Readable: !s.Damaged, Problem: s.Problem, OrgName: c.OrgName, Keys: c.Keys, Events: c.Events,
			NewestEvent: stamp(c.NewestEvent)})
	}
	return views, nil
}

// RestoreSnapshot puts the snapshot name back as the data file, after the person chose it
// in the UI, and opens the app on it. Only offered when the data file could not be read:
// the unreadable file is moved aside beside it, never deleted. A snapshot that holds less
// than what it replaces is refused with the reason, unless confirmed says the person
// chose it knowing that.
func (x *Snapshots) RestoreSnapshot(name string, confirmed bool) (StateView, error) {
	openErr := x.c.openError()
	if !errors.Is(openErr, store.ErrCorrupt) && !errors.Is(openErr, store.ErrNewerSchema) {
		return StateView{}, errNotRestorable
	}
	restore := store.Restore
	if confirmed {
		restore = store.RestoreConfirmed
	}
	aside, err := restore(x.c.dataDir, name, time.Now())
	if err != nil {
		return StateView{}, err
	}
	log.Printf("restored snapshot %s; the unreadable file is kept as %s", name, aside)
	if err := x.c.reopen(x.c.startCtx); err != nil {
		return StateView{}, err
	}
	return with(x.c, x.c.state)
}

// OrphansView are the secrets of this data folder in the vault that no key record names,
// as after a restore of an older snapshot, and whether they can be listed at all.
type OrphansView struct {
	Orphans  []keys.Orphan `json:"orphans"`
	Listable bool          `json:"listable"` // false: this vault cannot list by data folder
}

// ListOrphans lists the secrets left without a record, to offer them back.
func (x *Snapshots) ListOrphans() (OrphansView, error) {
	return with(x.c, func(s *services) (OrphansView, error) {
		list, err := s.keys.Orphans(x.c.member(s))
		if errors.Is(err, vault.ErrNoListing) {
			return OrphansView{Orphans: []keys.Orphan{}}, nil
		}
		if list == nil {
			list = []keys.Orphan{}
		}
		return OrphansView{Orphans: list, Listable: true}, err
	})
}

// ReattachOrphans gives every secret left without a record a record again.
func (x *Snapshots) ReattachOrphans() (keys.Reattached, error) {
	return with(x.c, func(s *services) (keys.Reattached, error) { return s.keys.Reattach(x.c.member(s)) })
}
