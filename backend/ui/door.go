package ui

import (
	"context"
	"errors"
	"log"
	"time"

	"proofkeys/backend/inventory"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/scan"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// ErrStarting means a call waited for start-up longer than Options.StartWait.
var ErrStarting = errors.New("proofkeys is still starting")

// services are the opened stores and the use cases over them. They exist only after
// start-up has opened the data and finished recovery.
type services struct {
	store     *store.Store
	vault     *vault.Vault
	orgs      *org.Service
	keys      *keys.Service
	inventory *inventory.Service
	scan      *scan.Service
	// shared is the shared organization this desktop follows, or nil for a single
	// desktop's (then store is its database, else the copy of the shared organization).
	shared *sharedOrg
	// keyLists keeps the API Keys list read for each environment while the data is unchanged.
	keyLists keyLists
}

// services is the one door to the opened services: it waits for start-up (bounded), then
// returns them, or the reason opening failed. Every bound method that needs the data goes
// through here.
func (c *core) services() (*services, error) {
	select {
	case <-c.ready:
	case <-time.After(c.opt.StartWait):
		return nil, ErrStarting
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.svc, c.openErr
}

// with runs f with the opened services, or returns why there are none.
func with[T any](c *core, f func(*services) (T, error)) (T, error) {
	s, err := c.services()
	if err != nil {
		var zero T
		return zero, err
	}
	return f(s)
}

// openAndStart opens the data and, when that worked, starts the background work.
func (c *core) openAndStart(ctx context.Context) error {
	s, err := c.open()
	if err != nil {
		log.Printf("start-up: %v", err)
	}
	c.use(ctx, s, err)
	return err
}

// use puts s (or why there is none) behind the door and, when there is s, starts its
// background work.
func (c *core) use(ctx context.Context, s *services, err error) {
	c.mu.Lock()
	c.svc, c.openErr = s, err
	c.mu.Unlock()
	if err == nil {
		c.background.start(ctx, s, c.opt.Clipboard, c.stopWriting, c.changed)
	}
}

// open opens the database and the vault, wires the use cases, and settles what a crash
// left half done, before anyone can reach them.
func (c *core) open() (*services, error) {
	place, isShared, err := sharedPlaceOf(c.dataDir)
	if err != nil {
		return nil, err
	}
	if isShared {
		return c.openShared(place)
	}
	st, err := store.Open(c.dataDir)
	if err != nil {
		return nil, err
	}
	v, err := vault.New("", c.dataDir)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	s := c.wire(st, v, st, v)
	if r, err := s.keys.Recover(); err != nil || r != (keys.Recovered{}) {
		// Not fatal: what could not be settled now is settled at the next start.
		log.Printf("recovery: undid %d, finished %d deletions, error: %v", r.Undone, r.Finished, err)
	}
	if n, err := s.keys.LabelVaultItems(); n > 0 || err != nil {
		// Not fatal: an item left unlabelled is labelled at the next start.
		log.Printf("vault items: labelled %d, error: %v", n, err)
	}
	return s, nil
}

// wire makes the use cases over data (the database, or a shared organization) and
// secrets (the OS vault, or the shared organization's envelopes); st and v are this
// computer's database (or copy) and OS vault, which the snapshots and the support bundle
// read.
func (c *core) wire(st *store.Store, v *vault.Vault, data keys.Store, secrets keys.Vault) *services {
	s := &services{store: st, vault: v, orgs: org.New(data), keys: keys.New(data, secrets, c.opt.Clipboard),
		inventory: inventory.New(data), scan: scan.New(data)}
	s.orgs.Now, s.keys.Now, s.inventory.Now, s.scan.Now = c.opt.Clock, c.opt.Clock, c.opt.Clock, c.opt.Clock
	return s
}

// reopen replaces the services after a restore put another data file in place.
func (c *core) reopen(ctx context.Context) error {
	c.close()
	return c.openAndStart(ctx)
}

// close ends the background work, then closes the database.
func (c *core) close() {
	c.background.stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.svc != nil {
		c.svc.close()
		c.svc = nil
	}
}

// close closes the database (or copy) and the connection to a shared organization.
func (s *services) close() {
	if s.shared != nil {
		_ = s.shared.client.Close()
	}
	_ = s.store.Close()
}

// stopWriting is called when the data file turns out to be damaged while the app runs
// (the check before a snapshot): the services go, so every call from now on gets the
// problem screen's error, and nothing more is written to the damaged file.
func (c *core) stopWriting(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.svc != nil {
		c.svc.close()
		c.svc, c.openErr = nil, err
	}
}

// openError is why opening failed, or nil; it waits for start-up like services.
func (c *core) openError() error {
	_, err := c.services()
	return err
}
