package store

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Numbers read back as written, those of one byte (read in line) and the longer ones
// (read by encoding/binary) alike, and a record cut short in any field says so.
func TestNumbersReadBackAsWritten(t *testing.T) {
	ints := []int64{0, 1, -1, 63, -64, 64, -65, 127, -128, 300, -300, 1 << 40, math.MaxInt64, math.MinInt64}
	uints := []uint64{0, 1, 127, 128, 255, 16383, 16384, 1 << 40, math.MaxUint64}
	var b enc
	for _, n := range ints {
		b = b.int(n)
	}
	for _, n := range uints {
		b = b.uint(n)
	}
	d := dec{raw: b}
	for _, n := range ints {
		assert.Equal(t, n, d.int())
	}
	for _, n := range uints {
		assert.Equal(t, n, d.uint())
	}
	assert.NoError(t, d.end())

	for cut := range len(b) {
		d := dec{raw: b[:cut]}
		for range ints {
			d.int()
		}
		for range uints {
			d.uint()
		}
		assert.ErrorIs(t, d.end(), errShort, "cut at %d", cut)
	}
}

// The first failure sticks: a later one does not replace it, and reads after it fail.
func TestFirstFailureSticks(t *testing.T) {
	d := dec{raw: enc(nil).str("abc").uint(300)}
	d.err = assert.AnError
	d.fail()
	assert.ErrorIs(t, d.end(), assert.AnError)
	assert.Zero(t, d.uint())
	assert.Empty(t, d.str())
	assert.ErrorIs(t, d.end(), assert.AnError)
}
