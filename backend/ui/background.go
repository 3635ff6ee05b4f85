package ui

import (
	"context"
	"log"
	"sync"
	"time"

	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

// expiryTick is how often a running app deletes the replaced keys whose grace period has
// ended: a key outlives its period by at most this long.
const expiryTick = 30 * time.Second

// snapshotCheck is how often a running app looks whether the day's snapshot is due: a
// laptop that sleeps through midnight still gets one soon after it wakes.
const snapshotCheck = time.Hour

// background is the work that runs beside the window while the data is open: the daily
// snapshot, the deletion of keys whose grace period ended, the clipboard's clear timer,
// and the API Keys list read ahead (later). It is started after every open (at start-up
// and after a restore) and stopped before the database closes.
type background struct {
	mu     sync.Mutex
	ctx    context.Context // ends when the work stops
	cancel context.CancelFunc
	done   sync.WaitGroup
	timer  *keys.ClearTimer
}

// start wires the clear timer, deletes what expired while the app was closed, and starts
// the two loops until ctx ends or stop is called; for a shared organization, a third
// follows its server and tells changed after each change it applied.
func (b *background) start(ctx context.Context, s *services, clip Clipboard, damaged func(error), changed func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.timer = keys.NewClearTimer(clip.ClearIfOwned, keys.RealAfterFunc)
	s.keys.ClearTimer = b.timer
	expireDue(s)
	ctx, b.cancel = context.WithCancel(ctx)
	b.ctx = ctx
	b.done.Go(func() {
		snapshotIfDue(s, damaged)
		every(ctx, snapshotCheck, func() { snapshotIfDue(s, damaged) })
	})
	b.done.Go(func() { every(ctx, expiryTick, func() { expireDue(s) }) })
	if s.shared != nil {
		b.done.Go(func() { s.shared.follow(ctx, changed) })
	}
}

// stop ends the loops and waits for what is under way (a snapshot being written, a read
// ahead), so the store closes after it.
func (b *background) stop() {
	b.stopClearTimer()
	b.mu.Lock()
	cancel := b.cancel
	b.cancel = nil
	b.mu.Unlock()
	if cancel != nil {
		cancel()
		b.done.Wait()
	}
}

// later runs f on a goroutine of its own once d has passed, unless the work stops first;
// stop waits for f, so the store closes after it. It reports whether f was scheduled: not
// when the work is stopped.
func (b *background) later(d time.Duration, f func()) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cancel == nil {
		return false
	}
	ctx := b.ctx
	b.done.Go(func() {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
		case <-t.C:
			f()
		}
	})
	return true
}

// stopClearTimer cancels the clipboard timer at quit, where the clipboard is cleared at once.
func (b *background) stopClearTimer() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.timer != nil {
		b.timer.Stop()
	}
}

// every runs f every period until ctx ends.
func every(ctx context.Context, period time.Duration, f func()) {
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			f()
		}
	}
}

// snapshotIfDue takes the daily snapshot when the newest is more than a day old. It runs
// beside the app: a hot copy holds up no one. The copy is checked whole first; a damaged
// data file is reported to damaged, and no snapshot replaces a good one.
func snapshotIfDue(s *services, damaged func(error)) {
	_, err := s.store.SnapshotIfDue(time.Now())
	switch {
	case store.Damaged(err):
		log.Printf("daily snapshot: %v; the app stops writing", err)
		damaged(err)
	case err != nil:
		log.Printf("daily snapshot: %v", err)
	}
}

func expireDue(s *services) {
	if n, err := s.keys.ExpireDue(s.keys.Now()); n > 0 || err != nil {
		// Not fatal: what could not be deleted now is tried again at the next tick.
		log.Printf("grace periods: deleted %d replaced keys, error: %v", n, err)
	}
}
