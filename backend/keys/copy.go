package keys

import (
	"errors"
	"fmt"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// Copy puts a key's secret on the clipboard and returns how long until the clipboard is
// cleared (the org's setting; 0 is never, until the app quits). The secret is checked
// against the recorded fingerprint first, so a vault item changed behind the app's back
// is never handed out.
func (s *Service) Copy(memberID, id string) (time.Duration, error) {
	var k apikey.Key
	var m access.Member
	var o access.Org
	err := s.Store.View(func(tx *store.Tx) error {
		var err error
		if m, o, err = tx.Authorize(memberID, access.ManageKeys); err != nil {
			return err
		}
		k, err = liveKey(tx, id)
		return err
	})
	if err != nil {
		return 0, err
	}
	secret, err := s.Vault.Get(id)
	if errors.Is(err, vault.ErrNotFound) {
		return 0, fmt.Errorf("%w: %w", ErrSecretMissing, err)
	}
	if err != nil {
		return 0, err
	}
	if apikey.Fingerprint(secret) != k.Fingerprint {
		return 0, ErrSecretMismatch
	}
	if err := s.Clipboard.WriteSecret(secret); err != nil {
		return 0, err
	}
	clearAfter := time.Duration(o.Settings.ClipboardClearSeconds) * time.Second
	if s.ClearTimer != nil {
		s.ClearTimer.Start(clearAfter)
	}
	// Recorded after the copy, so the log never claims a copy that did not happen.
	return clearAfter, s.Store.Update(func(tx *store.Tx) error { return s.record(tx, m, audit.KeyCopied, k, nil) })
}
