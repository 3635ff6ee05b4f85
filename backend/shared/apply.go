package shared

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"

	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// applier writes the server's changes into the copy, checking every event on the way
// (check.go).
type applier struct {
	o    *Org
	tx   *store.Tx
	last *audit.Event // the copy's last event, as it grows
	// recordRev is, in a full copy, the revision of each member's record (by ID) and of
	// the organization's (""): records as they are now, not as they were at each event.
	// nil when the copy follows the server revision by revision.
	recordRev map[string]int64
	// movedOK caches the moved history's check: its signature, once verified, holds for
	// every event it covers.
	movedOK map[string]bool
}

func newApplier(o *Org, tx *store.Tx, recordRev map[string]int64) (*applier, error) {
	a := &applier{o: o, tx: tx, recordRev: recordRev, movedOK: map[string]bool{}}
	last, ok, err := tx.LastEvent()
	if ok {
		a.last = &last
	}
	return a, err
}

// revision applies the entries of one server revision (or, in a full copy, every
// entry): the records and keys it keeps for itself first, its events checked against the
// copy as it stood before the revision, then all in one go.
func (a *applier) revision(entries []entry) error {
	var changes []store.Change
	var events []entry
	for _, e := range entries {
		bucket, key, isRecord := a.o.layout.split(e.key)
		switch {
		case e.key == a.o.layout.moved():
			if err := a.tx.SetLocal(localMoved, e.value); err != nil {
				return err
			}
		case strings.HasPrefix(e.key, a.o.layout.signers()):
			if err := a.tx.SetLocal(localSigner+strings.TrimPrefix(e.key, a.o.layout.signers()), e.value); err != nil {
				return err
			}
		case !isRecord || !store.IsShared(bucket, key):
		case bucket == store.BucketAudit:
			events = append(events, e)
		case validRecord(bucket, e.value):
			changes = append(changes, store.Change{Bucket: bucket, Key: key, Value: e.value})
			a.noteRecord(bucket, key, e.rev)
		}
	}
	if a.recordRev != nil { // a full copy: the records first, the events against them
		if err := a.tx.Apply(changes); err != nil {
			return err
		}
		changes = nil
	}
	for _, e := range events {
		c, ok, err := a.event(e)
		if err != nil {
			return err
		}
		if ok {
			changes = append(changes, c)
		}
	}
	return a.tx.Apply(changes)
}

// noteRecord remembers, in a full copy, the revision of a member's or the organization's record.
func (a *applier) noteRecord(bucket string, key []byte, rev int64) {
	switch {
	case a.recordRev == nil:
	case bucket == store.BucketMembers:
		a.recordRev[string(key)] = rev
	case bucket == store.BucketOrg:
		a.recordRev[""] = rev
	}
}

// validRecord reports whether a record can be read: one that cannot (written to the
// server by something other than proofkeys) is left out, and the copy keeps what it had.
func validRecord(bucket string, value []byte) bool {
	switch {
	case value == nil:
		return true
	case bucket == store.BucketKeys:
		_, err := store.DecodeKey(value)
		return err == nil
	case bucket == store.BucketOrg || bucket == store.BucketMembers:
		return json.Valid(value)
	}
	return true
}

// event checks one event and returns it for the copy; an event that fails a check is
// kept and flagged. One that cannot be kept (unreadable, or in the place of an event the
// copy has) is flagged at its number and left out.
func (a *applier) event(e entry) (store.Change, bool, error) {
	_, key, _ := a.o.layout.split(e.key)
	if len(key) != 8 || e.value == nil {
		return store.Change{}, false, nil
	}
	seq := binary.BigEndian.Uint64(key)
	if a.last != nil && seq <= a.last.Seq {
		return store.Change{}, false, a.tx.FlagEvent(seq, "the server holds another event in its place; this computer keeps the one it had")
	}
	sig, raw, signErr := unsign(e.value)
	if errors.Is(signErr, errNotSigned) {
		raw = e.value
	}
	prevHash := ""
	if a.last != nil {
		prevHash = a.last.Hash
	}
	ev, err := store.DecodeEvent(seq, prevHash, raw)
	if err != nil {
		return store.Change{}, false, a.tx.FlagEvent(seq, "the server holds an event that cannot be read here")
	}
	why := a.check(ev, e.rev, sig, key, raw, signErr)
	if why != "" {
		if err := a.tx.FlagEvent(seq, why); err != nil {
			return store.Change{}, false, err
		}
	}
	a.last = &ev
	return store.Change{Bucket: store.BucketAudit, Key: key, Value: raw}, true, nil
}

// moved returns the moved history's record, if the organization was moved.
func (a *applier) moved() (movedRecord, bool) {
	var m movedRecord
	raw := a.tx.Local(localMoved)
	return m, raw != nil && json.Unmarshal(raw, &m) == nil
}
