//go:build !unix

package store

import (
	"fmt"
	"os"
)

// readWhole calls fn with the whole file at path, read into memory (readwhole_unix.go
// maps it instead).
func readWhole(path string, fn func([]byte) error) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read the data file: %w", err)
	}
	return fn(data)
}
