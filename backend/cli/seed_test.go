package cli_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/cli"
	"proofkeys/backend/store"
)

// A seeded folder is what the app itself would have written: its keys have no secret in
// the vault, so it is marked as having none to label. Unmarked, the app's first start on
// 10,000 seeded keys asked the vault about each one, for several seconds, before the window
// could show anything.
func TestSeededFolderHasNoVaultItemsToLabel(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, cli.Seed(dir, 20, 40))
	st, err := store.Open(dir)
	require.NoError(t, err)
	defer st.Close()
	require.NoError(t, st.View(func(tx *store.Tx) error {
		assert.True(t, tx.VaultItemsLabelled())
		return nil
	}))
}
