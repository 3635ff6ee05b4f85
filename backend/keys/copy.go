package keys

import (
	"errors"
	"fmt"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// Copy puts a key's secret on the clipboard. The secret is checked against the recorded
// fingerprint first, so a vault item changed behind the app's back is never handed out.
func (s *Service) Copy(memberID, id string) error {
	var k apikey.Key
	var m access.Member
	err := s.Store.View(func(tx *store.Tx) error {
		var err error
		if m, _, err = authorize(tx, memberID, access.ManageKeys); err != nil {
			return err
		}
		k, err = liveKey(tx, id)
		return err
	})
	if err != nil {
		return err
	}
	secret, err := s.Vault.Get(id)
	if errors.Is(err, vault.ErrNotFound) {
		return fmt.Errorf("%w: %w", ErrSecretMissing, err)
	}
	if err != nil {
		return err
	}
	if apikey.Fingerprint(secret) != k.Fingerprint {
		return ErrSecretMismatch
	}
	if err := s.Clipboard.WriteSecret(secret); err != nil {
		return err
	}
	// Recorded after the copy, so the log never claims a copy that did not happen.
	return s.Store.Update(func(tx *store.Tx) error { return s.record(tx, m, audit.KeyCopied, k, nil) })
}
