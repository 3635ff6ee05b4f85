package clipboard

import "errors"

// Sentinel errors. Callers compare with errors.Is. None of them ever contains the secret.
var (
	// ErrUnsupported means this platform has no secret clipboard; WriteSecret returns it
	// wrapped, and the caller decides whether to fall back to the ordinary clipboard.
	ErrUnsupported = errors.New("no secret clipboard on this platform")

	// ErrUnavailable means the clipboard could not be reached or taken: on Linux, no GTK
	// main loop answered in time (it is not running yet, or has already ended) or the
	// display server refused ownership; on Windows, another program kept it open.
	ErrUnavailable = errors.New("the clipboard is not available")
)
