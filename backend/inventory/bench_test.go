package inventory_test

import (
	"encoding/csv"
	"io"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/cli"
	"proofkeys/backend/inventory"
	"proofkeys/backend/store"
)

// Benchmarks on data made by `proofkeys seed` (cli.Seed), each data folder made once per
// run. docs/BENCHMARKS.md has the figures and the command.

var (
	seedMu   sync.Mutex
	seedDirs = map[[2]int]string{}
)

func seededDir(b *testing.B, keys, events int) string {
	b.Helper()
	seedMu.Lock()
	defer seedMu.Unlock()
	if dir, ok := seedDirs[[2]int{keys, events}]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "proofkeys-bench")
	require.NoError(b, err)
	b.Cleanup(func() {}) // the folder outlives one benchmark; TestMain removes it
	require.NoError(b, cli.Seed(dir, keys, events))
	seedDirs[[2]int{keys, events}] = dir
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range seedDirs {
		_ = os.RemoveAll(dir)
	}
	os.Exit(code)
}

func openReadOnly(b *testing.B, dir string) *store.Store {
	b.Helper()
	st, err := store.OpenReadOnly(dir)
	require.NoError(b, err)
	b.Cleanup(func() { _ = st.Close() })
	return st
}

// BenchmarkInventory10k is the page's call with 10,000 keys and 100,000 events, as the
// app makes it: the service has read the file before (the page was opened once), and
// one key was copied since. Target: at most 20 ms.
func BenchmarkInventory10k(b *testing.B) {
	dir := seededDir(b, 10_000, 100_000)
	s, err := store.Open(dir)
	require.NoError(b, err)
	defer s.Close()
	svc := inventory.New(s)
	owner := "mem_seeded1"
	_, err = svc.Inventory(owner)
	require.NoError(b, err)
	b.Run("after-a-copy", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			require.NoError(b, s.Update(func(tx *store.Tx) error {
				_, err := tx.AppendEvent(audit.Event{Time: time.Now(), Actor: owner, ActorName: "Seeded member 1",
					Action: audit.KeyCopied, KeyID: "key_seeded0000042"})
				return err
			}))
			b.StartTimer()
			r, err := svc.Inventory(owner)
			if err != nil || len(r.Rows) != 10_000 {
				b.Fatal(err, len(r.Rows))
			}
		}
	})
	b.Run("first-call", func(b *testing.B) {
		for b.Loop() {
			if _, err := inventory.New(s).Inventory(owner); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCSVExport100k compares the CSV export of 100,000 keys (and 100,000 events),
// read afresh as the command line does, with a plain bbolt scan that decodes the same
// records and writes the same columns with encoding/csv. Target: at most 1.5x.
func BenchmarkCSVExport100k(b *testing.B) {
	dir := seededDir(b, 100_000, 100_000)
	b.Run("export", func(b *testing.B) {
		st := openReadOnly(b, dir)
		for b.Loop() {
			r, err := inventory.New(st).Offline()
			if err != nil {
				b.Fatal(err)
			}
			if err := inventory.WriteCSV(io.Discard, r.Rows); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain-bbolt-scan", func(b *testing.B) {
		st := openReadOnly(b, dir)
		for b.Loop() {
			if err := st.View(func(tx *store.Tx) error { return plainCSV(tx, io.Discard) }); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// plainCSV is the baseline: decode every member, event and key, count the copies, and
// write a line per key with the export's 21 columns. No cache, no filter, no sorting.
func plainCSV(tx *store.Tx, w io.Writer) error {
	names := map[string]string{}
	members, err := tx.Members()
	if err != nil {
		return err
	}
	for _, m := range members {
		names[m.ID] = m.Name
	}
	type copies struct {
		n    int
		last time.Time
		by   string
	}
	seen := map[string]copies{}
	err = tx.EventsSince(0, func(e audit.Event) error {
		if e.Action == audit.KeyCopied {
			c := seen[e.KeyID]
			c.n, c.last, c.by = c.n+1, e.Time, e.ActorName
			seen[e.KeyID] = c
		}
		return nil
	})
	if err != nil {
		return err
	}
	keys, err := tx.Keys(func(apikey.Key) bool { return true })
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	_ = cw.Write(make([]string, 21))
	now := time.Now()
	for _, k := range keys {
		c := seen[k.ID]
		_ = cw.Write([]string{k.ID, k.Settings.Name, string(k.Environment), k.Hint(), string(k.State),
			string(k.Settings.Payer), strconv.Itoa(k.Settings.MinSigners), strconv.Itoa(k.Settings.MaxSigners),
			k.CreatedAt.Format(time.RFC3339), names[k.CreatedBy], strconv.Itoa(int(now.Sub(k.CreatedAt).Hours() / 24)),
			"", k.CreatedAt.AddDate(0, 0, 90).Format(time.RFC3339), strconv.Itoa(c.n), c.last.Format(time.RFC3339), c.by,
			k.Replaces, k.ReplacedBy, k.ExpiresAt.Format(time.RFC3339), k.DeletedAt.Format(time.RFC3339), names[k.DeletedBy]})
	}
	cw.Flush()
	return cw.Error()
}

// BenchmarkReadAndWriteJSON10k splits the inventory command on 10,000 keys and 100,000
// events into its two halves: reading the folder and building the report (as the command
// does, with a fresh service), and writing it as JSON.
func BenchmarkReadAndWriteJSON10k(b *testing.B) {
	st := openReadOnly(b, seededDir(b, 10_000, 100_000))
	r, err := inventory.New(st).Offline()
	require.NoError(b, err)
	b.Run("read-and-build", func(b *testing.B) {
		for b.Loop() {
			if _, err := inventory.New(st).Offline(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write-json", func(b *testing.B) {
		for b.Loop() {
			if err := inventory.WriteJSON(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
