package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/store"
)

// damage is one way the data file goes bad: cut to a size (negative: from the end), or
// 8 bytes inverted at an offset.
type damage struct {
	cut  int64
	flip int64
}

func (d damage) String() string {
	if d.flip != 0 {
		return fmt.Sprintf("8 bytes flipped at %d", d.flip)
	}
	return fmt.Sprintf("cut to %d", d.cut)
}

func (d damage) apply(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	if d.flip != 0 {
		for i := d.flip; i < d.flip+8; i++ {
			data[i] ^= 0xFF
		}
	} else if d.cut < 0 {
		data = data[:int64(len(data))+d.cut]
	} else {
		data = data[:d.cut]
	}
	require.NoError(t, os.WriteFile(path, data, 0o600))
}

// withSnapshot is a seeded folder with one daily snapshot.
func withSnapshot(t *testing.T) string {
	t.Helper()
	dir := seeded(t, 300, 2000)
	s, err := store.Open(dir)
	require.NoError(t, err)
	_, err = s.Snapshot(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.NoError(t, s.Close())
	return dir
}

// On a damaged data file every command exits 1 with a sentence that says so and what to
// do, doctor exits 3 and names it, nothing panics, and the file is kept byte for byte. A
// damage that leaves the file whole (bytes no page uses) reads as it did. The inventory
// reads the keys and the newest event alone (store.OpenForKeys): a damage to the pages of
// older events is left to the commands that read them, and changes nothing it says.
func TestDamagedDataFile(t *testing.T) {
	good := withSnapshot(t)
	goodInventory := run(t, "", "inventory", "--data-dir", good).stdout
	found, inventoryRefused := 0, 0
	t.Cleanup(func() {
		assert.GreaterOrEqual(t, found, 7, "most of these damages are found")
		assert.GreaterOrEqual(t, inventoryRefused, 5, "the inventory refuses the damages to what it reads")
	})
	for _, d := range []damage{{cut: 0}, {cut: 4096}, {cut: 16384}, {cut: -4096},
		{flip: 16}, {flip: 4096 + 40}, {flip: 8192}, {flip: 3*4096 + 24}, {flip: 5*4096 + 2048}} {
		t.Run(d.String(), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			require.NoError(t, os.CopyFS(dir, os.DirFS(good)))
			db := filepath.Join(dir, store.FileName)
			d.apply(t, db)
			before, err := os.ReadFile(db)
			require.NoError(t, err)
			damaged := store.Damaged(store.CheckFile(db))
			if damaged {
				found++
			}

			for _, args := range [][]string{{"inventory"}, {"audit", "export", "--format", "json"}} {
				r := run(t, "prf_test_x\n", append(args, "--data-dir", dir)...)
				noPanic(t, r)
				if damaged && args[0] == "inventory" && r.code == 0 {
					assert.Equal(t, goodInventory, r.stdout, "the damage is in older events' pages")
				} else if damaged {
					if args[0] == "inventory" {
						inventoryRefused++
					}
					assert.Equal(t, 1, r.code, "%v: %s", args, r.stderr)
					assert.Contains(t, r.stderr, "the data file is damaged", args)
					assert.Contains(t, r.stderr, "proofkeys doctor", args)
				}
			}
			r := run(t, "", "doctor", "--data-dir", dir)
			noPanic(t, r)
			if damaged {
				assert.Equal(t, 3, r.code, r.stdout+r.stderr)
				assert.Contains(t, r.stdout, "DAMAGED")
				assert.Contains(t, r.stdout, "restore one of the whole snapshots")
			} else {
				assert.Equal(t, 0, r.code, r.stdout+r.stderr)
			}
			after, err := os.ReadFile(db)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(before, after), "the damaged file is kept byte for byte")
		})
	}
}

func noPanic(t *testing.T, r result) {
	t.Helper()
	for _, s := range []string{"panic", "goroutine ", "fatal error"} {
		assert.NotContains(t, r.stdout+r.stderr, s)
	}
	assert.NotEqual(t, 2, r.code, "exit 2 means a wrong command line")
}

func TestDoctor(t *testing.T) {
	dir := withSnapshot(t)
	r := run(t, "", "doctor", "--data-dir", dir)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Seeded organization (org_5EEDED0RG0002)")
	assert.Contains(t, r.stdout, "Daily snapshots: 1")
	assert.Contains(t, r.stdout, "taken Nov 27, 2026 10:00 UTC  whole")
	assert.Contains(t, r.stdout, "OK: nothing is damaged.")

	snaps, err := store.Snapshots(dir)
	require.NoError(t, err)
	require.NoError(t, os.Truncate(snaps[0].Path, 8192))
	r = run(t, "", "doctor", "--format", "json", "--data-dir", dir)
	assert.Equal(t, 3, r.code, "a damaged snapshot is a problem found")
	assert.Contains(t, r.stdout, `"damaged": true`)

	require.NoError(t, os.Remove(filepath.Join(dir, store.FileName)))
	r = run(t, "", "doctor", "--data-dir", dir)
	assert.Equal(t, 3, r.code)
	assert.Contains(t, r.stdout, "missing or empty")

	r = run(t, "", "doctor", "--data-dir", t.TempDir())
	assert.Equal(t, 1, r.code, "no data at all: the check cannot run")
	assert.True(t, strings.Contains(r.stderr, "no proofkeys data"), r.stderr)
}
