//go:build unix

package store

import (
	"fmt"
	"os"
	"runtime/debug"
	"unsafe"

	bolt "go.etcd.io/bbolt"
)

// inMapping calls fn with db's whole file as bbolt has mapped it (read-only), so that the
// check and bbolt's reads after it share the pages: reading them in a mapping of the
// check's own, unmapped after it, made every page the inventory reads fault twice and
// cost 2 ms of its 10,000 keys. The check reads it with bounds checks, so only a file
// cut short by another program while it is read can fault; that fault becomes an
// ErrCorrupt, not a crash.
func inMapping(db *bolt.DB, fn func([]byte) error) (err error) {
	info, err := os.Stat(db.Path())
	if err != nil {
		return fmt.Errorf("read the data file: %w", err)
	}
	size := info.Size()
	if size == 0 || size != int64(int(size)) {
		return fn(nil) // too short to map, or too long for this system: the check says which
	}
	// bbolt gives its mapping's address as a number. The memory is a mapping, not Go's,
	// and stays where it is while db is open: a read-only bbolt never maps it again.
	base := db.Info().Data
	data := unsafe.Slice((*byte)(*(*unsafe.Pointer)(unsafe.Pointer(&base))), size)
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
