//go:build unix

package store

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"
)

// A file cut short by another program while it is checked faults on the pages past its
// new end; the check says the file is damaged, and the process goes on.
func TestInMappingTurnsAFaultIntoDamage(t *testing.T) {
	path := newFile(t)
	db := openBoltReadOnly(t, path)
	var size int
	err := inMapping(db, func(data []byte) error {
		size = len(data)
		require.NoError(t, os.Truncate(path, 0))
		last = data[len(data)-1]
		return nil
	})
	assert.Positive(t, size)
	assert.ErrorIs(t, err, ErrCorrupt)
	assert.ErrorContains(t, err, "changed while it was read")
}

// last keeps the read above from being left out by the compiler.
var last byte

// The check reads the file as it is on disk, byte for byte, in bbolt's mapping.
func TestInMappingIsTheWholeFile(t *testing.T) {
	path := newFile(t)
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, inMapping(openBoltReadOnly(t, path), func(data []byte) error {
		assert.Equal(t, want, data)
		return nil
	}))
}

func openBoltReadOnly(t *testing.T, path string) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}
