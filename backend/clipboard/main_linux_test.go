//go:build linux && cgo

package clipboard

import (
	"fmt"
	"os"
	"testing"

	"proofkeys/backend/clipboard/internal/gtkloop"
)

// TestMain runs the tests against a real X clipboard, with GTK's main loop on the main
// thread as Wails runs it in the app. Without a display the tests fail rather than skip:
// a skipped clipboard test would pass while proving nothing.
func TestMain(m *testing.M) {
	if os.Getenv("DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, "clipboard tests need an X display: run under Xvfb (make test does),"+
			" e.g. xvfb-run -a go test ./backend/clipboard/")
		os.Exit(2)
	}
	// No accessibility bus under Xvfb: keep GTK from warning about it.
	os.Setenv("NO_AT_BRIDGE", "1")
	code, err := gtkloop.Run(m.Run)
	if err != nil {
		fmt.Fprintf(os.Stderr, "clipboard tests: %v\n", err)
		os.Exit(2)
	}
	os.Exit(code)
}
