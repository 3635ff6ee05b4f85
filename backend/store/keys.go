package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/apikey"
)

// Key returns the key record with id.
func (t *Tx) Key(id string) (apikey.Key, error) {
	raw := t.tx.Bucket(bucketKeys).Get([]byte(id))
	if raw == nil {
		return apikey.Key{}, ErrNotFound
	}
	return readKey([]byte(id), raw)
}

// PutKey writes a key record.
func (t *Tx) PutKey(k apikey.Key) error {
	return t.write(bucketKeys, []byte(k.ID), EncodeKey(k))
}

// keySeqPrefix starts the names of the per-environment counters in the meta bucket.
const keySeqPrefix = "key_seq_"

// NextKeySeq returns the next number in env's creation order: 1 for its first key. It is
// a counter, not a count, so it costs the same with ten keys or ten thousand.
func (t *Tx) NextKeySeq(env apikey.Environment) (uint64, error) {
	name := []byte(keySeqPrefix + string(env))
	var n uint64
	if raw := t.tx.Bucket(bucketMeta).Get(name); len(raw) == 8 {
		n = binary.BigEndian.Uint64(raw)
	}
	n++
	return n, t.write(bucketMeta, name, binary.BigEndian.AppendUint64(nil, n))
}

// RemoveKey deletes a key record for good. Only recovery uses it, to undo a key that
// never became active; deleted keys keep their record.
func (t *Tx) RemoveKey(id string) error { return t.remove(bucketKeys, []byte(id)) }

// Keys returns every key record for which keep returns true; with keep nil, every one.
func (t *Tx) Keys(keep func(apikey.Key) bool) ([]apikey.Key, error) {
	b := t.tx.Bucket(bucketKeys)
	if keep == nil {
		return allKeys(b)
	}
	var out []apikey.Key
	err := b.ForEach(func(id, raw []byte) error {
		k, err := readKey(id, raw)
		if err == nil && keep(k) {
			out = append(out, k)
		}
		return err
	})
	return out, err
}

// allKeys reads every record of b, counted first and decoded in place: growing a slice
// of ten thousand records, or copying each into it, moves megabytes.
func allKeys(b *bolt.Bucket) ([]apikey.Key, error) {
	n, c := 0, b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	out := make([]apikey.Key, n)
	i := 0
	for id, raw := c.First(); id != nil; id, raw = c.Next() {
		if err := decodeKeyInto(&out[i], raw); err != nil {
			return nil, keyErr(id, err)
		}
		i++
	}
	return out, nil
}

func readKey(id, raw []byte) (apikey.Key, error) {
	k, err := DecodeKey(raw)
	if err != nil {
		return k, keyErr(id, err)
	}
	return k, nil
}

// keyErr says which key record could not be read.
func keyErr(id []byte, err error) error {
	return fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucketKeys, id, err)
}
