package shared

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/seal"
	"proofkeys/backend/store"
)

// Timeout bounds one change, catch-ups and retries included. A leader election on a
// healthy cluster takes about a second; a server that is down fails the change in time to
// tell the person.
const Timeout = 10 * time.Second

// Org is one desktop's view of a shared organization: its store (Update, View) and its
// vault (SetKey, Get, Delete) in one, because a new secret is sealed in the change that
// makes its key active. Make one with Open or Join.
type Org struct {
	// Timeout bounds each change and each Get; Open sets the package's Timeout.
	Timeout time.Duration
	// Applied, when set, is called after changes from the server are in the copy, with
	// the server's revision: the app refreshes the page.
	Applied func(revision int64)

	client   *clientv3.Client
	layout   layout
	local    *store.Store
	identity seal.Identity
	member   string // this desktop's member; "" before it joins

	mu       sync.Mutex
	staged   map[string]string // key ID -> secret awaiting its activation (SetKey)
	removing map[string]bool   // key IDs whose envelope goes with their deletion (Delete)
}

// Open returns the organization under prefix on the cluster of client, as seen by
// memberID whose identity is on this desktop, with local as its copy (a store file of
// its own, never a single desktop's database). It brings the copy up to date first: in
// full the first time, then from the last revision it applied. When the server cannot be
// reached the Org is returned with ErrUnreachable: its copy is readable, and Follow
// catches up once the server is back.
func Open(client *clientv3.Client, prefix string, local *store.Store, identity seal.Identity, memberID string) (*Org, error) {
	return OpenWithin(Timeout, client, prefix, local, identity, memberID)
}

// OpenWithin is Open with the first catch-up bounded by wait instead of Timeout: a desktop
// that starts while its server is away opens its copy after wait, and Follow finishes a
// catch-up cut short.
func OpenWithin(wait time.Duration, client *clientv3.Client, prefix string, local *store.Store, identity seal.Identity, memberID string) (*Org, error) {
	o := &Org{
		Timeout: Timeout, client: client, layout: layout{prefix: prefix}, local: local,
		identity: identity, member: memberID, staged: map[string]string{}, removing: map[string]bool{},
	}
	ctx, cancel := context.WithTimeout(client.Ctx(), wait)
	defer cancel()
	return o, o.Sync(ctx)
}

// Update runs fn as one change of the organization: rehearsed on the copy, then sent to
// the server. fn may run several times, after a catch-up with another desktop's change.
func (o *Org) Update(fn func(*store.Tx) error) error { return o.commit(o.rehearsal(fn)) }

// rehearsal is the change fn makes, rehearsed on the copy, with extra writes beside it.
func (o *Org) rehearsal(fn func(*store.Tx) error, extra ...write) func() (plan, error) {
	return func() (plan, error) {
		var p plan
		err := o.local.Rehearse(func(tx *store.Tx) error {
			err := fn(tx)
			if err == nil {
				p, err = o.plan(tx, tx.Changes())
			}
			return err
		})
		p.writes = append(p.writes, extra...)
		return p, err
	}
}

// View runs fn on the copy on this desktop.
func (o *Org) View(fn func(*store.Tx) error) error { return o.local.View(fn) }

func (o *Org) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(o.client.Ctx(), o.Timeout)
}

// classify tells a server that cannot be reached from other errors, which keep their
// own sentinels (store's, access's, the use cases').
func classify(err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || isUnavailable(err) {
		return fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	return err
}
