package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"
)

// migrate brings a file of schema version from up to SchemaVersion, in Open's
// transaction: a failure leaves the file as it was.
//
// 1 to 2: key records and events from JSON to the binary form, and the index built from
// the events. Each bucket is written anew, in key order, so its pages are full (the old
// pages are free for what comes next; the file does not shrink). A record that cannot be
// read is kept as found: it stays an error its reader names, as it was before.
func migrate(t *Tx, from uint32) error {
	if from >= 2 {
		return nil
	}
	err := rewriteBucket(t.tx, bucketKeys, bolt.DefaultFillPercent, func(raw []byte) []byte {
		k, err := DecodeKey(raw)
		if err != nil {
			return raw
		}
		return EncodeKey(k)
	})
	if err != nil {
		return err
	}
	err = rewriteBucket(t.tx, bucketAudit, 1, func(raw []byte) []byte {
		e, err := DecodeEvent(0, "", raw)
		if err != nil {
			return raw
		}
		return EncodeEvent(e)
	})
	if err != nil {
		return err
	}
	return t.buildIndex()
}

// rewriteBucket replaces the bucket name with a new one holding convert's value of each
// record, filled up to fill.
func rewriteBucket(tx *bolt.Tx, name []byte, fill float64, convert func(raw []byte) []byte) error {
	type record struct{ k, v []byte }
	var all []record
	err := tx.Bucket(name).ForEach(func(k, raw []byte) error {
		all = append(all, record{bytes.Clone(k), bytes.Clone(convert(raw))})
		return nil
	})
	if err != nil {
		return err
	}
	if err := tx.DeleteBucket(name); err != nil {
		return err
	}
	b, err := tx.CreateBucket(name)
	if err != nil {
		return err
	}
	b.FillPercent = fill
	for _, r := range all {
		if err := b.Put(r.k, r.v); err != nil {
			return err
		}
	}
	return nil
}
