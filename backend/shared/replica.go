package shared

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/store"
)

// What the copy keeps for itself (store.Tx.SetLocal).
const (
	localRevision = "shared_revision" // the server revision the copy holds
	localMoved    = "shared_moved"    // the movedRecord, if the organization was moved
	localSigner   = "shared_signer_"  // and a member ID: that member's signing key
)

// retryAfter is how long Follow waits before it reaches for a server that was away.
const retryAfter = time.Second

// errCompacted: the server no longer has the changes since the copy's revision.
var errCompacted = errors.New("the server's history was compacted past this copy")

// entry is one key the server wrote at a revision: its value, or nil when removed.
type entry struct {
	key   string
	value []byte
	rev   int64
}

// revision is the server revision the copy holds; 0 before its first copy.
func (o *Org) revision() (int64, error) {
	var rev int64
	err := o.local.View(func(tx *store.Tx) error {
		rev = revisionIn(tx)
		return nil
	})
	return rev, err
}

func revisionIn(tx *store.Tx) int64 {
	if raw := tx.Local(localRevision); len(raw) == 8 {
		return int64(binary.BigEndian.Uint64(raw))
	}
	return 0
}

func setRevision(tx *store.Tx, rev int64) error {
	return tx.SetLocal(localRevision, binary.BigEndian.AppendUint64(nil, uint64(rev)))
}

// Sync brings the copy up to date with the server: in full when it holds nothing yet
// (or the server's history no longer reaches back to it), otherwise from its revision.
func (o *Org) Sync(ctx context.Context) error {
	rev, err := o.revision()
	if err != nil || rev == 0 {
		return errors.Join(err, o.copyAll(ctx))
	}
	resp, err := o.client.Get(ctx, o.layout.head())
	if err != nil {
		return classify(err)
	}
	if len(resp.Kvs) == 0 {
		return nil
	}
	err = o.catchUp(ctx, resp.Kvs[0].ModRevision)
	if errors.Is(err, errCompacted) {
		return o.copyAll(ctx)
	}
	return err
}

// Follow applies the server's changes to the copy as they are committed, until ctx ends;
// the page shows another desktop's change within a moment. While the server is away it
// waits (the copy stays readable); a copy too old for the server's history is made again.
func (o *Org) Follow(ctx context.Context) error {
	for ctx.Err() == nil {
		err := o.catchUp(ctx, -1)
		if errors.Is(err, errCompacted) {
			err = o.copyAll(ctx)
		}
		if err != nil && !errors.Is(err, ErrUnreachable) {
			return err
		}
		select { // the server is away, or the watch ended: try again in a moment
		case <-ctx.Done():
		case <-time.After(retryAfter):
		}
	}
	return ctx.Err()
}

// catchUp applies the server's changes after the copy's revision until it holds target
// (-1: until ctx ends). Each watch response is one transaction of the copy, made of whole
// revisions, so the copy never holds half a change.
func (o *Org) catchUp(ctx context.Context, target int64) error {
	rev, err := o.revision()
	if err != nil || (target >= 0 && rev >= target) {
		return err
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watch := o.client.Watch(clientv3.WithRequireLeader(wctx), o.layout.prefix,
		clientv3.WithRange(o.layout.end()), clientv3.WithRev(rev+1))
	for resp := range watch {
		if resp.CompactRevision != 0 {
			return errCompacted
		}
		if err := resp.Err(); err != nil {
			return classify(err)
		}
		if len(resp.Events) == 0 {
			continue
		}
		entries := make([]entry, len(resp.Events))
		for i, ev := range resp.Events {
			entries[i] = entry{key: string(ev.Kv.Key), value: ev.Kv.Value, rev: ev.Kv.ModRevision}
			if ev.Type == clientv3.EventTypeDelete {
				entries[i].value = nil
			}
		}
		last := entries[len(entries)-1].rev
		if err := o.apply(entries, last); err != nil {
			return err
		}
		if target >= 0 && last >= target {
			return nil
		}
	}
	return classify(errors.Join(ctx.Err(), context.Canceled))
}

// applyWrites applies a change this desktop committed at rev, unless the copy has it.
func (o *Org) applyWrites(writes []write, rev int64) error {
	entries := make([]entry, len(writes))
	for i, w := range writes {
		entries[i] = entry{key: w.key, value: w.value, rev: rev}
	}
	return o.apply(entries, rev)
}

// apply writes the entries of the revisions the copy does not hold yet, a revision at a
// time and checked (applier), and records upTo as the copy's revision.
func (o *Org) apply(entries []entry, upTo int64) error {
	applied := false
	err := o.local.Update(func(tx *store.Tx) error {
		from := revisionIn(tx)
		if upTo <= from {
			return nil
		}
		a, err := newApplier(o, tx, nil)
		if err != nil {
			return err
		}
		for start := 0; start < len(entries); {
			end := start + 1
			for end < len(entries) && entries[end].rev == entries[start].rev {
				end++
			}
			if entries[start].rev > from {
				if err := a.revision(entries[start:end]); err != nil {
					return err
				}
			}
			start = end
		}
		applied = true
		return setRevision(tx, upTo)
	})
	if err != nil {
		return fmt.Errorf("update the copy on this computer: %w", err)
	}
	if applied && o.Applied != nil {
		o.Applied(upTo)
	}
	return nil
}

// copyAll replaces the copy with the server's organization, read at one revision: what
// keeps the history's checks first (signing keys, the moved history), then the records,
// then the events in order.
func (o *Org) copyAll(ctx context.Context) error {
	resp, err := o.client.Get(ctx, o.layout.prefix, clientv3.WithRange(o.layout.end()))
	if err != nil {
		return classify(err)
	}
	entries := make([]entry, 0, len(resp.Kvs))
	for _, kv := range resp.Kvs {
		if !strings.HasPrefix(string(kv.Key), o.layout.sealedAll()) { // envelopes stay on the server
			entries = append(entries, entry{key: string(kv.Key), value: kv.Value, rev: kv.ModRevision})
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return o.layout.order(a.key) - o.layout.order(b.key) })
	err = o.local.Update(func(tx *store.Tx) error {
		if err := tx.ClearShared(); err != nil {
			return err
		}
		a, err := newApplier(o, tx, map[string]int64{})
		if err != nil {
			return err
		}
		if err := a.revision(entries); err != nil {
			return err
		}
		return setRevision(tx, resp.Header.Revision)
	})
	if err != nil {
		return fmt.Errorf("copy the organization to this computer: %w", err)
	}
	if o.Applied != nil {
		o.Applied(resp.Header.Revision)
	}
	return nil
}
