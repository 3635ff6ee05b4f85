package keys

import (
	"cmp"
	"slices"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// List returns the active keys of env, oldest first, as the page lists them.
func (s *Service) List(memberID string, env apikey.Environment) ([]apikey.Key, error) {
	var list []apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ViewKeys); err != nil {
			return err
		}
		var err error
		list, err = tx.KeysWhere(func(k *apikey.Key) bool {
			return k.Environment == env && k.State == apikey.Active
		})
		return err
	})
	slices.SortFunc(list, func(a, b apikey.Key) int {
		return cmp.Compare(a.Seq, b.Seq)
	})
	return list, err
}

// CanView returns nil when the member may see the keys: for a reader that kept what List
// returned and must still ask on every call.
func (s *Service) CanView(memberID string) error {
	return s.Store.View(func(tx *store.Tx) error {
		_, _, err := tx.Authorize(memberID, access.ViewKeys)
		return err
	})
}
