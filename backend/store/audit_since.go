package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"proofkeys/backend/audit"
)

// EventsSince calls fn with every event after seq, oldest first. With actions given, it
// decodes only events of those actions: the others are passed over by a byte search of
// their JSON, which keeps a scan of a long log cheap (the inventory reads the copies out
// of a hundred thousand events this way). The search is only a filter: what it lets
// through is decoded and checked.
func (t *Tx) EventsSince(seq uint64, fn func(audit.Event) error, actions ...audit.Action) error {
	needles := make([][]byte, len(actions))
	for i, a := range actions {
		needles[i] = []byte(`"action":"` + string(a) + `"`)
	}
	c := t.tx.Bucket(bucketAudit).Cursor()
	for k, raw := c.Seek(binary.BigEndian.AppendUint64(nil, seq+1)); k != nil; k, raw = c.Next() {
		if len(needles) > 0 && !containsAny(raw, needles) {
			continue
		}
		var e audit.Event
		if err := json.Unmarshal(raw, &e); err != nil {
			return fmt.Errorf("%w: audit/%d: %w", ErrCorrupt, binary.BigEndian.Uint64(k), err)
		}
		if len(actions) > 0 && !matches(e.Action, actions) {
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// LastEvent returns the newest event, and false when the log is empty.
func (t *Tx) LastEvent() (audit.Event, bool, error) {
	var e audit.Event
	_, raw := t.tx.Bucket(bucketAudit).Cursor().Last()
	if raw == nil {
		return e, false, nil
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		return e, false, fmt.Errorf("%w: last audit event: %w", ErrCorrupt, err)
	}
	return e, true, nil
}

func containsAny(raw []byte, needles [][]byte) bool {
	for _, n := range needles {
		if bytes.Contains(raw, n) {
			return true
		}
	}
	return false
}

func matches(a audit.Action, actions []audit.Action) bool {
	for _, want := range actions {
		if a == want {
			return true
		}
	}
	return false
}
