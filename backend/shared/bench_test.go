package shared_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/org"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
	"proofkeys/backend/vault/vaulttest"
)

// BenchmarkGenerate measures the Generate use case on a 3-member cluster that syncs every
// write to disk, as a server does (the pending step, then the record, its sealed secret
// and its signed event in one change), against the same two changes on the same
// organization with no seal and no audit event. The two alternate in every iteration,
// so that drift on a busy machine touches both alike; the ratio is reported as
// generate/bare.
func BenchmarkGenerate(b *testing.B) {
	f := newFixture(b, startCluster(b, 3, true))
	var generate, bare time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		f.a.generate(b)
		generate += time.Since(start)
		start = time.Now()
		bareGenerate(b, f.a, "key_bare_"+strconv.Itoa(i))
		bare += time.Since(start)
	}
	n := float64(b.N)
	b.ReportMetric(float64(generate.Microseconds())/n, "generate-µs/op")
	b.ReportMetric(float64(bare.Microseconds())/n, "bare-µs/op")
	b.ReportMetric(float64(generate)/float64(bare), "generate/bare")
}

// bareGenerate is Generate's two changes with their reads and the record alone: the
// permission check, the counter and the pending record, then the member and the active
// record.
func bareGenerate(b *testing.B, d *desktop, id string) {
	k := apikey.Key{ID: id, Environment: apikey.Production, State: apikey.Pending}
	err := d.org.Update(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(d.member, access.ManageKeys); err != nil {
			return err
		}
		seq, err := tx.NextKeySeq(k.Environment)
		k.Seq = seq
		if err != nil {
			return err
		}
		return tx.PutKey(k)
	})
	if err != nil {
		b.Fatal(err)
	}
	k.State = apikey.Active
	err = d.org.Update(func(tx *store.Tx) error {
		if _, err := tx.Member(d.member); err != nil {
			return err
		}
		return tx.PutKey(k)
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkClusterStart is the start of a 3-member cluster in the test process, until
// every member is ready (its stop is not timed).
func BenchmarkClusterStart(b *testing.B) {
	for b.Loop() {
		c := startCluster(b, 3, false)
		b.StopTimer()
		c.stop()
		b.StartTimer()
	}
}

// BenchmarkReplicaLag is the time from a generate returning on desktop A to the change
// being in desktop B's copy (what B's page shows), with its 95th percentile.
func BenchmarkReplicaLag(b *testing.B) {
	f := newFixture(b, startCluster(b, 3, true))
	d := f.join(b, f.a.member) // the Owner's second desktop: its own copy, following
	applied := make(chan int64, 1024)
	d.org.Applied = func(rev int64) { applied <- rev }
	probe := f.c.client(b)
	var lags []time.Duration
	for b.Loop() {
		f.a.generate(b)
		done := time.Now()
		want := headRevision(b, probe, f.prefix)
		for rev := int64(0); rev < want; {
			rev = <-applied
		}
		lags = append(lags, time.Since(done))
	}
	slices.Sort(lags)
	b.ReportMetric(float64(lags[len(lags)*95/100].Microseconds()), "p95-µs")
	b.ReportMetric(float64(lags[len(lags)/2].Microseconds()), "median-µs")
}

// headRevision is the revision of the organization's last change (the lag measured
// includes this read).
func headRevision(b *testing.B, c *clientv3.Client, prefix string) int64 {
	resp, err := c.Get(context.Background(), prefix+"head")
	if err != nil || len(resp.Kvs) == 0 {
		b.Fatal("no head", err)
	}
	return resp.Kvs[0].ModRevision
}

// BenchmarkFirstSync10k is a joining member's first full copy of an organization of
// 10,000 keys into an empty file: 10,000 keys and their events moved from a single
// desktop, then 100 keys generated on the server (signed events), on a 3-member cluster
// that syncs to disk. Each iteration is a new desktop's Open: the read of the whole
// organization, every event's check, and the file's commit.
func BenchmarkFirstSync10k(b *testing.B) {
	const moved, generated = 10_000, 100
	c := startCluster(b, 3, true)
	f := movedFixture(b, c, moved)
	for range generated {
		f.a.generate(b)
	}
	joiner := "mem_joiner"
	if err := f.a.org.Update(func(tx *store.Tx) error {
		return tx.PutMember(access.Member{ID: joiner, Name: "Jo", Role: access.Admin})
	}); err != nil {
		b.Fatal(err)
	}
	id := f.identity(b, joiner)
	client := c.client(b)
	for b.Loop() {
		b.StopTimer()
		local := openStore(b)
		b.StartTimer()
		o, err := shared.Open(client, f.prefix, local, id, joiner)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		checkFullCopy(b, o, moved+generated)
		b.StartTimer()
	}
}

// checkFullCopy checks that a copy holds n active keys and no flagged event.
func checkFullCopy(b *testing.B, o *shared.Org, n int) {
	err := o.View(func(tx *store.Tx) error {
		keys, err := tx.Keys(func(k apikey.Key) bool { return k.State == apikey.Active })
		if err != nil {
			return err
		}
		flags, err := tx.EventFlags()
		if len(keys) != n || len(flags) != 0 {
			return fmt.Errorf("%d keys (want %d), %d flagged events", len(keys), n, len(flags))
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}

// movedFixture is newFixture's organization with n keys made on its single desktop
// (written straight to its file, their secrets kept aside) before the move.
func movedFixture(b *testing.B, c *cluster, n int) *fixture {
	f := &fixture{c: c, prefix: "/proofkeys/" + b.Name() + "/", vault: vaulttest.New(b)}
	single := openStore(b)
	_, owner, err := org.New(single).Setup("Acme", "Olive Owner", "olive@example.com")
	if err != nil {
		b.Fatal(err)
	}
	enableAPI(b, single)
	secrets := seedKeys(b, single, owner, n)
	o, err := shared.Open(c.client(b), f.prefix, openStore(b), f.identity(b, owner.ID), owner.ID)
	if err != nil {
		b.Fatal(err)
	}
	if err := o.Migrate(single, secrets, owner.ID); err != nil {
		b.Fatal(err)
	}
	f.a = newDesktop(owner.ID, o)
	return f
}

// secretMap is secrets by key ID (shared.Secrets).
type secretMap map[string]string

func (m secretMap) Get(id string) (string, error) { return m[id], nil }

// seedKeys writes n active keys with their generate events into s, in one transaction.
func seedKeys(b *testing.B, s *store.Store, owner access.Member, n int) secretMap {
	secrets := secretMap{}
	err := s.Update(func(tx *store.Tx) error {
		for i := range n {
			secret, err := apikey.Generate(apikey.Production, rand.Reader)
			if err != nil {
				return err
			}
			p, err := apikey.Parse(secret)
			if err != nil {
				return err
			}
			seq, err := tx.NextKeySeq(p.Environment)
			if err != nil {
				return err
			}
			now := time.Now().UTC()
			k := apikey.Key{ID: fmt.Sprintf("key_seed_%05d", i), Seq: seq, Environment: p.Environment,
				Access: apikey.FullAccess, Fingerprint: p.Fingerprint, Last4: p.Last4, State: apikey.Active,
				Settings: apikey.DefaultSettings(fmt.Sprintf("Full access key %d", seq)), CreatedAt: now,
				CreatedBy: owner.ID, UpdatedAt: now}
			secrets[k.ID] = secret
			if err := tx.PutKey(k); err != nil {
				return err
			}
			if _, err := tx.AppendEvent(audit.Event{Time: now, Actor: owner.ID, ActorName: owner.Name,
				Action: audit.KeyGenerated, KeyID: k.ID, KeyName: k.Settings.Name}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return secrets
}
