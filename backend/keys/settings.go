package keys

import (
	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// Settings returns the settings of the live key id, for its settings panel: the list
// itself carries only what it shows (the name and the payer), so 10,000 keys do not
// cross to the page with every field of every key.
func (s *Service) Settings(memberID, id string) (apikey.Settings, error) {
	var k apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ViewKeys); err != nil {
			return err
		}
		var err error
		k, err = liveKey(tx, id)
		return err
	})
	return k.Settings, err
}
