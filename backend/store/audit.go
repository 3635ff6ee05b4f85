package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"proofkeys/backend/audit"
)

// AppendEvent seals e after the last event and appends it, in the caller's transaction,
// so an event is recorded exactly when the change it describes is committed. It records
// the new event as the log's head too.
func (t *Tx) AppendEvent(e audit.Event) (audit.Event, error) {
	b := t.tx.Bucket(bucketAudit)
	var prev *audit.Event
	if _, raw := b.Cursor().Last(); raw != nil {
		var last audit.Event
		if err := json.Unmarshal(raw, &last); err != nil {
			return e, fmt.Errorf("%w: last audit event: %w", ErrCorrupt, err)
		}
		prev = &last
	}
	e = audit.Seal(e, prev)
	if err := t.put(bucketMeta, keyAuditHead, audit.Head{Seq: e.Seq, Hash: e.Hash}); err != nil {
		return e, err
	}
	return e, t.put(bucketAudit, binary.BigEndian.AppendUint64(nil, e.Seq), e)
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
