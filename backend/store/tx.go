package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Tx is a transaction over the app's buckets. Records are typed by the accessors in
// org.go, members.go and keys.go.
type Tx struct {
	tx *bolt.Tx
	// changes, when set, receives every record a shared organization keeps (Rehearse).
	changes *[]Change
}

func (t *Tx) get(bucket, id []byte, v any) error {
	raw := t.tx.Bucket(bucket).Get(id)
	if raw == nil {
		return ErrNotFound
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucket, id, err)
	}
	return nil
}

func (t *Tx) put(bucket, id []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s/%s: %w", bucket, id, err)
	}
	return t.write(bucket, id, raw)
}

// each decodes every record of bucket, in key order, into a fresh T and passes it to fn.
func each[T any](t *Tx, bucket []byte, fn func(T) error) error {
	return t.tx.Bucket(bucket).ForEach(func(id, raw []byte) error {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucket, id, err)
		}
		return fn(v)
	})
}

// write puts a record, and notes it for a rehearsal.
func (t *Tx) write(bucket, key, value []byte) error {
	t.note(bucket, key, value)
	return t.tx.Bucket(bucket).Put(key, value)
}

// remove deletes a record, and notes it for a rehearsal.
func (t *Tx) remove(bucket, key []byte) error {
	t.note(bucket, key, nil)
	return t.tx.Bucket(bucket).Delete(key)
}
