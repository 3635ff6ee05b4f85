package shared

import (
	"errors"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/seal"
	"proofkeys/backend/store"
)

// Resealed counts what Reseal did.
type Resealed struct {
	Keys int // envelopes sealed again to the members who may copy keys now
	// NotOpened are keys this desktop's member cannot open (sealed before they could
	// copy keys): another Owner's or Admin's desktop can reseal them.
	NotOpened int
}

// Reseal seals every active key's secret again to the members who may copy keys now, so
// that a member who joined (or was given Manage API keys) after a key was made can copy
// it too. It runs on an Owner's or Admin's desktop, whose identity opens the envelopes,
// one key per change: a member removed meanwhile is left out of the rest.
func (o *Org) Reseal(actorID string) (Resealed, error) {
	var ids []string
	err := o.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(actorID, access.ManageMembers); err != nil {
			return err
		}
		keys, err := tx.Keys(func(k apikey.Key) bool { return k.State == apikey.Active })
		for _, k := range keys {
			ids = append(ids, k.ID)
		}
		return err
	})
	if err != nil {
		return Resealed{}, err
	}
	var r Resealed
	for _, id := range ids {
		opened := true
		if err := o.commit(func() (plan, error) { return o.resealOne(actorID, id, &opened) }); err != nil {
			return r, err
		}
		if opened {
			r.Keys++
		} else {
			r.NotOpened++
		}
	}
	return r, nil
}

// resealOne opens the key's envelope and seals it again to the members who may copy keys
// as the copy has them; opened says whether this desktop could open it.
func (o *Org) resealOne(actorID, id string, opened *bool) (plan, error) {
	var p plan
	secret, err := o.Get(id)
	*opened = !errors.Is(err, seal.ErrNotForYou)
	if !*opened {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	err = o.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(actorID, access.ManageMembers); err != nil {
			return err
		}
		if k, err := tx.Key(id); err != nil || k.State != apikey.Active {
			return err // deleted meanwhile: nothing to seal
		}
		return o.sealInto(tx, &p, id, secret)
	})
	return p, err
}
