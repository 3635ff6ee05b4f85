package keys

import (
	"errors"
	"fmt"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// authorize loads the acting member and checks that they may perform action. Every use
// case calls it inside its own transaction, so the check and the change see the same data.
func authorize(tx *store.Tx, memberID string, action access.Action) (access.Member, access.Org, error) {
	o, err := tx.Org()
	if err != nil {
		return access.Member{}, access.Org{}, fmt.Errorf("load organization: %w", err)
	}
	m, err := tx.Member(memberID)
	if err != nil {
		return access.Member{}, access.Org{}, fmt.Errorf("load member: %w", err)
	}
	if err := access.Can(m, o.Enablement, action); err != nil {
		return access.Member{}, access.Org{}, err
	}
	return m, o, nil
}

// liveKey loads a key that is active; a deleted or half-made key is ErrNotFound.
func liveKey(tx *store.Tx, id string) (apikey.Key, error) {
	k, err := tx.Key(id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && k.State != apikey.Active) {
		return k, ErrNotFound
	}
	return k, err
}
