package store_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/store"
)

func TestResolveDir(t *testing.T) {
	t.Setenv(store.EnvDir, "")
	dir, err := store.ResolveDir("")
	require.NoError(t, err)
	assert.Equal(t, store.DefaultDir(), dir)

	t.Setenv(store.EnvDir, "/tmp/from-env")
	dir, err = store.ResolveDir("")
	require.NoError(t, err)
	assert.Equal(t, "/tmp/from-env", dir)

	dir, err = store.ResolveDir("/tmp/from-flag")
	require.NoError(t, err)
	assert.Equal(t, "/tmp/from-flag", dir)
}
