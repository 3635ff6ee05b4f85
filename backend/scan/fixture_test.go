package scan_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/scan"
	"proofkeys/backend/scan/scantest"
	"proofkeys/backend/store"
)

// planted is an organization's data folder and a tree of files with its keys in them.
type planted struct {
	org  scantest.Org
	tree string
	inv  scan.Inventory
	// where maps each planted secret to the file (under tree) that holds it.
	where map[string]string
}

// plant makes an organization with a key of each verdict, and a tree with each key in a
// file of its own, a typo of each in another, and keys where a scan must not look.
func plant(t *testing.T) planted {
	t.Helper()
	o, err := scantest.NewOrg(filepath.Join(t.TempDir(), "data"), 1)
	require.NoError(t, err)
	p := planted{org: o, tree: t.TempDir()}
	p.where, err = o.PlantTree(p.tree)
	require.NoError(t, err)
	hidden := o.Keys[0].Secret
	write(t, p.tree, ".gitignore", "build/\n*.log\n")
	write(t, p.tree, filepath.Join("build", "out.txt"), hidden)
	write(t, p.tree, "debug.log", hidden)
	write(t, p.tree, "image.bin", "\x00\x01"+hidden)
	outside := t.TempDir()
	write(t, outside, "secret.txt", hidden)
	require.NoError(t, os.Symlink(outside, filepath.Join(p.tree, "link-out")))
	require.NoError(t, os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(p.tree, "link-file")))

	st, err := store.OpenReadOnly(o.Dir)
	require.NoError(t, err)
	defer st.Close()
	p.inv, err = scan.LoadInventory(st, apikey.Production, func(*store.Tx) error { return nil })
	require.NoError(t, err)
	return p
}

func write(t *testing.T, dir, rel, content string) {
	t.Helper()
	path := filepath.Join(dir, rel)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}
