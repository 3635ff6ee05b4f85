package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"
)

// A leaf element whose key and value sizes add up past 32 bits wraps around to a small
// number in 32-bit arithmetic; bbolt then slices far past its page. The check adds them
// in 64 bits. (Found by the full sweep, PROOFKEYS_CORRUPTION_SWEEP.)
func TestInspectCatchesSizesThatOverflow32Bits(t *testing.T) {
	data, err := os.ReadFile(newFile(t))
	require.NoError(t, err)
	require.NoError(t, inspect(data, nil))

	m, err := readMeta(data, 0, 0)
	require.NoError(t, err)
	ps := int(m.pageSize)
	spoiled := false
	for p := 2; (p+1)*ps <= len(data) && !spoiled; p++ {
		page := data[p*ps:]
		if native.Uint16(page[8:])&leafPage == 0 || native.Uint16(page[10:]) == 0 {
			continue
		}
		e := page[pageHeaderSize:]
		ksize := native.Uint32(e[8:])
		native.PutUint32(e[12:], ^uint32(0)-ksize+1) // ksize+vsize = 2^32: 0 in 32 bits
		spoiled = true
	}
	require.True(t, spoiled, "a leaf page with an element")
	assert.ErrorContains(t, inspect(data, nil), "past the end of its page")
}

// filledFile is a small data file with what the inspection walks: branch and leaf pages,
// buckets in pages and inline, values over several pages, and free pages.
func filledFile(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	require.NoError(t, err)
	require.NoError(t, s.db.Update(func(tx *bolt.Tx) error {
		for i := range 400 {
			k := fmt.Appendf(nil, "key_%05d", i)
			if err := tx.Bucket(bucketKeys).Put(k, bytes.Repeat(k, 12)); err != nil {
				return err
			}
			if err := tx.Bucket(bucketAudit).Put(binary.BigEndian.AppendUint64(nil, uint64(i)), k); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketOrg).Put([]byte("large"), bytes.Repeat([]byte("x"), 10_000))
	}))
	require.NoError(t, s.db.Update(func(tx *bolt.Tx) error { // frees the pages it rewrites
		for i := range 400 {
			if i%3 == 0 {
				if err := tx.Bucket(bucketKeys).Delete(fmt.Appendf(nil, "key_%05d", i)); err != nil {
					return err
				}
			}
		}
		return nil
	}))
	require.NoError(t, s.Close())
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	require.NoError(t, err)
	require.NoError(t, inspect(data, nil))
	return data
}

// withOneEventInLastLeaf cuts the count of the last leaf of the log in data to one, as a
// damaged count would: bbolt writes no such page but reads it, and from its one event
// Prev goes to another leaf. The whole inspection lets it through.
func withOneEventInLastLeaf(t *testing.T, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	require.NoError(t, err)
	var id uint64
	require.NoError(t, db.View(func(tx *bolt.Tx) error { id = uint64(tx.Bucket(bucketAudit).Root()); return nil }))
	ps := uint64(db.Info().PageSize)
	require.NoError(t, db.Close())
	for {
		p := data[id*ps:]
		n := int(native.Uint16(p[10:]))
		require.Greater(t, n, 1, "page %d", id)
		if native.Uint16(p[8:])&branchPage == 0 {
			native.PutUint16(p[10:], 1)
			require.NoError(t, inspect(data, nil))
			return
		}
		id = native.Uint64(p[pageHeaderSize+(n-1)*elementSize+8:])
	}
}

