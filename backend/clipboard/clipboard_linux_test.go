//go:build linux && cgo

package clipboard

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests share the one X clipboard, so none of them runs in parallel, and each leaves
// the clipboard to nobody when it ends.

// testSecret returns a value shaped like a key and unique to the test.
func testSecret(t *testing.T) string {
	return fmt.Sprintf("prf_test_%s_%d", strings.ReplaceAll(t.Name(), "/", "_"), time.Now().UnixNano())
}

// newClipboard returns a Clipboard that gives the clipboard up when the test ends.
func newClipboard(t *testing.T) *Clipboard {
	c := New()
	t.Cleanup(func() { c.ClearIfOwned() })
	return c
}

// xclip runs xclip and returns what it printed. A paste that nobody answers would hang
// xclip, so it runs with a deadline.
func xclip(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xclip", args...).Output()
	require.NoError(t, ctx.Err(), "xclip %v hung", args)
	return string(out), err
}

// paste returns what a paste from selection (clipboard or primary) gives.
func paste(t *testing.T, selection string) (string, error) {
	t.Helper()
	return xclip(t, "-o", "-selection", selection)
}

// takeClipboard makes xclip, another program, the owner of the clipboard with text, until
// the test ends. -quiet keeps xclip in the foreground so that it can be stopped.
func takeClipboard(t *testing.T, text string) {
	t.Helper()
	cmd := exec.Command("xclip", "-quiet", "-selection", "clipboard")
	cmd.Stdin = strings.NewReader(text)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	require.Eventually(t, func() bool {
		got, err := paste(t, "clipboard")
		return err == nil && got == text
	}, 5*time.Second, 20*time.Millisecond, "xclip did not take the clipboard")
}

func TestWriteSecretFillsClipboardOnly(t *testing.T) {
	c := newClipboard(t)
	secret := testSecret(t)

	require.NoError(t, c.WriteSecret(secret))

	got, err := paste(t, "clipboard")
	require.NoError(t, err)
	assert.Equal(t, secret, got)
	assert.True(t, c.Owned())

	primary, _ := paste(t, "primary") // an error (nobody owns PRIMARY) is fine too
	assert.NotContains(t, primary, secret, "the middle-click selection must not get the secret")
}

func TestWriteSecretMarksSecretAndNotStorable(t *testing.T) {
	c := newClipboard(t)
	require.NoError(t, c.WriteSecret(testSecret(t)))

	out, err := xclip(t, "-o", "-selection", "clipboard", "-t", "TARGETS")
	require.NoError(t, err)
	targets := strings.Fields(out)
	for _, want := range []string{
		"x-kde-passwordManagerHint", "UTF8_STRING", "text/plain;charset=utf-8", "STRING", "TEXT", "text/plain",
	} {
		assert.Contains(t, targets, want)
	}
	// GTK offers SAVE_TARGETS only to hand the content to a clipboard manager for keeping.
	assert.NotContains(t, targets, "SAVE_TARGETS")

	hint, err := xclip(t, "-o", "-selection", "clipboard", "-t", "x-kde-passwordManagerHint")
	require.NoError(t, err)
	assert.Equal(t, "secret", hint)
}

func TestAnotherProgramTakesClipboard(t *testing.T) {
	c := newClipboard(t)
	require.NoError(t, c.WriteSecret(testSecret(t)))
	require.True(t, c.Owned())

	takeClipboard(t, "other")

	require.Eventually(t, func() bool { return !c.Owned() }, 5*time.Second, 10*time.Millisecond)
	assert.False(t, c.ClearIfOwned())
	got, err := paste(t, "clipboard")
	require.NoError(t, err)
	assert.Equal(t, "other", got, "what the person copied since must stay")
}

func TestClearIfOwnedClearsOwnWrite(t *testing.T) {
	c := newClipboard(t)
	secret := testSecret(t)
	require.NoError(t, c.WriteSecret(secret))

	assert.True(t, c.ClearIfOwned())

	assert.False(t, c.Owned())
	got, err := paste(t, "clipboard")
	assert.Error(t, err, "nobody owns the clipboard any more, so the paste fails")
	assert.NotContains(t, got, secret)
	assert.False(t, c.ClearIfOwned(), "nothing left to clear")
}

