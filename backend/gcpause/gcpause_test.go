package gcpause

import (
	"math"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// settings reads the collector's percent and memory limit without changing them.
func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1) // a negative limit only reads it
}

func TestOffTurnsTheCollectorOffUntilRestored(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, limit := settings()
	require.NotEqual(t, -1, percent, "the tests run with the collector on")

	restore, off := Off(64 << 20)
	assert.True(t, off)
	during, duringLimit := settings()
	assert.Equal(t, -1, during, "off")
	assert.Equal(t, int64(64<<20), duringLimit, "until the heap reaches the limit")
	restore()

	after, afterLimit := settings()
	assert.Equal(t, percent, after, "back on")
	assert.Equal(t, limit, afterLimit)
	assert.Equal(t, int64(math.MaxInt64), afterLimit, "no limit, as a program starts")
}

func TestOffLeavesWhatWhoeverRunsTheProgramSet(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv(env, "200")
			percent, _ := settings()
			restore, off := Off(64 << 20)
			during, _ := settings()
			restore()
			assert.False(t, off)
			assert.Equal(t, percent, during)
		})
	}
}

func TestASecondOffWaitsForTheFirstRestore(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent, _ := settings()
	restore, _ := Off(64 << 20)
	second := make(chan func())
	go func() {
		r, _ := Off(64 << 20)
		second <- r
	}()
	time.Sleep(50 * time.Millisecond) // time enough for the second to go through, were it not held
	select {
	case r := <-second:
		r()
		t.Fatal("a second Off did not wait")
	default:
	}
	restore()
	(<-second)()
	after, _ := settings()
	assert.Equal(t, percent, after, "on again once both are restored")
}
