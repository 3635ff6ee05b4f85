package store_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/cli"
	"proofkeys/backend/store"
)

// The checks on open, on the data made by `proofkeys seed --keys 10000 --events 50000`
// (cli.Seed), made once per run. docs/BENCHMARKS.md has the figures and the command.

var (
	seedOnce sync.Once
	seedDir  string
	seedErr  error
)

// seededDir seeds a folder at the first call, shared by the benchmarks (seeding takes
// seconds); TestMain removes it.
func seededDir(b *testing.B) string {
	b.Helper()
	seedOnce.Do(func() {
		seedDir, seedErr = os.MkdirTemp("", "proofkeys-bench-store")
		if seedErr == nil {
			seedErr = cli.Seed(filepath.Join(seedDir, "data"), 10_000, 50_000)
		}
	})
	require.NoError(b, seedErr)
	return filepath.Join(seedDir, "data")
}

// BenchmarkOpen10k is the app's open: the file's pages inspected, bbolt's Tx.Check, the
// buckets prepared.
func BenchmarkOpen10k(b *testing.B) {
	dir := seededDir(b)
	for b.Loop() {
		s, err := store.Open(dir)
		require.NoError(b, err)
		require.NoError(b, s.Close())
	}
}

// BenchmarkOpenReadOnly10k is the command line's open: the file's pages inspected, with
// what Tx.Check checks, and the schema.
func BenchmarkOpenReadOnly10k(b *testing.B) {
	dir := seededDir(b)
	for b.Loop() {
		s, err := store.OpenReadOnly(dir)
		require.NoError(b, err)
		require.NoError(b, s.Close())
	}
}

// BenchmarkCheck10k is bbolt's Tx.Check alone, as before a snapshot.
func BenchmarkCheck10k(b *testing.B) {
	s, err := store.Open(seededDir(b))
	require.NoError(b, err)
	defer s.Close()
	for b.Loop() {
		require.NoError(b, s.Check())
	}
}

// BenchmarkCheckFile10k is doctor's check of one file: pages, Tx.Check and every record.
func BenchmarkCheckFile10k(b *testing.B) {
	db := filepath.Join(seededDir(b), store.FileName)
	for b.Loop() {
		require.NoError(b, store.CheckFile(db))
	}
}

// TestMain removes the benchmarks' seeded folder after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if seedDir != "" {
		_ = os.RemoveAll(seedDir)
	}
	os.Exit(code)
}
