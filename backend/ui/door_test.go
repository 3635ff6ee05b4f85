package ui

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/vault/vaulttest"
)

// The page calls as soon as it loads, which can be before start-up has opened the data
// (a command-line reader holding the file for a second, a slow disk). Such a call waits
// at the door and gets the real answer, never a service that is not there yet.
func TestACallDuringStartUpWaitsForIt(t *testing.T) {
	vaulttest.New(t)
	u := New(t.TempDir(), Options{Clipboard: &fakeClipboard{}})
	t.Cleanup(u.Stop)
	answered := make(chan error, 1)
	go func() {
		_, err := u.Session.GetState()
		answered <- err
	}()
	select {
	case err := <-answered:
		t.Fatalf("answered before start-up: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	require.NoError(t, u.Start(context.Background(), &fakeDesktop{}))
	require.NoError(t, <-answered)
}

// The wait is bounded: a start-up that never finishes gives a plain answer, not a hang.
func TestACallWaitsForStartUpOnlySoLong(t *testing.T) {
	u := New(t.TempDir(), Options{Clipboard: &fakeClipboard{}, StartWait: 50 * time.Millisecond})
	_, err := u.Keys.GenerateKey("production")
	p := Explain(err)
	assert.Equal(t, "starting", p.Code)
	assert.Equal(t, "proofkeys is still starting.", p.Message)
}
