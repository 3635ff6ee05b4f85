package keys

import (
	"errors"
	"fmt"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// ExpireDue deletes every replaced key whose grace period has ended at now, and returns
// how many it deleted. The app runs it at start (after Recover) and on a ticker while it
// runs, so a key is gone on time, or at the next start if the app was closed then.
//
// Each key takes the Deleting path of Delete: marked deleting, secret removed, marked
// deleted. A crash between the steps leaves a deleting key that Recover finishes; a vault
// that fails puts the key back to active, and the next run tries again. The acting member
// of the event is the one who replaced the key.
func (s *Service) ExpireDue(now time.Time) (int, error) {
	due, err := s.markExpiring(now)
	if err != nil {
		return 0, fmt.Errorf("find expired keys: %w", err)
	}
	n := 0
	var errs []error
	for _, k := range due {
		err := s.removeExpired(k)
		n += count(err)
		errs = append(errs, err)
	}
	return n, errors.Join(errs...)
}

// markExpiring marks the active keys whose grace period has ended as deleting. It looks
// first in a read: most runs find nothing, and a write every 30 s would tell every reader
// that kept what it read (the API Keys list) to read it all again.
func (s *Service) markExpiring(now time.Time) ([]apikey.Key, error) {
	expired := func(tx *store.Tx) ([]apikey.Key, error) {
		return tx.KeysWhere(func(k *apikey.Key) bool { return k.State == apikey.Active && k.Expired(now) })
	}
	var due []apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		var err error
		due, err = expired(tx)
		return err
	})
	if err != nil || len(due) == 0 {
		return nil, err
	}
	err = s.Store.Update(func(tx *store.Tx) error {
		var err error
		due, err = expired(tx) // again: another desktop's change may have come in between
		if err != nil {
			return err
		}
		for i, k := range due {
			k.State, k.DeletedBy = apikey.Deleting, replacer(tx, k)
			if err := tx.PutKey(k); err != nil {
				return err
			}
			due[i] = k
		}
		return nil
	})
	return due, err
}

// replacer is the member who replaced k: the creator of its replacement.
func replacer(tx *store.Tx, k apikey.Key) string {
	next, err := tx.Key(k.ReplacedBy)
	if err != nil {
		return k.CreatedBy // the replacement's record is gone: blame nobody new
	}
	return next.CreatedBy
}

// removeExpired removes the secret of a deleting key and settles it. When the vault
// fails, the key is active again (its secret still works) until the next run.
func (s *Service) removeExpired(k apikey.Key) error {
	if err := s.Vault.Delete(k.ID); err != nil {
		k.State, k.DeletedBy = apikey.Active, ""
		_ = s.Store.Update(func(tx *store.Tx) error { return tx.PutKey(k) })
		return err
	}
	return s.settleDeleted(k)
}
