package store

import (
	"bytes"
	"fmt"
	"slices"

	"proofkeys/backend/audit"
)

// The index holds what readers of the whole log need, kept up to date by AppendEvent in
// the same transaction as each event, so that the inventory and the Audit page's filters
// read a record per key or member instead of every event: their cost no longer grows
// with the history. Schema 1 files have no index: a read-only reader of one (the command
// line before the app has opened the folder) gets the same answers from a scan of the
// events, and Open builds the index from that same scan when it migrates the file.
var (
	bucketCopies = []byte("key_copies")  // key ID → its audit.Copies
	bucketNames  = []byte("audit_names") // a kind byte and an ID → the latest name in the log
)

// Kinds of the names the log holds.
const (
	nameMember byte = 'm' // actor ID → the actor's name
	nameKey    byte = 'k' // key ID → the key's name
	nameAction byte = 'a' // action → itself
)

// AuditNames is what the whole log names: the choices of the Audit page's filters.
type AuditNames struct {
	Members map[string]string // actor ID → the latest name the log has for them
	Keys    map[string]string // key ID → the latest name the log has for it
	Actions []audit.Action    // in name order
}

func (n *AuditNames) add(e audit.Event) {
	n.Members[e.Actor] = e.ActorName
	if e.KeyID != "" {
		n.Keys[e.KeyID] = e.KeyName
	}
	if !slices.Contains(n.Actions, e.Action) {
		n.Actions = append(n.Actions, e.Action)
	}
}

// index records e in the index, in the transaction that appends it.
func (t *Tx) index(e audit.Event) error {
	if e.Action == audit.KeyCopied && e.KeyID != "" {
		b := t.tx.Bucket(bucketCopies)
		c, err := decodeCopies(b.Get([]byte(e.KeyID)))
		if err != nil {
			return fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucketCopies, e.KeyID, err)
		}
		if err := b.Put([]byte(e.KeyID), encodeCopies(c.Add(e))); err != nil {
			return err
		}
	}
	if err := t.putName(nameMember, e.Actor, e.ActorName); err != nil {
		return err
	}
	if e.KeyID != "" {
		if err := t.putName(nameKey, e.KeyID, e.KeyName); err != nil {
			return err
		}
	}
	return t.putName(nameAction, string(e.Action), string(e.Action))
}

// putName writes a name only when it changed: most events name who and what the events
// before them named, and an unchanged page is not written again.
func (t *Tx) putName(kind byte, id, name string) error {
	b := t.tx.Bucket(bucketNames)
	k := append([]byte{kind}, id...)
	if old := b.Get(k); old != nil && bytes.Equal(old, []byte(name)) {
		return nil
	}
	return b.Put(k, []byte(name))
}

// Copies returns the copies of every key whose secret was copied, by key ID.
func (t *Tx) Copies() (map[string]audit.Copies, error) {
	b := t.tx.Bucket(bucketCopies)
	if b == nil {
		copies, _, err := t.scanIndex()
		return copies, err
	}
	out := make(map[string]audit.Copies, count(b)) // sized once: growing rehashes every key
	err := b.ForEach(func(id, raw []byte) error {
		c, err := decodeCopies(raw)
		if err != nil {
			return fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucketCopies, id, err)
		}
		out[string(id)] = c
		return nil
	})
	return out, err
}

// copiesOf returns the copies of each key of ids, IDs in order as the keys bucket holds
// them (none for a key never copied): matched with the index in one pass beside it,
// rather than each looked up, or all of them put in a map first.
func (t *Tx) copiesOf(ids [][]byte) ([]audit.Copies, error) {
	out := make([]audit.Copies, len(ids))
	b := t.tx.Bucket(bucketCopies)
	if b == nil {
		all, _, err := t.scanIndex()
		for i, id := range ids {
			out[i] = all[string(id)]
		}
		return out, err
	}
	c := b.Cursor()
	id, raw := c.First()
	for i, want := range ids {
		for id != nil && bytes.Compare(id, want) < 0 {
			id, raw = c.Next()
		}
		if !bytes.Equal(id, want) {
			continue
		}
		var err error
		if out[i], err = decodeCopies(raw); err != nil {
			return nil, fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucketCopies, id, err)
		}
	}
	return out, nil
}

// KeyCopies returns the copies of the key id (none when it was never copied).
func (t *Tx) KeyCopies(id string) (audit.Copies, error) {
	b := t.tx.Bucket(bucketCopies)
	if b == nil {
		copies, _, err := t.scanIndex()
		return copies[id], err
	}
	c, err := decodeCopies(b.Get([]byte(id)))
	if err != nil {
		return c, fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucketCopies, id, err)
	}
	return c, nil
}

// AuditNames returns the members, keys and actions the whole log names.
func (t *Tx) AuditNames() (AuditNames, error) {
	b := t.tx.Bucket(bucketNames)
	if b == nil {
		_, names, err := t.scanIndex()
		return names, err
	}
	n := AuditNames{Members: map[string]string{}, Keys: map[string]string{}}
	err := b.ForEach(func(k, v []byte) error {
		switch id := string(k[1:]); k[0] {
		case nameMember:
			n.Members[id] = string(v)
		case nameKey:
			n.Keys[id] = string(v)
		case nameAction:
			n.Actions = append(n.Actions, audit.Action(id))
		}
		return nil
	})
	return n, err
}

// scanIndex makes the index from the events. An event that cannot be read is passed over:
// it counts nothing, and `audit verify` names it.
func (t *Tx) scanIndex() (map[string]audit.Copies, AuditNames, error) {
	copies := map[string]audit.Copies{}
	names := AuditNames{Members: map[string]string{}, Keys: map[string]string{}}
	log, err := t.wholeLog()
	if err != nil {
		return nil, names, err
	}
	err = log.ForEach(func(_, raw []byte) error {
		e, err := DecodeEvent(0, "", raw)
		if err != nil {
			return nil
		}
		if e.Action == audit.KeyCopied && e.KeyID != "" {
			copies[e.KeyID] = copies[e.KeyID].Add(e)
		}
		names.add(e)
		return nil
	})
	slices.Sort(names.Actions)
	return copies, names, err
}

// buildIndex writes the index of the whole log, for a file that has none.
func (t *Tx) buildIndex() error {
	copies, names, err := t.scanIndex()
	if err != nil {
		return err
	}
	for id, c := range copies {
		if err := t.tx.Bucket(bucketCopies).Put([]byte(id), encodeCopies(c)); err != nil {
			return err
		}
	}
	for kind, m := range map[byte]map[string]string{nameMember: names.Members, nameKey: names.Keys} {
		for id, name := range m {
			if err := t.putName(kind, id, name); err != nil {
				return err
			}
		}
	}
	for _, a := range names.Actions {
		if err := t.putName(nameAction, string(a), string(a)); err != nil {
			return err
		}
	}
	return nil
}

func encodeCopies(c audit.Copies) []byte {
	return enc{}.uint(uint64(c.Count)).time(c.LastAt).str(c.LastBy)
}

// decodeCopies reads a copies record; no record is no copies.
func decodeCopies(raw []byte) (audit.Copies, error) {
	if raw == nil {
		return audit.Copies{}, nil
	}
	d := dec{raw: raw}
	c := audit.Copies{Count: int(d.uint()), LastAt: d.time(), LastBy: d.str()}
	return c, d.end()
}
