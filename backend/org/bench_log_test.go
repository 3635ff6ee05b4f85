package org_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/audit"
	"proofkeys/backend/cli"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
)

// seeded opens a folder made by `proofkeys seed` with 10,000 keys and 100,000 events.
func seeded(b *testing.B) *org.Service {
	b.Helper()
	dir, err := os.MkdirTemp("", "proofkeys-bench")
	require.NoError(b, err)
	b.Cleanup(func() { _ = os.RemoveAll(dir) })
	require.NoError(b, cli.Seed(dir, 10_000, 100_000))
	st, err := store.Open(dir)
	require.NoError(b, err)
	b.Cleanup(func() { _ = st.Close() })
	return org.New(st)
}

// BenchmarkAuditLog100k is the whole log with its chain verified, as AuditLog gives it
// (the Audit page's call before AuditPage, and still the export's): the baseline of
// BenchmarkAuditPage100k. scripts/bench-scale.sh runs it on the revision before too.
func BenchmarkAuditLog100k(b *testing.B) {
	svc := seeded(b)
	for b.Loop() {
		log, err := svc.AuditLog("mem_seeded1", audit.Filter{})
		if err != nil || len(log.Events) != 100_000 || log.Broken != nil {
			b.Fatal(err, len(log.Events), log.Broken)
		}
	}
}
