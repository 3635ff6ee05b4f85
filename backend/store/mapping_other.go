//go:build !unix

package store

import (
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// inMapping calls fn with db's whole file, read into memory (mapping_unix.go reads it in
// bbolt's own mapping instead).
func inMapping(db *bolt.DB, fn func([]byte) error) error {
	data, err := os.ReadFile(db.Path())
	if err != nil {
		return fmt.Errorf("read the data file: %w", err)
	}
	return fn(data)
}
