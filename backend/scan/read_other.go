//go:build !unix

package scan

import (
	"io"
	"os"
)

// readWhole reads the file at path into buf (grown to fit).
func readWhole(path string, buf []byte, maxSize int64) ([]byte, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, buf, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, buf, err
	}
	if info.Size() > maxSize {
		return nil, buf, errTooLarge
	}
	buf = grow(buf, info.Size())
	n, err := io.ReadFull(f, buf[:info.Size()])
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, buf, err
	}
	return buf[:n], buf, nil
}
