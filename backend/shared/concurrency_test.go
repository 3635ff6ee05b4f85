package shared_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
)

func TestTwoDesktopsChangingAtOnceLeaveOneChainAndLoseNothing(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	b := f.add(t, "Ada", access.Admin, false)
	const each = 100
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for _, d := range []*desktop{f.a, b} {
		wg.Go(func() {
			for range each {
				if _, err := d.keys.Generate(d.member, apikey.Production); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("a generate failed: %v", err)
	}
	checkComplete(t, f)
	b.sync(t)
	keys, err := b.keys.List(b.member, apikey.Production)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2*each {
		t.Fatalf("%d keys listed, want %d", len(keys), 2*each)
	}
	for i, k := range keys { // the counter lost no increment: 1..200, each once
		if k.Seq != uint64(i+1) {
			t.Fatalf("key %d has number %d: an update of the counter was lost", i+1, k.Seq)
		}
	}
	if n := count(f.a.log(t).Events, audit.KeyGenerated); n != 2*each {
		t.Fatalf("%d generate events, want %d", n, 2*each)
	}
}

func TestKillingTheLeaderMidwayLosesAndHalfWritesNothing(t *testing.T) {
	c := sharedCluster(t)
	f := newFixture(t, c)
	b := f.add(t, "Ada", access.Admin, false)
	var mu sync.Mutex
	var made []string
	failed := 0
	generate := func(d *desktop, n int) {
		for range n {
			k, err := d.keys.Generate(d.member, apikey.Production)
			mu.Lock()
			if err == nil {
				made = append(made, k.ID)
			} else {
				failed++
			}
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	for _, d := range []*desktop{f.a, b} {
		wg.Go(func() { generate(d, 40) })
	}
	for { // kill it once the writes are well under way
		mu.Lock()
		n := len(made)
		mu.Unlock()
		if n >= 10 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	c.kill(c.leader(t))
	wg.Wait()
	t.Logf("%d made, %d refused while the leader died", len(made), failed)

	resumed := 0
	for range 20 { // a new leader takes over within a second or two
		if _, err := f.a.keys.Generate(f.a.member, apikey.Production); err == nil {
			resumed++
		}
		if resumed == 5 {
			break
		}
	}
	if resumed < 5 {
		t.Fatalf("writes did not resume after the leader died (%d of 20 made)", resumed)
	}
	listed := checkComplete(t, f)
	for _, id := range made {
		if !listed[id] {
			t.Fatalf("key %s was made but is lost", id)
		}
	}
}

// checkComplete checks what the server holds: no intent, every active key with its
// envelope and one generate event, no envelope without its key, an unbroken audit chain.
// It returns the active keys.
func checkComplete(t *testing.T, f *fixture) map[string]bool {
	t.Helper()
	envelopes := rawPrefix(t, f, "sealed/")
	active := map[string]bool{}
	for id, k := range rawKeys(t, f) {
		if k.State != apikey.Active && k.State != apikey.Deleted {
			t.Fatalf("key %s is %s on the server: half a change", id, k.State)
		}
		if (envelopes[id] != nil) != (k.State == apikey.Active) {
			t.Fatalf("key %s is %s, with envelope: %v", id, k.State, envelopes[id] != nil)
		}
		active[id] = k.State == apikey.Active
	}
	for id := range envelopes {
		if !active[id] {
			t.Fatalf("an envelope without its key: %s", id)
		}
	}
	log := f.a.log(t)
	if err := log.Verify(); err != nil {
		t.Fatalf("the audit chain is broken: %v", err)
	}
	generated := map[string]int{}
	for i, e := range log.Events {
		if e.Seq != uint64(i+1) {
			t.Fatalf("event %d has number %d", i+1, e.Seq)
		}
		if e.Action == audit.KeyGenerated {
			generated[e.KeyID]++
		}
	}
	for id := range active {
		if generated[id] != 1 {
			t.Fatalf("key %s has %d generate events", id, generated[id])
		}
	}
	return active
}

func count(events []audit.Event, a audit.Action) int {
	n := 0
	for _, e := range events {
		if e.Action == a {
			n++
		}
	}
	return n
}

func TestTheServersDataHoldsNoSecret(t *testing.T) {
	c := sharedCluster(t)
	f := newFixture(t, c)
	var secrets []string
	for range 5 {
		k := f.a.generate(t)
		secrets = append(secrets, f.a.copySecret(t, k.ID))
	}
	deleted := f.a.generate(t)
	secrets = append(secrets, f.a.copySecret(t, deleted.ID))
	if err := f.a.keys.Delete(f.a.member, deleted.ID); err != nil {
		t.Fatal(err)
	}
	c.stop() // everything written out
	files := 0
	for _, dir := range c.dirs {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			for _, s := range secrets {
				if bytes.Contains(raw, []byte(s)) {
					return errors.New(path + " holds a secret")
				}
			}
			if bytes.Contains(raw, []byte("AGE-SECRET-KEY-")) {
				return errors.New(path + " holds a member's identity")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 6 { // a WAL and a database per member, at least
		t.Fatalf("only %d files searched", files)
	}
}
