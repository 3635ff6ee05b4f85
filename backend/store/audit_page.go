package store

import (
	"encoding/binary"

	"proofkeys/backend/audit"
)

// EventPage returns the events that pass f, newest first, from the offset-th to at most
// limit of them, and how many pass in all. It reads every event's start to filter and
// count, and decodes in full only the events of the page.
func (t *Tx) EventPage(f audit.Filter, offset, limit int) ([]audit.Event, int, error) {
	b, err := t.wholeLog()
	if err != nil {
		return nil, 0, err
	}
	c := b.Cursor()
	var page []audit.Event
	total := 0
	every := f == audit.Filter{} // the first page as the Audit page opens: every event passes
	for k, raw := c.Last(); k != nil; k, raw = c.Prev() {
		if !every {
			head, err := peekEvent(raw)
			if err != nil {
				_, err = readEvent(k, nil, raw) // the same error, naming the event
				return nil, 0, err
			}
			if !f.Match(head) {
				continue
			}
		}
		total++
		if total <= offset || len(page) >= limit {
			continue
		}
		var before []byte
		if seq := binary.BigEndian.Uint64(k); seq > 1 {
			before = b.Get(seqKey(seq - 1))
		}
		e, err := readEvent(k, before, raw)
		if err != nil {
			return nil, 0, err
		}
		page = append(page, e)
	}
	return page, total, nil
}
