package store

import (
	"io"
	"os"
	"path/filepath"
)

// writeChecked is the Windows version of writefile.go's: renameio exports nothing on
// Windows, where no rename is guaranteed atomic, so the same steps are written out here
// with os.Rename (MoveFileEx, replacing the target). Permissions are the ACL of the
// folder, which the data folder restricts to its owner.
func writeChecked(path string, fill func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(f.Name()) }() // fails harmlessly once renamed
	err = fill(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = CheckFile(f.Name())
	}
	if err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
