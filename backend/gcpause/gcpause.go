// Package gcpause turns Go's garbage collector off for a stretch of work that makes much
// garbage and little to keep: a command that reads, prints and exits, or the API Keys
// list read ahead of the page's calls. Collecting as the garbage is made costs more than
// once at the end, or than never for a process about to exit.
package gcpause

import (
	"os"
	"runtime/debug"
	"sync"
)

// held is locked from Off to its restore: two stretches that overlapped could each put
// back the other's "off", and leave the collector off for good.
var held sync.Mutex

// Off turns the collector off until the heap reaches limit bytes (it then runs as under
// a memory limit), and returns what puts the settings back and whether it changed them.
// GOGC or GOMEMLIMIT set by whoever runs the program win: Off then changes nothing. A
// second Off waits for the first one's restore.
func Off(limit int64) (restore func(), off bool) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}, false
	}
	held.Lock()
	percent := debug.SetGCPercent(-1)
	before := debug.SetMemoryLimit(limit)
	return func() {
		debug.SetMemoryLimit(before)
		debug.SetGCPercent(percent)
		held.Unlock()
	}, true
}
