//go:build linux && cgo

package clipboard

/*
#cgo pkg-config: gtk+-3.0
#include "clipboard_linux.h"
*/
import "C"

import (
	"fmt"
	"runtime"
	"runtime/cgo"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// Clipboard writes secrets to the system clipboard. Safe for concurrent use.
//
// On Linux its state changes only on the GTK thread; the mutex lets other goroutines read it.
type Clipboard struct {
	mu    sync.Mutex
	owned bool
}

// New returns a Clipboard that owns nothing yet.
func New() *Clipboard {
	return &Clipboard{}
}

// WriteSecret puts text on CLIPBOARD only, marked as a secret and never offered for
// storing. It waits for the GTK main loop to do it.
func (c *Clipboard) WriteSecret(text string) error {
	var ok bool
	if err := onGTKThread(func() { ok = c.set(text) }); err != nil {
		return fmt.Errorf("write secret to clipboard: %w", err)
	}
	if !ok {
		return fmt.Errorf("write secret to clipboard: ownership refused: %w", ErrUnavailable)
	}
	return nil
}

// Owned reports whether the clipboard still holds what this Clipboard last wrote. It turns
// false as soon as GTK hears that another program (or another write) took the clipboard,
// normally within milliseconds.
func (c *Clipboard) Owned() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.owned
}

// ClearIfOwned empties the clipboard if it still holds what this Clipboard last wrote, and
// reports whether it did. What another program put there since is left alone.
// Call it while the GTK main loop runs (Wails' OnBeforeClose, not OnShutdown).
func (c *Clipboard) ClearIfOwned() bool {
	// Nothing of ours to clear: answer without the GTK thread, which may be gone at quit.
	if !c.Owned() {
		return false
	}
	var cleared bool
	if err := onGTKThread(func() { cleared = c.clear() }); err != nil {
		return false
	}
	return cleared
}

// set runs on the GTK thread. When it replaces an earlier write, GTK drops that one (and
// calls lost) inside the C call, so owned is set only after it.
func (c *Clipboard) set(text string) bool {
	// The handle lets the drop callback find c; the callback releases it. C copies the
	// bytes straight from the string, so no other Go copy of the secret is made.
	h := cgo.NewHandle(c)
	ok := bool(C.proofkeys_clipboard_set((*C.char)(unsafe.Pointer(unsafe.StringData(text))),
		C.size_t(len(text)), C.uintptr_t(h)))
	if !ok {
		h.Delete()
	}

	c.mu.Lock()
	c.owned = ok
	c.mu.Unlock()
	return ok
}

// clear runs on the GTK thread.
func (c *Clipboard) clear() bool {
	if !c.Owned() {
		return false
	}
	return bool(C.proofkeys_clipboard_clear())
}

// lost runs on the GTK thread when what c wrote left the clipboard.
func (c *Clipboard) lost() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.owned = false
}

//export proofkeysClipboardLost
func proofkeysClipboardLost(owner C.uintptr_t) {
	h := cgo.Handle(owner)
	c := h.Value().(*Clipboard)
	h.Delete()
	c.lost()
}

// gtkTimeout bounds the wait for the GTK thread. It answers within milliseconds while its
// main loop runs; a longer wait means there is no loop (not started yet, or ended at quit),
// and waiting forever would hang the caller. A variable so that tests can shorten it.
var gtkTimeout = 5 * time.Second

// A gtkCall is one function waiting for the GTK thread. Exactly one of running it and
// cancelling it wins, so a call that timed out never runs later: a secret the caller was
// told did not reach the clipboard must not appear there afterwards.
type gtkCall struct {
	state atomic.Int32 // callPending, then callStarted or callCancelled
	fn    func()
	done  chan struct{}
}

const (
	callPending int32 = iota
	callStarted
	callCancelled
)

// onGTKThread runs fn on the GTK thread and waits for it to return.
func onGTKThread(fn func()) error {
	// Already on the GTK thread (called from a GTK callback): waiting for the loop would
	// wait for ourselves.
	runtime.LockOSThread()
	if C.proofkeys_clipboard_on_gtk_thread() {
		defer runtime.UnlockOSThread()
		fn()
		return nil
	}
	runtime.UnlockOSThread()

	call := &gtkCall{fn: fn, done: make(chan struct{})}
	C.proofkeys_clipboard_invoke(C.uintptr_t(cgo.NewHandle(call)))

	timer := time.NewTimer(gtkTimeout)
	defer timer.Stop()
	select {
	case <-call.done:
		return nil
	case <-timer.C:
		if call.state.CompareAndSwap(callPending, callCancelled) {
			call.fn = nil // drop what fn holds (the secret) even if the loop never runs
			return fmt.Errorf("no GTK main loop answered within %v: %w", gtkTimeout, ErrUnavailable)
		}
		<-call.done // it started just now; it will finish
		return nil
	}
}

//export proofkeysClipboardRun
func proofkeysClipboardRun(handle C.uintptr_t) {
	h := cgo.Handle(handle)
	call := h.Value().(*gtkCall)
	h.Delete()
	if !call.state.CompareAndSwap(callPending, callStarted) {
		return
	}
	call.fn()
	close(call.done)
}
