//go:build !linux

package ui

// atLowPriority runs f. Lowering one thread's priority is done on Linux only, where the
// window's start was measured to gain from it (lowpriority_linux.go).
func atLowPriority(f func()) { f() }
