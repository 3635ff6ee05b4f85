package keys_test

import (
	"crypto/rand"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/apikey"
	"proofkeys/backend/vault"
)

// BenchmarkGenerate measures the Generate use case (two database commits, the intent and
// the activation, around one vault write) against its floor: one raw vault write of a
// secret plus one raw bbolt update of a record of the same size. The two alternate in
// every iteration, on the same vault and disk, so that drift on a busy machine touches
// both alike; the ratio is reported as generate/raw.
func BenchmarkGenerate(b *testing.B) {
	fx := newFixture(b)
	db, err := bolt.Open(filepath.Join(b.TempDir(), "raw.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	record, _ := json.Marshal(apikey.Key{ID: "key_0123456789abcdef", Settings: apikey.DefaultSettings("Full access key 1")})

	var generate, raw time.Duration
	for b.Loop() {
		start := time.Now()
		k, err := fx.svc.Generate(fx.owner, apikey.Production)
		generate += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		removeSecret(b, fx.vault, k.ID)

		start = time.Now()
		id := rawWrite(b, fx.vault, db, record)
		raw += time.Since(start)
		removeSecret(b, fx.vault, id)
	}
	n := float64(b.N)
	b.ReportMetric(float64(generate.Microseconds())/n, "generate-µs/op")
	b.ReportMetric(float64(raw.Microseconds())/n, "raw-µs/op")
	b.ReportMetric(float64(generate)/float64(raw), "generate/raw")
}

func rawWrite(b *testing.B, v *vault.Vault, db *bolt.DB, record []byte) string {
	secret, _ := apikey.Generate(apikey.Production, rand.Reader)
	id, _ := apikey.NewID("key_", rand.Reader)
	if err := v.Set(id, secret, "raw benchmark"); err != nil {
		b.Fatal(err)
	}
	err := db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists([]byte("keys"))
		if err != nil {
			return err
		}
		return bk.Put([]byte(id), record)
	})
	if err != nil {
		b.Fatal(err)
	}
	return id
}

// removeSecret keeps the vault at its starting size: the Secret Service slows down as its
// collection grows, which would tilt the comparison toward whichever ran first.
func removeSecret(b *testing.B, v *vault.Vault, id string) {
	if err := v.Delete(id); err != nil {
		b.Fatal(err)
	}
}
