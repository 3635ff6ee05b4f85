package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A leaf element whose key and value sizes add up past 32 bits wraps around to a small
// number in 32-bit arithmetic; bbolt then slices far past its page. The check adds them
// in 64 bits. (Found by the full sweep, PROOFKEYS_CORRUPTION_SWEEP.)
func TestInspectCatchesSizesThatOverflow32Bits(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	require.NoError(t, err)
	require.NoError(t, inspect(data))

	m, err := readMeta(data, 0)
	require.NoError(t, err)
	ps := int(m.pageSize)
	spoiled := false
	for p := 2; (p+1)*ps <= len(data) && !spoiled; p++ {
		page := data[p*ps:]
		if native.Uint16(page[8:])&leafPage == 0 || native.Uint16(page[10:]) == 0 {
			continue
		}
		e := page[pageHeaderSize:]
		ksize := native.Uint32(e[8:])
		native.PutUint32(e[12:], ^uint32(0)-ksize+1) // ksize+vsize = 2^32: 0 in 32 bits
		spoiled = true
	}
	require.True(t, spoiled, "a leaf page with an element")
	assert.ErrorContains(t, inspect(data), "past the end of its page")
}
