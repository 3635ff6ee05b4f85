package inventory

import (
	"errors"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// cache is what the last report read: every key record and the copies counted from the
// log, up to the event lastSeq. The next report reads only the events after it, re-reads
// the keys they name and counts their copies, so a report costs the same with a short log
// or a long one.
//
// It rests on a rule of the house: every change of a key record is committed with an
// audit event naming the key. The writes that have none (a pending intent, a delete that
// is still running or rolled back) leave no trace the inventory shows. A file that was
// replaced (a restore) is noticed by the hash of the last event read, and read afresh.
type cache struct {
	lastSeq  uint64
	lastHash string
	keys     []apikey.Key   // read in place by Build: copying ten thousand keys per call costs more than the rest
	at       map[string]int // index in keys by ID
	copies   map[string]Copies
}

var errStop = errors.New("stop")

// refresh brings c up to date in tx, or reads everything afresh when c is nil or no
// longer fits the file.
func (c *cache) refresh(tx *store.Tx) (*cache, error) {
	if c == nil || !c.fits(tx) {
		return load(tx)
	}
	err := tx.EventsSince(c.lastSeq, func(e audit.Event) error {
		c.lastSeq, c.lastHash = e.Seq, e.Hash
		if e.Action == audit.KeyCopied {
			c.count(e)
		}
		if e.KeyID == "" {
			return nil
		}
		k, err := tx.Key(e.KeyID)
		if errors.Is(err, store.ErrNotFound) {
			c.remove(e.KeyID)
			return nil
		}
		c.put(k)
		return err
	})
	return c, err
}

// fits reports whether the event c read last is still in the log, unchanged.
func (c *cache) fits(tx *store.Tx) bool {
	if c.lastSeq == 0 {
		_, any, err := tx.LastEvent()
		return err == nil && !any
	}
	found := false
	_ = tx.EventsSince(c.lastSeq-1, func(e audit.Event) error {
		found = e.Seq == c.lastSeq && e.Hash == c.lastHash
		return errStop
	})
	return found
}

// load reads every key and every copy event.
func load(tx *store.Tx) (*cache, error) {
	keys, err := tx.Keys(func(apikey.Key) bool { return true })
	if err != nil {
		return nil, err
	}
	c := &cache{keys: keys, at: make(map[string]int, len(keys)), copies: map[string]Copies{}}
	for i, k := range keys {
		c.at[k.ID] = i
	}
	err = tx.EventsSince(0, func(e audit.Event) error { c.count(e); return nil }, audit.KeyCopied)
	if err != nil {
		return nil, err
	}
	last, any, err := tx.LastEvent()
	if any {
		c.lastSeq, c.lastHash = last.Seq, last.Hash
	}
	return c, err
}

func (c *cache) count(e audit.Event) {
	n := c.copies[e.KeyID]
	n.Count++
	if !e.Time.Before(n.LastAt) {
		n.LastAt, n.LastBy = e.Time, e.ActorName
	}
	c.copies[e.KeyID] = n
}

func (c *cache) put(k apikey.Key) {
	if i, ok := c.at[k.ID]; ok {
		c.keys[i] = k
		return
	}
	c.at[k.ID] = len(c.keys)
	c.keys = append(c.keys, k)
}

// remove drops a key whose record is gone, moving the last key into its place.
func (c *cache) remove(id string) {
	i, ok := c.at[id]
	if !ok {
		return
	}
	last := len(c.keys) - 1
	c.keys[i] = c.keys[last]
	c.at[c.keys[i].ID] = i
	c.keys = c.keys[:last]
	delete(c.at, id)
}
