package store

import (
	"encoding/binary"
	"fmt"
	"slices"

	"proofkeys/backend/audit"
)

// EventsSince calls fn with every event after seq, oldest first. With actions given, it
// decodes in full only events of those actions: the others are passed over after reading
// the start of their record.
func (t *Tx) EventsSince(seq uint64, fn func(audit.Event) error, actions ...audit.Action) error {
	b, err := t.wholeLog()
	if err != nil {
		return err
	}
	// The event before the current one, whose hash is the current one's previous hash:
	// taken from the last event decoded, or read from its record when it was passed over.
	var prevRaw []byte
	prevHash, known := "", seq == 0
	if seq > 0 {
		prevRaw = b.Get(seqKey(seq))
	}
	c := b.Cursor()
	for k, raw := c.Seek(seqKey(seq + 1)); k != nil; k, raw = c.Next() {
		if !known && prevRaw != nil {
			prevHash = hashOf(prevRaw)
		}
		prevRaw, known = raw, false
		if len(actions) > 0 {
			head, err := peekEvent(raw)
			if err == nil && !slices.Contains(actions, head.Action) {
				continue
			}
		}
		e, err := decodeAt(k, prevHash, raw)
		if err != nil {
			return err
		}
		prevHash, known = e.Hash, true
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// LastEvent returns the newest event, and false when the log is empty.
func (t *Tx) LastEvent() (audit.Event, bool, error) {
	c := t.tx.Bucket(bucketAudit).Cursor()
	k, raw := c.Last()
	if k == nil {
		return audit.Event{}, false, nil
	}
	_, before := c.Prev()
	e, err := readEvent(k, before, raw)
	return e, err == nil, err
}

// readEvent decodes the event raw stored under k, after the event before (nil for the
// first), or returns an ErrCorrupt naming its number.
func readEvent(k, before, raw []byte) (audit.Event, error) {
	prevHash := ""
	if before != nil {
		prevHash = hashOf(before)
	}
	return decodeAt(k, prevHash, raw)
}

// decodeAt decodes the event raw stored under k, whose previous hash is prevHash.
func decodeAt(k []byte, prevHash string, raw []byte) (audit.Event, error) {
	seq := binary.BigEndian.Uint64(k)
	e, err := DecodeEvent(seq, prevHash, raw)
	if err != nil {
		return e, fmt.Errorf("%w: audit/%d: %w", ErrCorrupt, seq, err)
	}
	return e, nil
}

// peekEvent reads what filters look at (time, actor, action, key ID) and no more. Its
// strings are the record's bytes in place, not copies (a scan of a hundred thousand events
// would otherwise make three hundred thousand strings to throw away): they are valid only
// in the transaction, so the event must be looked at and never kept.
func peekEvent(raw []byte) (audit.Event, error) {
	if isJSON(raw) {
		return DecodeEvent(0, "", raw)
	}
	d := dec{raw: raw, inPlace: true}
	e := eventHead(&d)
	return e, d.err
}
