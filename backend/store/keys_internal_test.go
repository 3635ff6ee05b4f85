package store

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/apikey"
)

// Every key is decoded in parts at once (or on the reading goroutine, for a read at low
// priority): the keys come back as one pass reads them, in order, and a damaged record is
// named as one pass would name it, the first in order.
func TestAllKeysInPartsReadAsOnePass(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	s, err := Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Update(func(tx *Tx) error {
		for i := range 3 * minKeysPart {
			k := apikey.Key{ID: fmt.Sprintf("key_%05d", i), Environment: apikey.Sandbox, State: apikey.Active,
				Settings: apikey.DefaultSettings(fmt.Sprintf("Key %d", i)), CreatedBy: "mem_1"}
			if err := tx.PutKey(k); err != nil {
				return err
			}
		}
		return nil
	}))
	require.NoError(t, s.View(func(tx *Tx) error {
		all, err := tx.Keys(nil)
		require.NoError(t, err)
		onePass, err := tx.Keys(func(apikey.Key) bool { return true })
		require.NoError(t, err)
		assert.Equal(t, onePass, all)
		var alone []apikey.Key
		made := goroutinesMadeBy(func() { alone, err = tx.OneGoroutine().Keys(nil) })
		require.NoError(t, err)
		assert.Equal(t, all, alone)
		assert.Zero(t, made, "read on one goroutine")
		assert.Positive(t, goroutinesMadeBy(func() { _, _ = tx.Keys(nil) }), "read in parts at once")
		return nil
	}))

	require.NoError(t, s.db.Update(func(tx *bolt.Tx) error {
		for _, id := range []string{"key_01000", "key_01400"} { // in the second and third parts
			if err := tx.Bucket(bucketKeys).Put([]byte(id), []byte{formatKey, 0xFF}); err != nil {
				return err
			}
		}
		return nil
	}))
	require.NoError(t, s.View(func(tx *Tx) error {
		for _, tx := range []*Tx{tx, tx.OneGoroutine()} {
			_, err := tx.Keys(nil)
			assert.ErrorIs(t, err, ErrCorrupt)
			assert.ErrorContains(t, err, "keys/key_01000:")
		}
		return nil
	}))
}

// goroutinesMadeBy runs f and returns how many goroutines the process made meanwhile.
func goroutinesMadeBy(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(sample)
	before := sample[0].Value.Uint64()
	f()
	metrics.Read(sample)
	return sample[0].Value.Uint64() - before
}
