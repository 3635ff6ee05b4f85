//go:build !windows && !(linux && cgo) && !(darwin && cgo)

package clipboard

import "fmt"

// Clipboard writes secrets to the system clipboard. Safe for concurrent use.
//
// This platform has no implementation: WriteSecret fails with ErrUnsupported, and nothing
// is ever owned.
type Clipboard struct{}

// New returns a Clipboard.
func New() *Clipboard {
	return &Clipboard{}
}

// WriteSecret returns ErrUnsupported, wrapped.
func (c *Clipboard) WriteSecret(string) error {
	return fmt.Errorf("write secret to clipboard: %w", ErrUnsupported)
}

// Owned reports false: nothing was written.
func (c *Clipboard) Owned() bool { return false }

// ClearIfOwned reports false: nothing was written, so nothing is cleared.
func (c *Clipboard) ClearIfOwned() bool { return false }
