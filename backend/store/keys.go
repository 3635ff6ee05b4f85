package store

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/apikey"
)

// Key returns the key record with id.
func (t *Tx) Key(id string) (apikey.Key, error) {
	raw := t.tx.Bucket(bucketKeys).Get([]byte(id))
	if raw == nil {
		return apikey.Key{}, ErrNotFound
	}
	return readKey([]byte(id), raw)
}

// PutKey writes a key record.
func (t *Tx) PutKey(k apikey.Key) error {
	return t.write(bucketKeys, []byte(k.ID), EncodeKey(k))
}

// keySeqPrefix starts the names of the per-environment counters in the meta bucket.
const keySeqPrefix = "key_seq_"

// NextKeySeq returns the next number in env's creation order: 1 for its first key. It is
// a counter, not a count, so it costs the same with ten keys or ten thousand.
func (t *Tx) NextKeySeq(env apikey.Environment) (uint64, error) {
	name := []byte(keySeqPrefix + string(env))
	var n uint64
	if raw := t.tx.Bucket(bucketMeta).Get(name); len(raw) == 8 {
		n = binary.BigEndian.Uint64(raw)
	}
	n++
	return n, t.write(bucketMeta, name, binary.BigEndian.AppendUint64(nil, n))
}

// RemoveKey deletes a key record for good. Only recovery uses it, to undo a key that
// never became active; deleted keys keep their record.
func (t *Tx) RemoveKey(id string) error { return t.remove(bucketKeys, []byte(id)) }

// Keys returns every key record for which keep returns true; with keep nil, every one.
func (t *Tx) Keys(keep func(apikey.Key) bool) ([]apikey.Key, error) {
	out, err := keysIn(t.tx.Bucket(bucketKeys), nil)
	if err != nil || keep == nil {
		return out, err
	}
	return slices.DeleteFunc(out, func(k apikey.Key) bool { return !keep(k) }), nil
}

// KeysWhere returns the keys for which wants returns true, copying only those out of the
// file: recovery looks for the few keys left pending or deleting, the expiry for the
// replaced keys whose grace period is over, the API Keys list for the live keys of one
// environment, among thousands. wants sees each key read in place: it must not keep the
// key or its strings.
func (t *Tx) KeysWhere(wants func(*apikey.Key) bool) ([]apikey.Key, error) {
	out, err := keysIn(t.tx.Bucket(bucketKeys), wants)
	// A record that could not be peeked into was decoded whole: it is kept if it matches.
	return slices.DeleteFunc(out, func(k apikey.Key) bool { return !wants(&k) }), err
}

// keysIn reads the records of b that wants lets through by a peek (peekKey; every record
// when wants is nil, and one that cannot be peeked into): found first, then decoded in
// place, in parts at once (one per processor the process may use). Appending ten thousand
// records to a growing slice one by one moved megabytes and took a third of the API Keys
// list's reading; records do not depend on each other.
func keysIn(b *bolt.Bucket, wants func(*apikey.Key) bool) ([]apikey.Key, error) {
	var ids, raws [][]byte  // bbolt's own bytes, valid for the transaction
	peek := new(apikey.Key) // one for every record: wants makes it escape to the heap
	c := b.Cursor()
	for id, raw := c.First(); id != nil; id, raw = c.Next() {
		if wants != nil {
			*peek = apikey.Key{}
			if peekKey(raw, peek) && !wants(peek) {
				continue
			}
		}
		ids, raws = append(ids, id), append(raws, raw)
	}
	out := make([]apikey.Key, len(raws))
	parts := max(1, min(runtime.GOMAXPROCS(0), len(raws)/minKeysPart))
	errs, faults := make([]error, parts), make([]any, parts)
	// The parts read the mapped file as the caller would: a fault (the file cut short by
	// another program) panics in them if it would in the caller, and is raised again in
	// the caller, whose recover (cli.Run's) then says so instead of the process crashing.
	onFault := debug.SetPanicOnFault(true)
	debug.SetPanicOnFault(onFault)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			defer func() { faults[p] = recover() }()
			debug.SetPanicOnFault(onFault)
			for i := len(raws) * p / parts; i < len(raws)*(p+1)/parts; i++ {
				if err := decodeKeyInto(&out[i], raws[i]); err != nil {
					errs[p] = keyErr(ids[i], err)
					return
				}
			}
		})
	}
	wg.Wait()
	for p := range parts { // the first damaged record in key order, as one pass would find
		if faults[p] != nil {
			panic(faults[p])
		}
		if errs[p] != nil {
			return nil, errs[p]
		}
	}
	return out, nil
}

// minKeysPart is the fewest key records worth decoding in another goroutine.
const minKeysPart = 512

func readKey(id, raw []byte) (apikey.Key, error) {
	k, err := DecodeKey(raw)
	if err != nil {
		return k, keyErr(id, err)
	}
	return k, nil
}

// keyErr says which key record could not be read.
func keyErr(id []byte, err error) error {
	return fmt.Errorf("%w: %s/%s: %w", ErrCorrupt, bucketKeys, id, err)
}

// count is how many records b holds, for sizing what they are read into.
func count(b *bolt.Bucket) int {
	n, c := 0, b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	return n
}
