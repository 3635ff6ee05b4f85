package ui

import (
	"runtime"

	"golang.org/x/sys/unix"
)

// lowestNice is the lowest priority a Linux thread may give itself.
const lowestNice = 19

// atLowPriority runs f on an OS thread of its own at the lowest priority and waits for
// it: the processor goes to every other thread first, and to f when they wait. On Linux
// the priority (nice) is a thread's own, and a thread may lower it without privileges.
// It cannot raise it again, so the thread is never handed back to Go: it ends with the
// goroutine, still locked to it. Goroutines f starts run on Go's other threads, at the
// process's priority.
func atLowPriority(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		// who 0 is the calling thread. Should it fail, f runs all the same, as before.
		_ = unix.Setpriority(unix.PRIO_PROCESS, 0, lowestNice)
		f()
	}()
	<-done
}
