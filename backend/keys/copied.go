package keys

import (
	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// Copied says which of list had their secret copied at least once, so the page can find
// keys made and never put to use. It reads the store's index of copies, kept with each
// event, so a list of 10,000 keys costs a lookup per key and no report.
func (s *Service) Copied(memberID string, list []apikey.Key) (map[string]bool, error) {
	copied := map[string]bool{}
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ViewKeys); err != nil {
			return err
		}
		for _, k := range list {
			c, err := tx.KeyCopies(k.ID)
			if err != nil {
				return err
			}
			if c.Count > 0 {
				copied[k.ID] = true
			}
		}
		return nil
	})
	return copied, err
}
