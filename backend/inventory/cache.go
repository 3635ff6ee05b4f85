package inventory

import (
	"errors"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// cache is what the last report read: every key record and the copies of each that the
// store's index of the log holds, up to the event lastSeq. The next report reads only the
// events after it and re-reads the keys they name with their copies, so a report after a
// change costs what the change touched.
//
// It rests on a rule of the house: every change of a key record is committed with an
// audit event naming the key. The writes that have none (a pending intent, a delete that
// is still running or rolled back) leave no trace the inventory shows. A file that was
// replaced (a restore) is noticed by the hash of the last event read, and read afresh.
type cache struct {
	lastSeq  uint64
	lastHash string
	keys     []apikey.Key   // read in place by Build: copying ten thousand keys per call costs more than the rest
	at       map[string]int // index in keys by ID, made at the first change (see index)
	copies   []audit.Copies // of each key, in keys' order
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
		if e.KeyID == "" {
			return nil
		}
		k, err := tx.Key(e.KeyID)
		if errors.Is(err, store.ErrNotFound) {
			c.remove(e.KeyID)
			return nil
		}
		if err != nil {
			return err
		}
		i := c.put(k)
		c.copies[i], err = tx.KeyCopies(k.ID)
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

// load reads every key and the copies of each; no event but the last.
func load(tx *store.Tx) (*cache, error) {
	keys, copies, err := tx.KeysAndCopies()
	if err != nil {
		return nil, err
	}
	c := &cache{keys: keys, copies: copies}
	last, any, err := tx.LastEvent()
	if any {
		c.lastSeq, c.lastHash = last.Seq, last.Hash
	}
	return c, err
}

// index is where each key is in keys, by ID. It is made at the first change rather than
// at load: a report read once (the command line's) never needs it.
func (c *cache) index() map[string]int {
	if c.at == nil {
		c.at = make(map[string]int, len(c.keys))
		for i, k := range c.keys {
			c.at[k.ID] = i
		}
	}
	return c.at
}

// put writes k in place of the key with its ID, or adds it, and returns where it is.
func (c *cache) put(k apikey.Key) int {
	at := c.index()
	if i, ok := at[k.ID]; ok {
		c.keys[i] = k
		return i
	}
	at[k.ID] = len(c.keys)
	c.keys, c.copies = append(c.keys, k), append(c.copies, audit.Copies{})
	return len(c.keys) - 1
}

// remove drops a key whose record is gone, moving the last key into its place.
func (c *cache) remove(id string) {
	at := c.index()
	i, ok := at[id]
	if !ok {
		return
	}
	last := len(c.keys) - 1
	c.keys[i], c.copies[i] = c.keys[last], c.copies[last]
	at[c.keys[i].ID] = i
	c.keys, c.copies = c.keys[:last], c.copies[:last]
	delete(at, id)
}
