//go:build !windows && !(linux && cgo) && !(darwin && cgo)

package clipboard

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Run on Linux with CGO_ENABLED=0 to exercise this build.
func TestUnsupportedPlatform(t *testing.T) {
	c := New()
	err := c.WriteSecret("prf_test_secret")
	assert.ErrorIs(t, err, ErrUnsupported)
	assert.NotContains(t, err.Error(), "prf_test_secret")
	assert.False(t, c.Owned())
	assert.False(t, c.ClearIfOwned())
}
