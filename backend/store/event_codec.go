package store

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"proofkeys/backend/audit"
)

// An event is stored without its number and its previous hash: the number is its key in
// the bucket and the previous hash is the hash of the event before it, so both are set
// again when it is read, and the hash computed over them is the one sealed at the append.
// Keeping them out changes nothing Verify can tell: an event moved, removed or edited
// still gets a hash that differs from the one it holds.
//
// Layout: formatEvent, the hash (hashRaw and 32 bytes, or hashText and a string for a
// hash that is not 64 hex digits, kept as found), then time, actor, action and key ID
// (what filters read, so a filter stops there), then actor name, key name, detail,
// environment and the changes (a count, then field, old and new of each).
const (
	formatEvent byte = 0xE1
	hashRaw     byte = 0
	hashText    byte = 1
)

// EncodeEvent is e as the audit bucket stores it. Tools that repair or inspect a file use
// it with DecodeEvent; the app appends with Tx.AppendEvent.
func EncodeEvent(e audit.Event) []byte {
	b := enc{formatEvent}
	if raw, err := hex.DecodeString(e.Hash); err == nil && len(raw) == 32 && hex.EncodeToString(raw) == e.Hash {
		b = append(append(b, hashRaw), raw...)
	} else {
		b = append(b, hashText).str(e.Hash)
	}
	b = b.time(e.Time).str(e.Actor).str(string(e.Action)).str(e.KeyID).
		str(e.ActorName).str(e.KeyName).str(e.Detail).str(e.Environment).uint(uint64(len(e.Changes)))
	for _, c := range e.Changes {
		b = b.str(c.Field).str(c.Old).str(c.New)
	}
	return b
}

// DecodeEvent reads the event numbered seq, whose predecessor's hash is prevHash ("" for
// the first event). A schema 1 event (JSON) is read as it was written.
func DecodeEvent(seq uint64, prevHash string, raw []byte) (audit.Event, error) {
	if isJSON(raw) {
		var e audit.Event
		return e, json.Unmarshal(raw, &e)
	}
	d := dec{raw: raw}
	e := eventHead(&d)
	e.Seq, e.PrevHash, e.Hash = seq, prevHash, hashOf(raw)
	e.ActorName, e.KeyName, e.Detail, e.Environment = d.str(), d.str(), d.str(), d.str()
	switch n := d.uint(); {
	case n > uint64(len(d.raw)): // each change takes at least a byte
		d.err = cmp.Or(d.err, errShort)
	case n > 0:
		e.Changes = make([]audit.Change, n)
		for i := range e.Changes {
			e.Changes[i] = audit.Change{Field: d.str(), Old: d.str(), New: d.str()}
		}
	}
	return e, d.end()
}

// eventHead reads what filters look at: time, actor, action and key ID, and leaves d
// after them.
func eventHead(d *dec) audit.Event {
	raw := d.raw
	var e audit.Event
	switch {
	case len(raw) < 2 || raw[0] != formatEvent:
		d.err = fmt.Errorf("unknown event format")
	case raw[1] == hashRaw && len(raw) >= 34:
		d.raw = raw[34:]
	case raw[1] == hashText:
		d.raw = raw[2:]
		d.bytes()
	default:
		d.err = errShort
	}
	e.Time, e.Actor, e.Action, e.KeyID = d.time(), d.str(), audit.Action(d.str()), d.str()
	return e
}

// hashOf is the hash an event holds, read without the rest of it ("" when unreadable:
// the event's own decode reports why).
func hashOf(raw []byte) string {
	switch {
	case isJSON(raw):
		var e struct{ Hash string }
		_ = json.Unmarshal(raw, &e)
		return e.Hash
	case len(raw) >= 34 && raw[1] == hashRaw:
		return hex.EncodeToString(raw[2:34])
	case len(raw) >= 2 && raw[1] == hashText:
		d := dec{raw: raw[2:]}
		return d.str()
	}
	return ""
}

func isJSON(raw []byte) bool { return len(raw) > 0 && raw[0] == '{' }

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }
