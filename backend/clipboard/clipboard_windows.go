//go:build windows

package clipboard

import (
	"fmt"
	"runtime"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Clipboard writes secrets to the system clipboard. Safe for concurrent use.
//
// On Windows, "still ours" means the clipboard's sequence number, which Windows raises on
// every change, is the one it had right after our write.
type Clipboard struct {
	mu      sync.Mutex
	seq     uint32
	written bool
}

// New returns a Clipboard that owns nothing yet.
func New() *Clipboard {
	return &Clipboard{}
}

var (
	user32   = windows.NewLazySystemDLL("user32.dll")
	kernel32 = windows.NewLazySystemDLL("kernel32.dll")

	procOpenClipboard              = user32.NewProc("OpenClipboard")
	procCloseClipboard             = user32.NewProc("CloseClipboard")
	procEmptyClipboard             = user32.NewProc("EmptyClipboard")
	procSetClipboardData           = user32.NewProc("SetClipboardData")
	procRegisterClipboardFormatW   = user32.NewProc("RegisterClipboardFormatW")
	procGetClipboardSequenceNumber = user32.NewProc("GetClipboardSequenceNumber")

	procGlobalAlloc  = kernel32.NewProc("GlobalAlloc")
	procGlobalFree   = kernel32.NewProc("GlobalFree")
	procGlobalLock   = kernel32.NewProc("GlobalLock")
	procGlobalUnlock = kernel32.NewProc("GlobalUnlock")
)

const (
	cfUnicodeText = 13
	gmemMoveable  = 0x0002
)

// Formats that Windows' clipboard history (Win+V) and cloud clipboard read before they copy
// anything. Any data in the first excludes the entry from monitors; a DWORD 0 in the
// others says "not into history" and "not to other devices".
var secretFormats = []string{
	"ExcludeClipboardContentFromMonitorProcessing",
	"CanIncludeInClipboardHistory",
	"CanUploadToCloudClipboard",
}

// WriteSecret puts text on the clipboard as CF_UNICODETEXT, with the formats that keep it
// out of clipboard history and cloud clipboard.
func (c *Clipboard) WriteSecret(text string) error {
	utf16, err := windows.UTF16FromString(text)
	if err != nil {
		return fmt.Errorf("write secret to clipboard: the secret contains a NUL character")
	}
	defer clear(utf16)

	c.mu.Lock()
	defer c.mu.Unlock()
	c.written = false
	if err := withClipboard(func() error { return setSecret(utf16) }); err != nil {
		return fmt.Errorf("write secret to clipboard: %w", err)
	}
	// Read after closing: closing can itself raise the number (Windows adds the text
	// formats it derives from CF_UNICODETEXT then). A change by another program in the
	// instant between would be taken for ours; there is no way to read both at once.
	c.seq = sequenceNumber()
	c.written = c.seq != 0 // 0: no access to the number, so ownership cannot be told
	return nil
}

// Owned reports whether the clipboard is unchanged since this Clipboard's last write.
func (c *Clipboard) Owned() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.written && sequenceNumber() == c.seq
}

// ClearIfOwned empties the clipboard if it is unchanged since this Clipboard's last write,
// and reports whether it did. What another program put there since is left alone.
func (c *Clipboard) ClearIfOwned() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.written {
		return false
	}
	cleared := false
	_ = withClipboard(func() error {
		// Checked while the clipboard is open, when nobody else can change it.
		if sequenceNumber() != c.seq {
			return nil
		}
		if r, _, err := procEmptyClipboard.Call(); r == 0 {
			return err
		}
		cleared = true
		return nil
	})
	if cleared || sequenceNumber() != c.seq {
		c.written = false
	}
	return cleared
}

// withClipboard opens the clipboard, runs fn, and closes it. Another program may hold the
// clipboard open for a moment, so opening is retried for up to a second.
func withClipboard(fn func() error) error {
	// The clipboard is opened by a thread, and must be closed by the same one.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	deadline := time.Now().Add(time.Second)
	for {
		r, _, err := procOpenClipboard.Call(0)
		if r != 0 {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("open clipboard: %v: %w", err, ErrUnavailable)
		}
		time.Sleep(10 * time.Millisecond)
	}
	defer procCloseClipboard.Call()
	return fn()
}

// setSecret replaces the clipboard's content; the clipboard must be open.
func setSecret(utf16 []uint16) error {
	if r, _, err := procEmptyClipboard.Call(); r == 0 {
		return fmt.Errorf("empty clipboard: %v", err)
	}
	// The markers go first: if one fails, the text is never put there unmarked.
	var zero uint32
	for _, name := range secretFormats {
		format, err := registerFormat(name)
		if err != nil {
			return err
		}
		if err := setData(format, unsafe.Pointer(&zero), unsafe.Sizeof(zero)); err != nil {
			return err
		}
	}
	return setData(cfUnicodeText, unsafe.Pointer(&utf16[0]), uintptr(len(utf16))*2)
}

// setData copies size bytes at src into global memory and hands it to the clipboard,
// which owns it from then on.
func setData(format uintptr, src unsafe.Pointer, size uintptr) error {
	h, _, err := procGlobalAlloc.Call(gmemMoveable, size)
	if h == 0 {
		return fmt.Errorf("allocate clipboard memory: %v", err)
	}
	dst, _, err := procGlobalLock.Call(h)
	if dst == 0 {
		procGlobalFree.Call(h)
		return fmt.Errorf("lock clipboard memory: %v", err)
	}
	copy(globalMemory(dst, size), unsafe.Slice((*byte)(src), size))
	procGlobalUnlock.Call(h)
	if r, _, err := procSetClipboardData.Call(format, h); r == 0 {
		// Not taken: still ours to wipe and free.
		if dst, _, _ := procGlobalLock.Call(h); dst != 0 {
			clear(globalMemory(dst, size))
			procGlobalUnlock.Call(h)
		}
		procGlobalFree.Call(h)
		return fmt.Errorf("set clipboard data: %v", err)
	}
	return nil
}

// globalMemory is the locked global memory at addr as a byte slice. The memory is not
// Go's, so the garbage collector has nothing to track; converting through a pointer to the
// address keeps vet's check for uintptrs to Go memory quiet.
func globalMemory(addr, size uintptr) []byte {
	return unsafe.Slice(*(**byte)(unsafe.Pointer(&addr)), size)
}

func registerFormat(name string) (uintptr, error) {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return 0, err
	}
	format, _, err := procRegisterClipboardFormatW.Call(uintptr(unsafe.Pointer(p)))
	if format == 0 {
		return 0, fmt.Errorf("register clipboard format %s: %v", name, err)
	}
	return format, nil
}

func sequenceNumber() uint32 {
	r, _, _ := procGetClipboardSequenceNumber.Call()
	return uint32(r)
}
