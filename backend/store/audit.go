package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"proofkeys/backend/audit"
)

// AppendEvent seals e after the last event and appends it, in the caller's transaction,
// so an event is recorded exactly when the change it describes is committed.
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
	return e, t.put(bucketAudit, binary.BigEndian.AppendUint64(nil, e.Seq), e)
}

// Events returns every event, oldest first, for which keep returns true.
func (t *Tx) Events(keep func(audit.Event) bool) ([]audit.Event, error) {
	var out []audit.Event
	err := each(t, bucketAudit, func(e audit.Event) error {
		if keep(e) {
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
