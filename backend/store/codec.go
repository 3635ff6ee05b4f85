package store

import (
	"cmp"
	"encoding/binary"
	"errors"
	"time"
	"unsafe"
)

// Audit events and key records are read by the ten thousand (the inventory, the Audit
// page), so they are kept in a compact binary form rather than JSON: decoding it costs a
// fraction of encoding/json's reflection, and the file holds a third of the bytes. Each
// such record starts with a format byte that is never '{', so a record of schema 1 (JSON)
// is told apart from it. Strings are a length (uvarint) and their bytes; times are Unix
// seconds, nanoseconds and the zone's offset, which keeps the offset an event's hash covers.

// errShort: a binary record ends before its last field.
var errShort = errors.New("record cut short")

// enc appends fields to a record.
type enc []byte

func (b enc) uint(n uint64) enc { return binary.AppendUvarint(b, n) }
func (b enc) int(n int64) enc   { return binary.AppendVarint(b, n) }
func (b enc) str(s string) enc  { return append(b.uint(uint64(len(s))), s...) }

func (b enc) bool(v bool) enc {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func (b enc) time(t time.Time) enc {
	_, offset := t.Zone()
	return b.int(t.Unix()).uint(uint64(t.Nanosecond())).int(int64(offset))
}

// dec reads fields in the order enc wrote them. The first failure sticks, so a record is
// read field by field and its error checked once at the end.
type dec struct {
	raw []byte
	err error
	// inPlace makes str return strings that share raw's bytes: a copy of the record that
	// nothing changes (DecodeKey), or bbolt's own for strings never kept (peekEvent).
	inPlace bool
}

// uint reads an unsigned varint. Nearly every one is a length or a small number held in
// one byte, read here in line; the others go through uvarint. Decoding was mostly these
// calls: ten thousand keys of some thirty fields each.
func (d *dec) uint() uint64 {
	if raw := d.raw; len(raw) > 0 && raw[0] < 0x80 {
		d.raw = raw[1:]
		return uint64(raw[0])
	}
	return d.uvarint()
}

func (d *dec) uvarint() uint64 {
	n, w := binary.Uvarint(d.raw)
	if w <= 0 {
		d.fail()
		return 0
	}
	d.raw = d.raw[w:]
	return n
}

// int reads a signed (zig-zag) varint, one byte in line as uint does.
func (d *dec) int() int64 {
	if raw := d.raw; len(raw) > 0 && raw[0] < 0x80 {
		d.raw = raw[1:]
		return int64(raw[0]>>1) ^ -int64(raw[0]&1)
	}
	return d.varint()
}

func (d *dec) varint() int64 {
	n, w := binary.Varint(d.raw)
	if w <= 0 {
		d.fail()
		return 0
	}
	d.raw = d.raw[w:]
	return n
}

// fail records that the record is cut short, unless it failed before, and drops the rest
// of it: every read after a failure fails too, so the first one sticks.
func (d *dec) fail() {
	d.err, d.raw = cmp.Or(d.err, errShort), nil
}

// bytes returns the next string's bytes in place, without a copy.
func (d *dec) bytes() []byte {
	n := d.uint()
	if n > uint64(len(d.raw)) {
		d.fail()
		return nil
	}
	b := d.raw[:n]
	d.raw = d.raw[n:]
	return b
}

func (d *dec) str() string {
	b := d.bytes()
	if d.inPlace && len(b) > 0 {
		return unsafe.String(&b[0], len(b))
	}
	return string(b)
}

// oneOf reads a string that is usually one of known, and returns that constant instead of
// a copy: ten thousand records then share their few distinct values.
func oneOf[S ~string](d *dec, known ...S) string {
	b := d.bytes()
	for _, s := range known {
		if string(b) == string(s) {
			return string(s)
		}
	}
	return string(b)
}

func (d *dec) bool() bool {
	if len(d.raw) == 0 {
		d.fail()
		return false
	}
	v := d.raw[0] != 0
	d.raw = d.raw[1:]
	return v
}

func (d *dec) time() time.Time {
	sec, nsec, offset := d.int(), d.uint(), d.int()
	if d.err != nil || nsec >= uint64(time.Second) {
		d.fail()
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	if offset == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", int(offset)))
}

// end reports the first failure, or a record longer than its fields.
func (d *dec) end() error {
	if d.err == nil && len(d.raw) > 0 {
		return errors.New("record has bytes after its last field")
	}
	return d.err
}
