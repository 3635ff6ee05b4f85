package keys

import (
	"sync"
	"time"
)

// ClearTimer clears a copied secret from the clipboard when the org's timeout ends, if
// the clipboard still holds it (clear is the clipboard's ClearIfOwned, which leaves alone
// what the person copied since). It runs in Go, so the clipboard is cleared even if the UI
// is gone. Each copy restarts it: the timeout counts from the last copy.
type ClearTimer struct {
	clear     func() bool
	afterFunc AfterFunc

	mu   sync.Mutex
	stop func() bool
	gen  uint64 // raised by every Start and Stop, so a timer that fired late does nothing
}

// AfterFunc runs f after d and returns a function that cancels it: time.AfterFunc in the
// app, a controllable clock in tests.
type AfterFunc func(d time.Duration, f func()) (stop func() bool)

// RealAfterFunc is AfterFunc on the real clock.
func RealAfterFunc(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// NewClearTimer returns a timer that calls clear after each Start's timeout.
func NewClearTimer(clear func() bool, after AfterFunc) *ClearTimer {
	return &ClearTimer{clear: clear, afterFunc: after}
}

// Start schedules a clear after d, replacing any earlier one; d <= 0 schedules none
// (the org chose never: the clipboard is cleared at quit only).
func (t *ClearTimer) Start(d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	gen := t.cancel()
	if d <= 0 {
		return
	}
	t.stop = t.afterFunc(d, func() {
		t.mu.Lock()
		current := gen == t.gen
		t.mu.Unlock()
		if current {
			t.clear()
		}
	})
}

// Stop cancels a scheduled clear (at quit, where the app clears at once instead).
func (t *ClearTimer) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cancel()
}

// cancel stops the pending timer and starts a new generation; t.mu must be held.
func (t *ClearTimer) cancel() uint64 {
	if t.stop != nil {
		t.stop()
		t.stop = nil
	}
	t.gen++
	return t.gen
}
