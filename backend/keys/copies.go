package keys

import (
	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// Copies returns, by key ID, how often each key's secret was copied, and the latest copy
// with who made it; a key never copied is absent. It reads the store's index of the log,
// not the events, so the API Keys page can offer "never copied" with ten thousand keys.
func (s *Service) Copies(memberID string) (map[string]audit.Copies, error) {
	var copies map[string]audit.Copies
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ViewKeys); err != nil {
			return err
		}
		var err error
		copies, err = tx.Copies()
		return err
	})
	return copies, err
}
