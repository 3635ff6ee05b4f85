//go:build dev

package main

import (
	"os"
	"strings"
	"time"
)

// EnvClockFile names a file holding a Go duration ("745h") that the dev build's clock runs
// ahead of the real one, read at every tick, so that an end-to-end test can let a month
// pass (rotation due, grace periods over) without waiting. Only the dev build (`-tags dev`)
// has this; without the variable, or with an empty or unreadable file, the clock is real.
const EnvClockFile = "PROOFKEYS_CLOCK_FILE"

func appClock() func() time.Time {
	path := os.Getenv(EnvClockFile)
	if path == "" {
		return time.Now
	}
	return func() time.Time {
		raw, err := os.ReadFile(path)
		if err != nil {
			return time.Now()
		}
		ahead, err := time.ParseDuration(strings.TrimSpace(string(raw)))
		if err != nil {
			return time.Now()
		}
		return time.Now().Add(ahead)
	}
}
