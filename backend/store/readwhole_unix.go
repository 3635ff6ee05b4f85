//go:build unix

package store

import (
	"fmt"
	"os"
	"runtime/debug"
	"syscall"
)

// readWhole calls fn with the whole file at path, mapped read-only rather than copied:
// reading a 25 MB file into memory took longer than checking it. The check reads the
// mapping with bounds checks, as it would a copy, so only a file cut short by another
// program while it is read can fault; that fault becomes an ErrCorrupt, not a crash.
func readWhole(path string, fn func([]byte) error) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read the data file: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("read the data file: %w", err)
	}
	size := info.Size()
	if size == 0 || size != int64(int(size)) {
		return fn(nil) // too short to map, or too long for this system: the check says which
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("read the data file: %w", err)
	}
	defer func() { _ = syscall.Munmap(data) }()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if _, fault := r.(interface{ Addr() uintptr }); !fault {
				panic(r)
			}
			err = fmt.Errorf("%w: the file changed while it was read (%v)", ErrCorrupt, r)
		}
	}()
	return fn(data)
}
