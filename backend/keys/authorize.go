package keys

import (
	"errors"

	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// liveKey loads a key that is active; a deleted or half-made key is ErrNotFound.
func liveKey(tx *store.Tx, id string) (apikey.Key, error) {
	k, err := tx.Key(id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && k.State != apikey.Active) {
		return k, ErrNotFound
	}
	return k, err
}
