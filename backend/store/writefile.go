//go:build !windows

package store

import (
	"io"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// writeChecked writes path through fill into a temporary file in the same folder, with
// owner-only permissions, checks that it is a whole, readable database (CheckFile), and
// only then renames it into place (renameio: synced, then renamed over the target); on
// any failure the target is left as it was and the temporary file removed.
func writeChecked(path string, fill func(io.Writer) error) error {
	f, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)),
		renameio.WithStaticPermissions(0o600))
	if err != nil {
		return err
	}
	defer func() { _ = f.Cleanup() }() // a no-op once renamed
	if err := fill(f); err != nil {
		return err
	}
	if err := CheckFile(f.Name()); err != nil {
		return err
	}
	return f.CloseAtomicallyReplace()
}