func TestNewClipboardOwnsNothing(t *testing.T) {
	takeClipboard(t, "other")
	c := newClipboard(t)

	assert.False(t, c.Owned())
	assert.False(t, c.ClearIfOwned())
	got, err := paste(t, "clipboard")
	require.NoError(t, err)
	assert.Equal(t, "other", got)
}

func TestWriteSecretReplacesOwnWrite(t *testing.T) {
	c := newClipboard(t)
	first, second := testSecret(t)+"a", testSecret(t)+"b"

	require.NoError(t, c.WriteSecret(first))
	require.NoError(t, c.WriteSecret(second))

	// Dropping the first copy must not count as losing the clipboard.
	assert.True(t, c.Owned())
	got, err := paste(t, "clipboard")
	require.NoError(t, err)
	assert.Equal(t, second, got)
}

func TestTwoClipboardsInOneProcess(t *testing.T) {
	a, b := newClipboard(t), newClipboard(t)
	secretB := testSecret(t) + "b"

	require.NoError(t, a.WriteSecret(testSecret(t)+"a"))
	require.NoError(t, b.WriteSecret(secretB))

	assert.False(t, a.Owned(), "b's write replaced a's")
	assert.True(t, b.Owned())
	assert.False(t, a.ClearIfOwned())
	got, err := paste(t, "clipboard")
	require.NoError(t, err)
	assert.Equal(t, secretB, got)
	assert.True(t, b.ClearIfOwned())
}

func TestConcurrentUse(t *testing.T) {
	c := newClipboard(t)
	written := map[string]bool{}
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i := range 16 {
		secret := fmt.Sprintf("%s_%d", testSecret(t), i)
		written[secret] = true
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if err := c.WriteSecret(secret); err != nil {
					mu.Lock()
					t.Errorf("WriteSecret: %v", err)
					mu.Unlock()
				}
				c.Owned()
			}
		}()
	}
	wg.Wait()

	assert.True(t, c.Owned())
	got, err := paste(t, "clipboard")
	require.NoError(t, err)
	assert.True(t, written[got], "the clipboard holds one of the written secrets, whole")
	assert.True(t, c.ClearIfOwned())
}

func TestWriteSecretFromGTKThread(t *testing.T) {
	c := newClipboard(t)
	secret := testSecret(t)

	// Called from a GTK callback, WriteSecret must not wait for the loop it is running on.
	var writeErr error
	done := make(chan error, 1)
	go func() { done <- onGTKThread(func() { writeErr = c.WriteSecret(secret) }) }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("WriteSecret on the GTK thread deadlocked")
	}
	require.NoError(t, writeErr)

	got, err := paste(t, "clipboard")
	require.NoError(t, err)
	assert.Equal(t, secret, got)
}

func TestWriteSecretGivesUpWhenMainLoopDoesNotAnswer(t *testing.T) {
	c := newClipboard(t)
	secret := testSecret(t)
	saved := gtkTimeout
	gtkTimeout = 100 * time.Millisecond

	// Hold the GTK thread, as a main loop that has not started or has ended would.
	started, release := make(chan struct{}), make(chan struct{})
	blocked := make(chan error, 1)
	go func() { blocked <- onGTKThread(func() { close(started); <-release }) }()
	<-started

	err := c.WriteSecret(secret)
	close(release)
	require.NoError(t, <-blocked)
	gtkTimeout = saved

	require.ErrorIs(t, err, ErrUnavailable)
	assert.NotContains(t, err.Error(), secret)

	// Once the loop runs again, the abandoned write must not happen after all.
	require.NoError(t, onGTKThread(func() {}))
	assert.False(t, c.Owned())
	got, _ := paste(t, "clipboard")
	assert.NotContains(t, got, secret)
}
