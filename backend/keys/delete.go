package keys

import (
	"fmt"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// Delete removes a key's secret from the vault and keeps its record as deleted, for the
// history. Steps: record marked deleting, secret removed, record marked deleted. A crash
// leaves a deleting record that Recover finishes: the person asked for the deletion.
func (s *Service) Delete(memberID, id string) error {
	var k apikey.Key
	err := s.Store.Update(func(tx *store.Tx) error {
		m, _, err := tx.Authorize(memberID, access.ManageKeys)
		if err != nil {
			return err
		}
		if k, err = liveKey(tx, id); err != nil {
			return err
		}
		k.State, k.DeletedBy = apikey.Deleting, m.ID
		return tx.PutKey(k)
	})
	if err != nil {
		return err
	}
	if err := s.Vault.Delete(id); err != nil {
		// The secret is still there, so the key is still usable: say so by making it
		// active again. If even that fails, Recover completes the deletion at next start.
		k.State, k.DeletedBy = apikey.Active, ""
		_ = s.Store.Update(func(tx *store.Tx) error { return tx.PutKey(k) })
		return err
	}
	return s.settleDeleted(k)
}

// settleDeleted marks a key whose secret is gone as deleted. A replaced key whose grace
// period has ended is recorded as expired, and one replaced as exposed as deleted at once
// as exposed, whether ExpireDue, Replace or Recover finishes it.
func (s *Service) settleDeleted(k apikey.Key) error {
	k.State, k.DeletedAt = apikey.Deleted, s.Now().UTC()
	action := audit.KeyDeleted
	switch {
	case k.Exposed:
		action = audit.KeyDeletedExposed
	case k.Expired(k.DeletedAt):
		action = audit.KeyExpired
	}
	err := s.Store.Update(func(tx *store.Tx) error {
		m, err := tx.Member(k.DeletedBy)
		if err != nil {
			return err
		}
		if err := s.record(tx, m, action, k, nil); err != nil {
			return err
		}
		return tx.PutKey(k)
	})
	if err != nil {
		return fmt.Errorf("mark key deleted: %w", err)
	}
	return nil
}
