package keys_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

// fakeTimers is an AfterFunc on a clock the test moves: fire runs what is due.
type fakeTimers struct {
	mu      sync.Mutex
	now     time.Duration
	pending []*fakeTimer
}

type fakeTimer struct {
	at      time.Duration
	f       func()
	stopped bool
}

func (ft *fakeTimers) AfterFunc(d time.Duration, f func()) func() bool {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	t := &fakeTimer{at: ft.now + d, f: f}
	ft.pending = append(ft.pending, t)
	return func() bool {
		ft.mu.Lock()
		defer ft.mu.Unlock()
		was := !t.stopped
		t.stopped = true
		return was
	}
}

// advance moves the clock by d and runs every timer that came due and was not stopped.
func (ft *fakeTimers) advance(d time.Duration) {
	ft.mu.Lock()
	ft.now += d
	var due []func()
	for _, t := range ft.pending {
		if !t.stopped && t.at <= ft.now {
			t.stopped = true
			due = append(due, t.f)
		}
	}
	ft.mu.Unlock()
	for _, f := range due {
		f()
	}
}

type clearCounter struct {
	mu      sync.Mutex
	cleared int
}

func (c *clearCounter) ClearIfOwned() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cleared++
	return true
}

func (c *clearCounter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cleared
}

func TestClipboardIsClearedAfterTheOrgsTimeout(t *testing.T) {
	f := newFixture(t)
	ft, cc := &fakeTimers{}, &clearCounter{}
	f.svc.ClearTimer = keys.NewClearTimer(cc.ClearIfOwned, ft.AfterFunc)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	after, err := f.svc.Copy(f.owner, k.ID)
	require.NoError(t, err)
	assert.Equal(t, 30*time.Second, after, "the default timeout")
	ft.advance(29 * time.Second)
	assert.Zero(t, cc.count())
	ft.advance(time.Second)
	assert.Equal(t, 1, cc.count())
}

func TestEachCopyRestartsTheTimeout(t *testing.T) {
	ft, cc := &fakeTimers{}, &clearCounter{}
	timer := keys.NewClearTimer(cc.ClearIfOwned, ft.AfterFunc)
	timer.Start(30 * time.Second)
	ft.advance(20 * time.Second)
	timer.Start(30 * time.Second)
	ft.advance(20 * time.Second)
	assert.Zero(t, cc.count(), "the second copy counts from its own time")
	ft.advance(10 * time.Second)
	assert.Equal(t, 1, cc.count())

	timer.Start(30 * time.Second)
	timer.Stop()
	ft.advance(time.Minute)
	assert.Equal(t, 1, cc.count(), "stopped at quit: the app clears at once instead")
}

func TestNeverClearingIsAChoice(t *testing.T) {
	f := newFixture(t)
	ft, cc := &fakeTimers{}, &clearCounter{}
	f.svc.ClearTimer = keys.NewClearTimer(cc.ClearIfOwned, ft.AfterFunc)
	require.NoError(t, f.store.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		require.NoError(t, err)
		o.Settings.ClipboardClearSeconds = 0
		return tx.PutOrg(o)
	}))
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	after, err := f.svc.Copy(f.owner, k.ID)
	require.NoError(t, err)
	assert.Zero(t, after)
	ft.advance(24 * time.Hour)
	assert.Zero(t, cc.count())
}

func TestRealClockClearTimerFires(t *testing.T) {
	cleared := make(chan struct{})
	timer := keys.NewClearTimer(func() bool { close(cleared); return true }, keys.RealAfterFunc)
	timer.Start(time.Millisecond)
	select {
	case <-cleared:
	case <-time.After(5 * time.Second):
		t.Fatal("the real timer never fired")
	}
}
