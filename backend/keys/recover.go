package keys

import (
	"errors"
	"fmt"

	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// Recovered counts what Recover settled.
type Recovered struct {
	Undone   int // keys that never became active: secret and record removed
	Finished int // deletions completed
}

// Recover settles every change a crash left half done: a pending key is undone (the
// person never saw it), a deleting key is deleted (the person asked for it). It is safe to
// run any number of times; what fails now is left for the next run.
func (s *Service) Recover() (Recovered, error) {
	var open []apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		var err error
		open, err = tx.KeysWhere(func(k *apikey.Key) bool {
			return k.State == apikey.Pending || k.State == apikey.Deleting
		})
		return err
	})
	if err != nil {
		return Recovered{}, fmt.Errorf("find unfinished changes: %w", err)
	}
	var r Recovered
	var errs []error
	for _, k := range open {
		if err := s.Vault.Delete(k.ID); err != nil {
			errs = append(errs, err)
			continue
		}
		if k.State == apikey.Pending {
			err = s.Store.Update(func(tx *store.Tx) error { return tx.RemoveKey(k.ID) })
			r.Undone += count(err)
		} else {
			err = s.settleDeleted(k)
			r.Finished += count(err)
		}
		errs = append(errs, err)
	}
	return r, errors.Join(errs...)
}

func count(err error) int {
	if err != nil {
		return 0
	}
	return 1
}
