package ui

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// niceOfThisThread is the nice value of the calling thread (the system call gives 20-nice).
func niceOfThisThread(t *testing.T) int {
	p, err := unix.Getpriority(unix.PRIO_PROCESS, 0)
	require.NoError(t, err)
	return 20 - p
}

func TestLowPriorityWorkRunsAtTheLowestNiceAndLeavesTheCallerAlone(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before := niceOfThisThread(t)
	ran := false
	atLowPriority(func() {
		ran = true
		assert.Equal(t, lowestNice, niceOfThisThread(t), "f's thread yields to the others")
	})
	assert.True(t, ran, "f ran before atLowPriority returned")
	assert.Equal(t, before, niceOfThisThread(t), "the caller's thread keeps its priority")
}
