package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/audit"
)

// AppendEvent seals e after the last event and appends it, in the caller's transaction,
// so an event is recorded exactly when the change it describes is committed. It records
// the new event as the log's head too, and brings the index up to date (index.go).
func (t *Tx) AppendEvent(e audit.Event) (audit.Event, error) {
	b := t.tx.Bucket(bucketAudit)
	// Events are only ever added at the end: full pages waste nothing, where bbolt's
	// default (half-full pages, for inserts in between) would double the file.
	b.FillPercent = 1
	var prev *audit.Event
	if k, raw := b.Cursor().Last(); k != nil {
		prev = &audit.Event{Seq: binary.BigEndian.Uint64(k), Hash: hashOf(raw)}
		if prev.Hash == "" {
			return e, fmt.Errorf("%w: last audit event: no hash", ErrCorrupt)
		}
	}
	e = audit.Seal(e, prev)
	key, raw := seqKey(e.Seq), EncodeEvent(e)
	t.note(bucketAudit, key, raw)
	return e, t.appendAt(b, key, e, raw)
}

// appendAt stores the sealed event e, encoded as raw, under key at the log's end, with
// the head and the index that follow it.
func (t *Tx) appendAt(b *bolt.Bucket, key []byte, e audit.Event, raw []byte) error {
	if err := t.put(bucketMeta, keyAuditHead, audit.Head{Seq: e.Seq, Hash: e.Hash}); err != nil {
		return err
	}
	if err := b.Put(key, raw); err != nil {
		return err
	}
	return t.index(e)
}

// AuditLog returns every event, oldest first, with the head recorded at the last append
// (none in a log without events). An unreadable event is an ErrCorrupt naming its number.
func (t *Tx) AuditLog() (audit.Log, error) {
	var log audit.Log
	err := t.EventsSince(0, func(e audit.Event) error { log.Events = append(log.Events, e); return nil })
	if err != nil {
		return log, err
	}
	if err := t.get(bucketMeta, keyAuditHead, &log.Head); err != nil && !errors.Is(err, ErrNotFound) {
		return log, err
	}
	return log, nil
}
