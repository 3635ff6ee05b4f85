//go:build darwin && cgo

package clipboard

/*
#cgo LDFLAGS: -framework AppKit
#include "clipboard_darwin.h"
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"
)

// Clipboard writes secrets to the system clipboard. Safe for concurrent use.
//
// On macOS, "still ours" means the general pasteboard's change count, which macOS raises
// on every change, is the one it had right after our write.
type Clipboard struct {
	mu      sync.Mutex
	count   C.long
	written bool
}

// New returns a Clipboard that owns nothing yet.
func New() *Clipboard {
	return &Clipboard{}
}

// WriteSecret puts text on the general pasteboard, marked concealed, which keeps it out
// of clipboard managers and their histories.
func (c *Clipboard) WriteSecret(text string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.written = false
	// AppKit copies the bytes straight from the string: no other Go copy is made.
	n := C.proofkeys_pasteboard_write((*C.char)(unsafe.Pointer(unsafe.StringData(text))), C.size_t(len(text)))
	if n < 0 {
		return fmt.Errorf("write secret to clipboard: the pasteboard refused it: %w", ErrUnavailable)
	}
	c.count, c.written = n, true
	return nil
}

// Owned reports whether the pasteboard is unchanged since this Clipboard's last write.
func (c *Clipboard) Owned() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.owned()
}

// ClearIfOwned empties the pasteboard if it is unchanged since this Clipboard's last
// write, and reports whether it did. What another program put there since is left alone.
// A change in the instant between the check and the clearing cannot be told apart: macOS
// offers no way to do both at once.
func (c *Clipboard) ClearIfOwned() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.owned() {
		c.written = false
		return false
	}
	C.proofkeys_pasteboard_clear()
	c.written = false
	return true
}

func (c *Clipboard) owned() bool {
	return c.written && C.proofkeys_pasteboard_change_count() == c.count
}
