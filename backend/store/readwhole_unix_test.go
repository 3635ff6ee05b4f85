//go:build unix

package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A file cut short by another program while it is checked faults on the pages past its
// new end; the check says the file is damaged, and the process goes on.
func TestReadWholeTurnsAFaultIntoDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	require.NoError(t, os.WriteFile(path, make([]byte, 1<<16), 0o600))
	err := readWhole(path, func(data []byte) error {
		require.NoError(t, os.Truncate(path, 0))
		last = data[len(data)-1]
		return nil
	})
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.ErrorContains(t, err, "changed while it was read")
}

// last keeps the read above from being left out by the compiler.
var last byte
