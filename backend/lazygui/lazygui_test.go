package lazygui

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// With -tags webkit2_41 on linux/amd64 (make test-smoke runs it so), Load opens the nine
// libraries and finds every function the generated tables list, as the app does before its
// window; in other builds it has nothing to do. A second call gives the first's result.
func TestLoadFindsEveryFunction(t *testing.T) {
	require.NoError(t, Load())
	require.NoError(t, Load())
}
