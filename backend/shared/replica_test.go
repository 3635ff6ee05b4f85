package shared_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/inventory"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
)

// waitFor polls cond until it holds; the copy follows the server asynchronously.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("the copy never had %s", what)
}

func activeKeys(t *testing.T, s *store.Store) int {
	t.Helper()
	var n int
	err := s.View(func(tx *store.Tx) error {
		keys, err := tx.Keys(func(k apikey.Key) bool { return k.State == apikey.Active })
		n = len(keys)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTheCopyFollowsAndKeepsTheReviewWorkingOffline(t *testing.T) {
	c := sharedCluster(t)
	f := newFixture(t, c)
	b := f.add(t, "Ada", access.Admin, false)
	for range 3 {
		f.a.generate(t)
	}
	waitFor(t, "the keys made on A", func() bool { return activeKeys(t, b.local) == 3 })
	b.generate(t)
	server := f.a.log(t)
	copied := b.log(t)
	if err := copied.Verify(); err != nil || copied.Head != server.Head {
		t.Fatalf("B's log: %v, head %+v, want %+v", err, copied.Head, server.Head)
	}

	c.stop() // the server is gone
	report, err := inventory.New(b.org).Inventory(b.member)
	if err != nil || len(report.Rows) != 4 {
		t.Fatalf("offline inventory: %d rows, %v", len(report.Rows), err)
	}
	b.org.Timeout = time.Second
	if _, err := b.keys.Generate(b.member, apikey.Production); !errors.Is(err, shared.ErrUnreachable) {
		t.Fatalf("a change while the server is down: %v", err)
	}
}

func TestTheCopyResumesFromTheLastRevisionItApplied(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	b := f.add(t, "Ada", access.Admin, false)
	f.a.generate(t)
	b.sync(t)
	err := b.local.Update(func(tx *store.Tx) error { return tx.SetLocal("marker", []byte("kept by a resume")) })
	if err != nil {
		t.Fatal(err)
	}
	again, err := shared.Open(f.c.client(t), f.prefix, b.local, f.identity(t, b.member), b.member)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		f.a.generate(t)
	}
	if err := again.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := activeKeys(t, b.local); n != 4 {
		t.Fatalf("%d keys after the resume, want 4", n)
	}
	var marker []byte
	_ = b.local.View(func(tx *store.Tx) error { marker = tx.Local("marker"); return nil })
	if string(marker) != "kept by a resume" {
		t.Fatal("the copy was made again in full instead of resuming")
	}
}

func TestTheCopyCatchesUpWhenTheServerIsBack(t *testing.T) {
	c := sharedCluster(t)
	f := newFixture(t, c)
	b := f.add(t, "Ada", access.Admin, false)
	f.a.generate(t)
	waitFor(t, "the first key", func() bool { return activeKeys(t, b.local) == 1 })

	c.stop()
	b.org.Timeout = time.Second
	_, err := b.keys.Generate(b.member, apikey.Production)
	if !errors.Is(err, shared.ErrUnreachable) || !strings.Contains(err.Error(), "changes wait until it is back") {
		t.Fatalf("a change while the server is down: %v", err)
	}
	if list, err := b.keys.List(b.member, apikey.Production); err != nil || len(list) != 1 {
		t.Fatalf("offline list: %v, %v", list, err)
	}

	c.start(t)
	f.a.generate(t) // A's change reaches B once its copy follows the server again
	waitFor(t, "the key made after the server came back", func() bool { return activeKeys(t, b.local) == 2 })
	b.org.Timeout = shared.Timeout
	b.generate(t)
	waitFor(t, "the key B made", func() bool { return activeKeys(t, f.a.local) == 3 })
}