// Readers rely on the inspection alone (openChecked): every file it lets through, bbolt's
// own Tx.Check finds whole too. 8 bytes are flipped every 64 bytes over the pages in use
// (every N with PROOFKEYS_CORRUPTION_SWEEP=N).
func TestInspectRefusesWhatTxCheckRefuses(t *testing.T) {
	good := filledFile(t)
	stride := 64
	if n, err := strconv.Atoi(os.Getenv("PROOFKEYS_CORRUPTION_SWEEP")); err == nil && n > 0 {
		stride = n
	}
	m0, err := readMeta(good, 0, 0)
	require.NoError(t, err)
	m1, err := readMeta(good, 1, int(m0.pageSize))
	require.NoError(t, err)
	used := int(max(m0.pgid, m1.pgid) * uint64(m0.pageSize)) // the pages past it are never read
	path := filepath.Join(t.TempDir(), FileName)
	require.NoError(t, os.WriteFile(path, good[:used], 0o600))
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	defer f.Close()
	var passed, judged int
	for off := 0; off+8 <= used; off += stride {
		flip(good[off : off+8])
		err := inspect(good, nil)
		if err != nil && meaning.MatchString(err.Error()) {
			judged++
		}
		if err == nil {
			passed++
			_, err = f.WriteAt(good[off:off+8], int64(off))
			require.NoError(t, err)
			require.NoError(t, txCheck(path), "offset %d: the inspection let through what Tx.Check refuses", off)
		}
		flip(good[off : off+8])
		_, err = f.WriteAt(good[off:off+8], int64(off))
		require.NoError(t, err)
	}
	t.Logf("%d damaged files let through and whole for Tx.Check, %d refused for what they hold", passed, judged)
	assert.Positive(t, passed)
	assert.Positive(t, judged)
}

// OpenForKeys's inspection leaves out the audit log's pages off the way to its newest
// events, and nothing else: what the whole inspection lets through, it lets through too,
// and a damage it lets through that the whole inspection refuses changes nothing of what
// a store opened for keys reads: every key, the newest event and the one before it, in
// another leaf. The sweep of TestInspectRefusesWhatTxCheckRefuses, both inspections on
// every damaged file.
func TestInspectForKeysLeavesOutOnlyWhatTheInventoryDoesNotRead(t *testing.T) {
	good := filledFile(t)
	withOneEventInLastLeaf(t, good)
	path := filepath.Join(t.TempDir(), FileName)
	require.NoError(t, os.WriteFile(path, good, 0o600))
	want := readForKeys(t, path)
	require.Contains(t, want, "audit last", "the log has a newest event")
	var leftOut int
	for off := 0; off+8 <= len(good); off += 16 {
		flip(good[off : off+8])
		forKeys, whole := inspect(good, bucketAudit), inspect(good, nil)
		switch {
		case whole == nil:
			require.NoError(t, forKeys, "offset %d", off)
		case forKeys == nil:
			leftOut++
			require.NoError(t, os.WriteFile(path, good, 0o600))
			require.Equal(t, want, readForKeys(t, path), "offset %d: %v", off, whole)
		}
		flip(good[off : off+8])
	}
	t.Logf("%d damages to the log's older pages left to readers of its newest events", leftOut)
	assert.Positive(t, leftOut)
}

// readForKeys is what a store opened for keys reads of the file at path: every record of
// the keys bucket, and the log's newest event and the one before it (LastEvent).
func readForKeys(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	require.NoError(t, err)
	defer db.Close()
	read := map[string]string{}
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		k, v := c.Last()
		read["audit last"] = fmt.Sprintf("%x=%x", k, v)
		k, v = c.Prev()
		read["audit before"] = fmt.Sprintf("%x=%x", k, v)
		return tx.Bucket(bucketKeys).ForEach(func(k, v []byte) error {
			read[string(k)] = string(v)
			return nil
		})
	}))
	return read
}

// meaning matches the inspection's findings about what pages hold, rather than their shape.
var meaning = regexp.MustCompile(`reached twice|in use and free|freed twice|neither used nor free|key [0-9a-f]*( comes| is not)`)

func flip(b []byte) {
	for i := range b {
		b[i] ^= 0xFF
	}
}

// txCheck is bbolt's Tx.Check on the file at path.
func txCheck(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(checkTx)
}

// newFile is the path of a new data file, made by Open and closed.
func newFile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	return filepath.Join(dir, FileName)
}
