package ui

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"slices"
	"strings"

	"proofkeys/backend/access"
	"proofkeys/backend/store"
)

// What the copy remembers for the page (store.Tx.SetLocal): the members the keys were last
// sealed to (sharedOrg.copiers), so that a desktop does not seal them again at every
// start, and the keys a former member could copy, which a later reseal no longer shows.
const (
	localSealedFor = "ui_sealed_for"
	localExposed   = "ui_exposed"
)

// keepSealed looks, each time the copy changed, whether the members who may copy keys (or
// the keys they published) have changed. If so it notes the keys a member who may no
// longer copy them could have copied (the page flags them "Replace"), then, on an Owner's
// or Admin's desktop and when a member was added, seals every key again so that they can
// copy the keys made before. Reseal's own changes do not touch members, so it does not
// call itself again.
func (o *sharedOrg) keepSealed(ctx context.Context, poke <-chan struct{}) {
	var sealedFor string
	var exposed []string
	_ = o.local.View(func(tx *store.Tx) error { // none read: sealed and noted once more
		sealedFor = string(tx.Local(localSealedFor))
		_ = json.Unmarshal(tx.Local(localExposed), &exposed)
		return nil
	})
	o.expose(exposed)
	seen := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-poke:
		}
		now, manager := o.copiers()
		if now == seen {
			continue
		}
		// Before a reseal, which seals the keys to the members of now only.
		switch err := o.noteExposed(); {
		case errors.Is(err, store.ErrNoMember):
			seen = now // this computer's member was removed: nothing to look at
			continue
		case err != nil:
			log.Printf("look for keys a former member could copy: %v", err) // again at the next change
			continue
		}
		if manager && added(sealedFor, now) {
			r, err := o.Reseal(o.creds.Member)
			if err != nil {
				log.Printf("seal keys to new members: %v", err) // again at the next change
				continue
			}
			log.Printf("sealed %d keys to the members who may copy keys now (%d left to another Owner or Admin)", r.Keys, r.NotOpened)
			sealedFor = now
			o.remember(localSealedFor, []byte(now))
		}
		seen = now
	}
}

// added says whether now names a member (with their published key) that before does not.
func added(before, now string) bool {
	had := strings.Split(before, ",")
	for _, m := range strings.Split(now, ",") {
		if m != "" && !slices.Contains(had, m) {
			return true
		}
	}
	return false
}

// copiers names the members who may copy keys and have joined, each with the key they
// published (a member added but not joined yet has nothing to seal to), and says whether
// this desktop's member may reseal.
func (o *sharedOrg) copiers() (string, bool) {
	var names []string
	manager := false
	err := o.View(func(tx *store.Tx) error {
		_, _, err := tx.Authorize(o.creds.Member, access.ManageMembers)
		manager = err == nil
		org, err := tx.Org()
		if err != nil {
			return err
		}
		members, err := tx.Members()
		for _, m := range members {
			if m.Recipient != "" && access.Can(m, org.Enablement, access.ManageKeys) == nil {
				names = append(names, m.ID+"="+m.Recipient)
			}
		}
		return err
	})
	return strings.Join(names, ","), manager && err == nil
}

// noteExposed adds the keys a former member could copy to those noted, and keeps them in
// the copy.
func (o *sharedOrg) noteExposed() error {
	ids, err := o.Exposed(o.creds.Member)
	if err != nil {
		return err
	}
	all := o.expose(ids)
	raw, _ := json.Marshal(all) // strings: cannot fail
	o.remember(localExposed, raw)
	return nil
}

// expose adds ids to the keys flagged, and returns them all.
func (o *sharedOrg) expose(ids []string) []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.exposed == nil {
		o.exposed = map[string]bool{}
	}
	for _, id := range ids {
		o.exposed[id] = true
	}
	all := make([]string, 0, len(o.exposed))
	for id := range o.exposed {
		all = append(all, id)
	}
	slices.Sort(all)
	return all
}

// isExposed says whether a former member could copy the key id.
func (o *sharedOrg) isExposed(id string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.exposed[id]
}

// remember keeps value under name in the copy; lost, it is worked out again.
func (o *sharedOrg) remember(name string, value []byte) {
	if err := o.local.Update(func(tx *store.Tx) error { return tx.SetLocal(name, value) }); err != nil {
		log.Printf("remember %s in the copy: %v", name, err)
	}
}
