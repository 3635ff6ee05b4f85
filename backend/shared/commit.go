package shared

import (
	"context"

	clientv3 "go.etcd.io/etcd/client/v3"
)

// maxTries bounds the runs of a change that keeps meeting other desktops' changes.
const maxTries = 50

// write is one key the server is to write: its value, or nil to remove it.
type write struct {
	key   string
	value []byte
}

// plan is one change for the server: its writes, any condition beyond the head's, and
// the staged secrets and removals it settles.
type plan struct {
	writes  []write
	conds   []clientv3.Cmp
	sealed  []string
	removed []string
}

// commit sends the change build makes, on the condition that the organization did not
// change since the copy's revision build read; otherwise the copy catches up and build
// runs again. Once committed, the change is applied to the copy.
func (o *Org) commit(build func() (plan, error)) error {
	ctx, cancel := o.ctx()
	defer cancel()
	for range maxTries {
		base, err := o.revision()
		if err != nil {
			return err
		}
		p, err := build()
		if err != nil {
			if head, behind := o.behind(ctx, base); behind {
				if err := o.catchUp(ctx, head); err != nil {
					return err
				}
				continue
			}
			return err
		}
		if len(p.writes) == 0 {
			return nil // nothing for the server: an intent that stays on this desktop
		}
		ops := make([]clientv3.Op, 0, len(p.writes)+1)
		for _, w := range p.writes {
			if w.value == nil {
				ops = append(ops, clientv3.OpDelete(w.key))
			} else {
				ops = append(ops, clientv3.OpPut(w.key, string(w.value)))
			}
		}
		ops = append(ops, clientv3.OpPut(o.layout.head(), ""))
		conds := append([]clientv3.Cmp{clientv3.Compare(clientv3.ModRevision(o.layout.head()), "<", base+1)}, p.conds...)
		resp, err := o.client.Txn(ctx).If(conds...).Then(ops...).Else(clientv3.OpGet(o.layout.head())).Commit()
		if err != nil {
			return classify(err)
		}
		if resp.Succeeded {
			o.settled(p)
			return o.applyWrites(p.writes, resp.Header.Revision)
		}
		var head int64
		if kvs := resp.Responses[0].GetResponseRange().Kvs; len(kvs) > 0 {
			head = kvs[0].ModRevision
		}
		if head <= base {
			return ErrChangedElsewhere // the head held: one of the change's own conditions failed
		}
		if err := o.catchUp(ctx, head); err != nil {
			return err
		}
	}
	return ErrBusy
}

// settled forgets the secrets and removals a committed change sent to the server.
func (o *Org) settled(p plan) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, id := range p.sealed {
		delete(o.staged, id)
	}
	for _, id := range p.removed {
		delete(o.removing, id)
	}
}

// behind reports whether the server holds changes the copy at revision base lacks, and
// the head's revision: a change refused on the copy (a key not there yet) is rehearsed
// again once it caught up. A server that does not answer leaves the refusal as it is.
func (o *Org) behind(ctx context.Context, base int64) (int64, bool) {
	resp, err := o.client.Get(ctx, o.layout.head())
	if err != nil || len(resp.Kvs) == 0 {
		return 0, false
	}
	return resp.Kvs[0].ModRevision, resp.Kvs[0].ModRevision > base
}
