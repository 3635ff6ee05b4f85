package keys

import (
	"fmt"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// Generate makes a full-access key in env with default settings, on behalf of memberID.
// Steps: pending record, secret to the vault, record active. A failure undoes what was
// done; a crash leaves a pending record that Recover undoes.
func (s *Service) Generate(memberID string, env apikey.Environment) (apikey.Key, error) {
	secret, parsed, id, err := s.newSecret(env)
	if err != nil {
		return apikey.Key{}, err
	}
	k, err := s.writePending(memberID, id, parsed, nil)
	if err != nil {
		return apikey.Key{}, err
	}
	if err := s.storeSecret(secret, k); err != nil {
		s.undoPending(id)
		return apikey.Key{}, err
	}
	k.State = apikey.Active
	err = s.Store.Update(func(tx *store.Tx) error {
		m, err := tx.Member(memberID)
		if err != nil {
			return err
		}
		if err := s.record(tx, m, audit.KeyGenerated, k, nil); err != nil {
			return err
		}
		return tx.PutKey(k)
	})
	if err != nil {
		s.undoPending(id)
		return apikey.Key{}, fmt.Errorf("activate key: %w", err)
	}
	return k, nil
}

// newSecret makes a secret for env, what the database keeps of it, and the key's new ID.
func (s *Service) newSecret(env apikey.Environment) (string, apikey.Parsed, string, error) {
	secret, err := apikey.Generate(env, s.Rand)
	if err != nil {
		return "", apikey.Parsed{}, "", err
	}
	parsed, err := apikey.Parse(secret)
	if err != nil {
		return "", apikey.Parsed{}, "", fmt.Errorf("generated key does not parse: %w", err)
	}
	id, err := apikey.NewID("key_", s.Rand)
	return secret, parsed, id, err
}

// writePending records a new key as pending, with default settings; fill, when given,
// changes the record in the same transaction (a replace copies the old key's settings).
func (s *Service) writePending(memberID, id string, p apikey.Parsed, fill func(*store.Tx, *apikey.Key) error) (apikey.Key, error) {
	var k apikey.Key
	err := s.Store.Update(func(tx *store.Tx) error {
		m, _, err := tx.Authorize(memberID, access.ManageKeys)
		if err != nil {
			return err
		}
		seq, err := tx.NextKeySeq(p.Environment)
		if err != nil {
			return err
		}
		now := s.Now().UTC()
		k = apikey.Key{
			ID: id, Seq: seq, Environment: p.Environment, Access: apikey.FullAccess,
			Fingerprint: p.Fingerprint, Last4: p.Last4, State: apikey.Pending,
			Settings:  apikey.DefaultSettings(fmt.Sprintf("Full access key %d", seq)),
			CreatedAt: now, CreatedBy: m.ID, UpdatedAt: now,
		}
		if fill != nil {
			if err := fill(tx, &k); err != nil {
				return err
			}
		}
		return tx.PutKey(k)
	})
	return k, err
}

// undoPending removes a key that never became active: its secret, then its record.
// It is best effort: the person sees the error that made it necessary, and what it cannot
// undo now (the vault or the database still failing) Recover undoes at the next start.
func (s *Service) undoPending(id string) {
	if s.Vault.Delete(id) != nil {
		return // keep the record, so that Recover knows there may be a secret to remove
	}
	_ = s.Store.Update(func(tx *store.Tx) error { return tx.RemoveKey(id) })
}

// storeSecret writes k's secret to the vault, described by vaultItem.
func (s *Service) storeSecret(secret string, k apikey.Key) error {
	it, err := s.vaultItem(k)
	if err != nil {
		return err
	}
	return s.Vault.SetKey(secret, it)
}

// vaultItem is how the vault shows and finds k's secret: a label a person can read in
// the vault's own window, and the data folder, organization, key and environment it
// belongs to. Never the secret.
func (s *Service) vaultItem(k apikey.Key) (vault.Item, error) {
	var it vault.Item
	err := s.Store.View(func(tx *store.Tx) (err error) {
		it, err = itemIn(tx, k)
		return err
	})
	return it, err
}

// itemIn is vaultItem in a transaction.
func itemIn(tx *store.Tx, k apikey.Key) (vault.Item, error) {
	o, err := tx.Org()
	return vault.Item{KeyID: k.ID, Environment: string(k.Environment), Folder: tx.FolderID(), Org: o.ID,
		Label: fmt.Sprintf("proofkeys: Proof API key %s (%s)", k.Settings.Name, k.Environment)}, err
}
