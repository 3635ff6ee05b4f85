package org_test

import (
	"testing"

	"proofkeys/backend/audit"
	"proofkeys/backend/org"
)

// BenchmarkAuditPage100k is what the Audit page asks for when it opens on 100,000 events:
// the first page of every event with its count, the filter's members and actions, and the
// first keys of the key filter; then a page filtered by one key. Target: at most 100 ms
// for the first page. The chain's verification is measured apart: the page shows it when
// it comes.
func BenchmarkAuditPage100k(b *testing.B) {
	svc := seeded(b)
	const owner = "mem_seeded1"
	b.Run("first-page", func(b *testing.B) {
		for b.Loop() {
			p, err := svc.AuditPage(owner, org.AuditQuery{Limit: 100})
			if err != nil || p.Total != 100_000 || len(p.Events) != 100 {
				b.Fatal(err, p.Total)
			}
			if _, err := svc.AuditFilters(owner); err != nil {
				b.Fatal(err)
			}
			if _, err := svc.KeyChoices(owner, "", 50); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one-key", func(b *testing.B) {
		for b.Loop() {
			k, err := svc.KeyChoices(owner, "key 4242", 1)
			if err != nil || len(k.Keys) != 1 {
				b.Fatal(err, k)
			}
			p, err := svc.AuditPage(owner, org.AuditQuery{Filter: audit.Filter{KeyID: k.Keys[0].ID}, Limit: 100})
			if err != nil || p.Total == 0 {
				b.Fatal(err, p.Total)
			}
		}
	})
	b.Run("chain", func(b *testing.B) {
		for b.Loop() {
			c, err := svc.AuditChain(owner)
			if err != nil || c.Broken != nil {
				b.Fatal(err, c.Broken)
			}
		}
	})
}
