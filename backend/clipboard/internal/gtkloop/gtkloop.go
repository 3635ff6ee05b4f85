//go:build linux && cgo

// Package gtkloop plays, in the clipboard tests, the part Wails plays in the app: it
// initialises GTK and runs its main loop on the main thread. Only tests import it, so it
// never reaches the app's binary.
package gtkloop

/*
#cgo pkg-config: gtk+-3.0
#include <gtk/gtk.h>

static gboolean quit(gpointer unused) {
	gtk_main_quit();
	return G_SOURCE_REMOVE;
}

static void quit_later(void) {
	g_idle_add(quit, NULL);
}
*/
import "C"

import (
	"errors"
	"runtime"
)

// GTK must run on the thread that initialised it, and by custom that is the main thread.
// Locking in init keeps the main goroutine, which runs TestMain, on the main thread.
func init() {
	runtime.LockOSThread()
}

// Run initialises GTK, calls fn in another goroutine while the main loop runs on the
// calling goroutine, ends the loop when fn returns, and returns fn's result. Call it from
// TestMain, on the main goroutine.
func Run(fn func() int) (int, error) {
	if C.gtk_init_check(nil, nil) == 0 {
		return 0, errors.New("GTK could not be initialised (no display?)")
	}
	code := make(chan int, 1)
	go func() {
		defer C.quit_later()
		code <- fn()
	}()
	C.gtk_main()
	return <-code, nil
}
