//go:build linux && amd64 && cgo && webkit2_41 && !gui_linked

package lazygui

/*
#cgo LDFLAGS: -ldl
#include "lazygui.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// load opens the libraries (lazygui_load, in load_linux.c) and says in plain words what
// to install when it cannot.
func load() error {
	var msg [512]byte
	if C.lazygui_load((*C.char)(unsafe.Pointer(&msg[0])), C.size_t(len(msg))) != 0 {
		return fmt.Errorf("%w: install them (on Debian and Ubuntu: sudo apt install libwebkit2gtk-4.1-0); "+
			"commands work without them (proofkeys help). The loader said: %s",
			ErrMissing, C.GoString((*C.char)(unsafe.Pointer(&msg[0]))))
	}
	return nil
}
