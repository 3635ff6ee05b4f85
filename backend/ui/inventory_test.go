package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/inventory"
	"proofkeys/backend/store"
)

func TestInventoryAndExports(t *testing.T) {
	a, clip := setUpWithKeys(t)
	kept, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	gone, err := a.Keys.GenerateKey("sandbox")
	require.NoError(t, err)
	_, err = a.Keys.CopyKey(kept.ID)
	require.NoError(t, err)
	require.NoError(t, a.Keys.DeleteKey(gone.ID))

	r, err := a.Inventory.GetInventory()
	require.NoError(t, err)
	require.Len(t, r.Rows, 2)
	assert.Equal(t, inventory.Summary{Total: 2, InUse: 1, Active: 1, DeletedLast30: 1}, r.Summary)
	assert.Equal(t, 1, r.Rows[0].CopyCount)
	assert.Equal(t, "Dana", r.Rows[0].LastCopiedBy)
	assert.Equal(t, "Dana", r.Rows[1].DeletedBy)

	out := t.TempDir()
	d := &savingDesktop{}
	a.core.desktop = d
	for _, format := range []string{"csv", "json", "html"} {
		d.path = filepath.Join(out, "inventory."+format)
		v, err := a.Inventory.ExportInventory(format)
		require.NoError(t, err, format)
		assert.Equal(t, ExportView{Path: d.path, Keys: 2}, v)
		raw, err := os.ReadFile(d.path)
		require.NoError(t, err)
		require.Len(t, clip.secrets, 1)
		assert.NotContains(t, string(raw), clip.secrets[0], "never a secret")
		assert.Contains(t, string(raw), kept.Hint)
		info, err := os.Stat(d.path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	}
	assert.True(t, strings.HasPrefix(d.asked, "proofkeys-inventory-") && strings.HasSuffix(d.asked, ".html"), d.asked)
	rows, err := csv.NewReader(strings.NewReader(readFile(t, filepath.Join(out, "inventory.csv")))).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 3)

	d.path = ""
	v, err := a.Inventory.ExportInventory("csv")
	require.NoError(t, err, "cancelling is not an error")
	assert.Empty(t, v.Path)

	_, err = a.Inventory.ExportInventory("xlsx")
	assert.Equal(t, "bad_request", Explain(err).Code)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(raw)
}

// A database that cannot be read gets the problem screen's calls: the snapshots, and a
// restore that moves the unreadable file aside and opens the app on the snapshot.
func TestRestoreAfterTheFileWasCorrupted(t *testing.T) {
	a, _ := setUpWithKeys(t)
	dir := a.core.dataDir
	_, err := a.Snapshots.RestoreSnapshot("anything", false)
	assert.Equal(t, "not_restorable", Explain(err).Code, "a readable file is never replaced")
	_, err = a.s().store.Snapshot(time.Now().Add(time.Second)) // a daily snapshot, after setup
	require.NoError(t, err)
	a.Stop()
	db := filepath.Join(dir, store.FileName)
	require.NoError(t, os.Truncate(db, 4096))

	b, _ := newTestApp(t, dir)
	_, err = b.Session.GetState()
	assert.Equal(t, "database_unreadable", Explain(err).Code)
	snaps, err := b.Snapshots.ListSnapshots()
	require.NoError(t, err)
	require.NotEmpty(t, snaps)
	assert.True(t, snaps[0].Readable, "the newest, taken after setup")

	state, err := b.Snapshots.RestoreSnapshot(snaps[0].Name, false)
	require.NoError(t, err)
	assert.Equal(t, "Acme", state.OrgName)
	_, err = b.Keys.GenerateKey("production")
	assert.NoError(t, err, "the app works on the restored file")
	matches, err := filepath.Glob(db + ".unreadable-*")
	require.NoError(t, err)
	require.Len(t, matches, 1, "the unreadable file is kept beside it")
	info, err := os.Stat(matches[0])
	require.NoError(t, err)
	assert.Equal(t, int64(4096), info.Size())
}
