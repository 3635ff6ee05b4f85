package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// A shared organization (package shared) keeps its records on a server and a copy of
// them in a file of this package on each desktop. Its use cases run on that copy as they
// run on a single desktop's file: Rehearse runs one in a transaction that is thrown away
// and returns the records it wrote, which the organization sends to its server; Apply
// writes records the server committed into the copy, with what follows from them (the
// log's head, its index). The records travel in the form the file keeps them, so the copy
// reads them with the same code, and nothing here knows of the server.

// The buckets whose records a shared organization keeps, by the names the server uses.
const (
	BucketMeta    = "meta" // the per-environment key counters only
	BucketOrg     = "org"
	BucketMembers = "members"
	BucketKeys    = "keys"
	BucketAudit   = "audit" // events by number (8 bytes, big-endian), as EncodeEvent writes them
)

// Change is one record a transaction wrote, as the file keeps it.
type Change struct {
	Bucket string
	Key    []byte
	Value  []byte // nil: the record was removed
}

var (
	// ErrNotShared means a change names a record a shared organization does not keep.
	ErrNotShared = errors.New("not a record of a shared organization")
	// errRehearsal rolls a rehearsal back once its changes are noted.
	errRehearsal = errors.New("rehearsal done")
	// bucketFlags holds, for a copy of a shared organization, what its checks found
	// wrong with an event, by the event's number.
	bucketFlags = []byte("event_flags")
)

// localPrefix starts the meta keys a copy keeps for itself (SetLocal).
const localPrefix = "local_"

// Rehearse runs fn in a read-write transaction that is rolled back whatever fn returns;
// in it, Tx.Changes lists what fn wrote so far. fn's error is returned as is.
func (s *Store) Rehearse(fn func(*Tx) error) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := fn(&Tx{tx: tx, changes: &[]Change{}}); err != nil {
			return err
		}
		return errRehearsal
	})
	if errors.Is(err, errRehearsal) {
		return nil
	}
	return err
}

// Changes lists, in a rehearsal, the records of a shared organization written so far, in
// order; nil in any other transaction.
func (t *Tx) Changes() []Change {
	if t.changes == nil {
		return nil
	}
	return *t.changes
}

// note records a write for a rehearsal, when it is of a record a shared organization keeps.
func (t *Tx) note(bucket, key, value []byte) {
	if t.changes == nil || !IsShared(string(bucket), key) {
		return
	}
	*t.changes = append(*t.changes, Change{Bucket: string(bucket), Key: bytes.Clone(key), Value: bytes.Clone(value)})
}

// IsShared reports whether the record key of bucket is one a shared organization keeps.
func IsShared(bucket string, key []byte) bool {
	switch bucket {
	case BucketOrg, BucketMembers, BucketKeys:
		return true
	case BucketAudit:
		return len(key) == 8
	case BucketMeta:
		return strings.HasPrefix(string(key), keySeqPrefix)
	}
	return false
}

// Apply writes changes a shared organization's server committed: records in place, and
// events at the log's end with its head and index. An event must come after the last one.
func (t *Tx) Apply(changes []Change) error {
	for _, c := range changes {
		if !IsShared(c.Bucket, c.Key) {
			return fmt.Errorf("%w: %s/%q", ErrNotShared, c.Bucket, c.Key)
		}
		if err := t.apply(c); err != nil {
			return err
		}
	}
	return nil
}

func (t *Tx) apply(c Change) error {
	b := t.tx.Bucket([]byte(c.Bucket))
	switch {
	case c.Bucket == BucketAudit:
		return t.appendRaw(c.Key, c.Value)
	case c.Value == nil:
		return b.Delete(c.Key)
	case c.Bucket == BucketKeys:
		if _, err := readKey(c.Key, c.Value); err != nil {
			return err
		}
	}
	return b.Put(c.Key, c.Value)
}

// appendRaw appends an event another desktop sealed, kept byte for byte.
func (t *Tx) appendRaw(key, raw []byte) error {
	if raw == nil {
		return fmt.Errorf("%w: audit events are never removed", ErrNotShared)
	}
	b := t.tx.Bucket(bucketAudit)
	b.FillPercent = 1
	seq, prevHash := binary.BigEndian.Uint64(key), ""
	if k, last := b.Cursor().Last(); k != nil {
		if binary.BigEndian.Uint64(k) >= seq {
			return fmt.Errorf("%w: audit/%d comes before the log's end", ErrCorrupt, seq)
		}
		prevHash = hashOf(last)
	}
	e, err := decodeAt(key, prevHash, raw)
	if err != nil {
		return err
	}
	return t.appendAt(b, key, e, raw)
}

// Local returns what a copy keeps for itself under name (nil when nothing).
func (t *Tx) Local(name string) []byte {
	return bytes.Clone(t.tx.Bucket(bucketMeta).Get([]byte(localPrefix + name)))
}

// SetLocal keeps value under name for this copy: it never leaves the file.
func (t *Tx) SetLocal(name string, value []byte) error {
	return t.tx.Bucket(bucketMeta).Put([]byte(localPrefix+name), value)
}

// FlagEvent records why the event seq failed a check when it was applied. The event is
// kept and shown; the flag says not to trust it.
func (t *Tx) FlagEvent(seq uint64, why string) error {
	b, err := t.tx.CreateBucketIfNotExists(bucketFlags)
	if err != nil {
		return err
	}
	return b.Put(seqKey(seq), []byte(why))
}

// EventFlags returns why each flagged event failed its check, by event number.
func (t *Tx) EventFlags() (map[uint64]string, error) {
	out := map[uint64]string{}
	b := t.tx.Bucket(bucketFlags)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return fmt.Errorf("%w: %s/%q", ErrCorrupt, bucketFlags, k)
		}
		out[binary.BigEndian.Uint64(k)] = string(v)
		return nil
	})
	return out, err
}

// ClearShared empties what a copy of a shared organization holds (its records, the log
// with its head and index, the flags and what it keeps for itself), before a full copy.
func (t *Tx) ClearShared() error {
	for _, name := range [][]byte{bucketOrg, bucketMembers, bucketKeys, bucketAudit, bucketCopies, bucketNames, bucketFlags} {
		if err := t.tx.DeleteBucket(name); err != nil && !errors.Is(err, bolterrors.ErrBucketNotFound) {
			return err
		}
		if _, err := t.tx.CreateBucket(name); err != nil {
			return err
		}
	}
	meta := t.tx.Bucket(bucketMeta)
	var drop [][]byte
	err := meta.ForEach(func(k, _ []byte) error {
		if string(k) == string(keyAuditHead) || strings.HasPrefix(string(k), keySeqPrefix) ||
			strings.HasPrefix(string(k), localPrefix) {
			drop = append(drop, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range drop {
		if err == nil {
			err = meta.Delete(k)
		}
	}
	return err
}

// SharedRecords calls fn with every record a shared organization keeps, as the file
// keeps them: the organization, its members, the key counters, the keys, then the
// events in order. A move to a server sends them.
func (t *Tx) SharedRecords(fn func(Change) error) error {
	for _, bucket := range []string{BucketOrg, BucketMembers, BucketMeta, BucketKeys, BucketAudit} {
		err := t.tx.Bucket([]byte(bucket)).ForEach(func(k, v []byte) error {
			if !IsShared(bucket, k) {
				return nil
			}
			return fn(Change{Bucket: bucket, Key: bytes.Clone(k), Value: bytes.Clone(v)})
		})
		if err != nil {
			return err
		}
	}
	return nil
}
