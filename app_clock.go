//go:build !dev

package main

import "time"

// appClock is the time the use cases run on: the real clock. The dev build's stand-in
// (app_clock_dev.go) lets end-to-end tests move it forward.
func appClock() func() time.Time { return time.Now }
