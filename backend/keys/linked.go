package keys

import (
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// Label names the key with id for a sentence such as "replaced by Salesforce sync
// (prf_…x7Qa)", whatever its state, or "" when there is no such key. It reads only what
// the list already shows, so it checks no permission of its own.
func (s *Service) Label(id string) string {
	if id == "" {
		return ""
	}
	var label string
	_ = s.Store.View(func(tx *store.Tx) error {
		if k, err := tx.Key(id); err == nil {
			label = keyLabel(k)
		}
		return nil
	})
	return label
}

func keyLabel(k apikey.Key) string { return k.Settings.Name + " (" + k.Hint() + ")" }
