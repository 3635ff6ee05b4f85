//go:build !windows

package privatefile

import (
	"fmt"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// Write saves data at path with Mode, replacing any file there in one step. The mode is
// set outright: neither the umask nor a replaced file's mode weakens it.
func Write(path string, data []byte) error {
	if err := write(path, data); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}

func write(path string, data []byte) error {
	f, err := renameio.NewPendingFile(path,
		renameio.WithTempDir(filepath.Dir(path)), renameio.WithStaticPermissions(Mode))
	if err != nil {
		return err
	}
	defer func() { _ = f.Cleanup() }() // removes the temporary file unless it was renamed
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.CloseAtomicallyReplace()
}
