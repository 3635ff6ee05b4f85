package store

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
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
	out, err := t.keysIn(t.tx.Bucket(bucketKeys), nil)
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
	out, err := t.keysIn(t.tx.Bucket(bucketKeys), wants)
	// A record that could not be peeked into was decoded whole: it is kept if it matches.
	return slices.DeleteFunc(out, func(k apikey.Key) bool { return !wants(&k) }), err
}

// EachKey calls visit with every key record, in ID order, read in place: visit must not
// keep the key or its strings. It copies no record out of the file, so a walk of
// thousands of keys costs a fraction of reading them (the API Keys list's first screen
// needs a few keys and counts of the others).
func (t *Tx) EachKey(visit func(*apikey.Key)) error {
	k := new(apikey.Key) // one for every record: visit makes it escape to the heap
	c := t.tx.Bucket(bucketKeys).Cursor()
	for id, raw := c.First(); id != nil; id, raw = c.Next() {
		*k = apikey.Key{}
		if !peekKey(raw, k) {
			whole, err := readKey(id, raw)
			if err != nil {
				return err
			}
			*k = whole
		}
		visit(k)
	}
	return nil
}

// KeysAndCopies returns every key record and, in the same order, the copies of each (none
// for a key never copied): what the inventory reads. The copies index is read while the
// records are decoded, its 4 ms of 10,000 keys beside theirs rather than after.
func (t *Tx) KeysAndCopies() ([]apikey.Key, []audit.Copies, error) {
	ids, raws := wanted(t.tx.Bucket(bucketKeys), nil)
	keys := make([]apikey.Key, len(raws))
	var copies []audit.Copies
	var copiesErr error
	err := t.decodeKeys(keys, ids, raws, func() { copies, copiesErr = t.copiesOf(ids) })
	if err = cmp.Or(err, copiesErr); err != nil {
		return nil, nil, err
	}
	return keys, copies, nil
}

// keysIn reads the records of b that wants lets through by a peek (peekKey; every record
// when wants is nil, and one that cannot be peeked into): found first, then decoded in
// place, in parts at once. Appending ten thousand records to a growing slice one by one
// moved megabytes and took a third of the API Keys list's reading.
func (t *Tx) keysIn(b *bolt.Bucket, wants func(*apikey.Key) bool) ([]apikey.Key, error) {
	ids, raws := wanted(b, wants)
	out := make([]apikey.Key, len(raws))
	if err := t.decodeKeys(out, ids, raws); err != nil {
		return nil, err
	}
	return out, nil
}

// wanted returns the IDs and records of b, in ID order, that wants lets through by a peek
// (every record when wants is nil). Both are bbolt's own bytes, valid for the transaction.
func wanted(b *bolt.Bucket, wants func(*apikey.Key) bool) (ids, raws [][]byte) {
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
	return ids, raws
}

// decodeKeys decodes raws, the records of ids, into out, in parts at once beside the
// other reads also (one after the other when t reads on one goroutine): records do not
// depend on each other. It returns the first damaged record in key order, as one pass
// would.
func (t *Tx) decodeKeys(out []apikey.Key, ids, raws [][]byte, also ...func()) error {
	// Four parts a processor the process may use: goroutines are not time-shared finely,
	// so with one a processor, what ran beside them (the copies index's read) ran alone
	// at the end (1.5 ms of 10,000 keys on two processors).
	parts := max(1, min(4*runtime.GOMAXPROCS(0), len(raws)/minKeysPart))
	if t.oneGoroutine {
		parts = 1
	}
	errs := make([]error, parts)
	reads := also
	for p := range parts {
		reads = append(reads, func() {
			from, to := len(raws)*p/parts, len(raws)*(p+1)/parts
			// The part's records are copied into one block, which their keys' strings
			// share: one allocation rather than one a key (a tenth of the decoding).
			copies := make([]byte, 0, sizeOf(raws[from:to]))
			for i := from; i < to; i++ {
				at := len(copies)
				copies = append(copies, raws[i]...)
				if err := decodeOwnKey(&out[i], copies[at:len(copies):len(copies)]); err != nil {
					errs[p] = keyErr(ids[i], err)
					return
				}
			}
		})
	}
	if t.oneGoroutine {
		for _, read := range reads {
			read()
		}
	} else {
		atOnce(reads...)
	}
	return cmp.Or(errs...)
}

// sizeOf is the bytes of raws together.
func sizeOf(raws [][]byte) (n int) {
	for _, raw := range raws {
		n += len(raw)
	}
	return n
}

// atOnce runs each of reads in a goroutine of its own and returns when all are done. At
// most one of them calls bbolt (KeysAndCopies' index read); the others decode bytes
// already found, so a writable transaction, whose lookups bbolt caches, is safe too.
// They read the mapped file as the caller would: a fault (the file cut short by another
// program) panics in them if it would in the caller, and is raised again in the caller,
// whose recover (cli.Run's) then says so instead of the process crashing.
func atOnce(reads ...func()) {
	onFault := debug.SetPanicOnFault(true)
	debug.SetPanicOnFault(onFault)
	faults := make([]any, len(reads))
	var wg sync.WaitGroup
	for i, read := range reads {
		wg.Go(func() {
			defer func() { faults[i] = recover() }()
			debug.SetPanicOnFault(onFault)
			read()
		})
	}
	wg.Wait()
	for _, f := range faults {
		if f != nil {
			panic(f)
		}
	}
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
