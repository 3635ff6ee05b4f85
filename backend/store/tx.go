package store

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Tx is a transaction over the app's buckets. Records are typed by the accessors in
// org.go, members.go and keys.go.
type Tx struct {
	tx *bolt.Tx
	// changes, when set, receives every record a shared organization keeps (Rehearse).
	changes *[]Change
	// newestEventOnly: the store was opened by OpenForKeys (see wholeLog).
	newestEventOnly bool
	// oneGoroutine: records are decoded on the calling goroutine (OneGoroutine).
	oneGoroutine bool
}

// OneGoroutine returns t reading on the calling goroutine only, where it would decode
// thousands of records in goroutines of their own. For a read at low priority: a
// thread's priority is its own, so those goroutines would run at the normal one; and
// spread over two processors, reading 10,000 keys cost about 40 ms more processor time
// in all than on one (docs/BENCHMARKS.md), time a window starting beside it needs.
func (t *Tx) OneGoroutine() *Tx {
	c := *t
	c.oneGoroutine = true
	return &c
}

// errNewestEventOnly: a read of older events in a store opened by OpenForKeys.
var errNewestEventOnly = errors.New("the audit log was opened for its newest event only, as the inventory reads it: open it with OpenReadOnly to read its events")

// wholeLog is the audit log, for a read of any of its events but through LastEvent.
// OpenForKeys checks only the pages a read of the newest events follows, so such a read
// refuses in its transactions: bbolt would follow unchecked pages.
func (t *Tx) wholeLog() (*bolt.Bucket, error) {
	if t.newestEventOnly {
		return nil, errNewestEventOnly
	}
	return t.tx.Bucket(bucketAudit), nil
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
