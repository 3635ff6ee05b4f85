//go:build !windows

package privatefile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/privatefile"
)

func TestWriteReplacesAReadableFileWithAnOwnerOnlyOne(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "inventory.csv")
	require.NoError(t, os.WriteFile(path, []byte("an older, longer export\n"), 0o644))

	require.NoError(t, privatefile.Write(path, []byte("new\n")))

	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, privatefile.Mode, info.Mode().Perm(), "the old file's 0644 is not kept")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "new\n", string(got))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left beside it")
}

func TestWriteIntoAMissingFolderSaysWhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone", "bundle.json")
	err := privatefile.Write(path, []byte("{}"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), path)
	assert.ErrorIs(t, err, os.ErrNotExist)
}
