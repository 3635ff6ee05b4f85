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

// LabelVaultItems gives the vault item of every active key its label and attributes
// (vaultItem), once per data file: items stored before they were labelled show the bare
// key ID and nothing that ties them to proofkeys or to this data folder. The app runs it
// at start-up after Recover. A key whose secret is missing is left to Check; a locked or
// absent vault leaves the whole for the next start. It returns how many it labelled.
func (s *Service) LabelVaultItems() (int, error) {
	var items []vault.Item
	err := s.Store.View(func(tx *store.Tx) error {
		if tx.VaultItemsLabelled() {
			return nil
		}
		active, err := tx.Keys(func(k apikey.Key) bool { return k.State == apikey.Active })
		for _, k := range active {
			it, ierr := itemIn(tx, k)
			err = errors.Join(err, ierr)
			items = append(items, it)
		}
		if err == nil && len(items) == 0 {
			items = []vault.Item{} // nothing to label, but the file is to be marked
		}
		return err
	})
	if err != nil || items == nil {
		return 0, err
	}
	n := 0
	for _, it := range items {
		err := s.Vault.Describe(it)
		if errors.Is(err, vault.ErrNotFound) {
			continue
		}
		if err != nil {
			return n, fmt.Errorf("label the vault's items: %w", err)
		}
		n++
	}
	return n, s.Store.Update(func(tx *store.Tx) error { return tx.SetVaultItemsLabelled() })
}

// Orphan is a secret in the vault, of this data folder or organization, that no active
// key record names: after a restore of an older snapshot, the keys made since. Never the
// secret: only what its vault item says.
type Orphan struct {
	KeyID       string `json:"keyId"`
	Label       string `json:"label"`
	Environment string `json:"environment"`
	// Reattachable: the database keeps a record of this key (deleted) whose fingerprint
	// is the secret's; Reattach makes it active again. Otherwise Reattach gives the
	// secret a new record, named after its last four characters.
	Reattachable bool `json:"reattachable"`
}

// Orphans lists the secrets of this data folder that no active record names. Only those
// who may manage keys see them. On a vault that cannot list by data folder it returns
// vault.ErrNoListing.
func (s *Service) Orphans(memberID string) ([]Orphan, error) {
	found, err := s.orphans(memberID)
	out := make([]Orphan, 0, len(found))
	for _, f := range found {
		out = append(out, f.Orphan)
	}
	return out, err
}

// orphan is an Orphan with what Reattach needs.
type orphan struct {
	Orphan
	parsed apikey.Parsed
	record *apikey.Key // the kept record, when there is one
}

func (s *Service) orphans(memberID string) ([]orphan, error) {
	var folder, orgID string
	err := s.Store.View(func(tx *store.Tx) error {
		_, o, err := tx.Authorize(memberID, access.ManageKeys)
		folder, orgID = tx.FolderID(), o.ID
		return err
	})
	if err != nil {
		return nil, err
	}
	items, err := s.Vault.Items(folder, orgID)
	if err != nil {
		return nil, err
	}
	var out []orphan
	for _, it := range items {
		o, ok, err := s.orphanOf(it)
		if err != nil {
			return out, err
		}
		if ok {
			out = append(out, o)
		}
	}
	return out, nil
}

// orphanOf says whether the item it is an orphan. Its secret is read to compare
// fingerprints, and goes no further.
func (s *Service) orphanOf(it vault.Item) (orphan, bool, error) {
	var rec *apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		k, err := tx.Key(it.KeyID)
		if err == nil {
			rec = &k
		}
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil || (rec != nil && rec.State != apikey.Deleted) {
		return orphan{}, false, err // a live record names it: not an orphan
	}
	secret, err := s.Vault.Get(it.KeyID)
	if errors.Is(err, vault.ErrNotFound) {
		return orphan{}, false, nil
	}
	if err != nil {
		return orphan{}, false, err
	}
	parsed, err := apikey.Parse(secret)
	if err != nil {
		return orphan{}, false, nil // not a key proofkeys made: left alone
	}
	o := orphan{Orphan: Orphan{KeyID: it.KeyID, Label: it.Label, Environment: string(parsed.Environment)},
		parsed: parsed}
	if rec != nil && rec.Fingerprint == parsed.Fingerprint {
		o.Reattachable, o.record = true, rec
	}
	return o, true, nil
}

// Reattached counts what Reattach did.
type Reattached struct {
	Reattached int `json:"reattached"` // kept records made active again
	Recreated  int `json:"recreated"`  // secrets given a new record
}

// Reattach gives every orphaned secret of this data folder a record again, on behalf of
// memberID: a kept record whose fingerprint matches is made active again; a secret with
// no record gets a new one with default settings, named after its last four characters,
// so the key shows in the list and can be copied, replaced or deleted. Each is an audit
// event. Run it after a restore, once the person has seen the list (Orphans).
func (s *Service) Reattach(memberID string) (Reattached, error) {
	found, err := s.orphans(memberID)
	if err != nil {
		return Reattached{}, err
	}
	var r Reattached
	for _, o := range found {
		err := s.Store.Update(func(tx *store.Tx) error {
			m, _, err := tx.Authorize(memberID, access.ManageKeys)
			if err != nil {
				return err
			}
			k, err := s.reattached(tx, m, o)
			if err != nil {
				return err
			}
			if err := s.record(tx, m, audit.KeyReattached, k, nil); err != nil {
				return err
			}
			return tx.PutKey(k)
		})
		if err != nil {
			return r, fmt.Errorf("reattach %s: %w", o.KeyID, err)
		}
		if o.record != nil {
			r.Reattached++
		} else {
			r.Recreated++
		}
	}
	return r, nil
}

// reattached is the record o gets: its kept record made active, or a new one.
func (s *Service) reattached(tx *store.Tx, m access.Member, o orphan) (apikey.Key, error) {
	now := s.Now().UTC()
	if o.record != nil {
		k := *o.record
		k.State, k.DeletedAt, k.DeletedBy, k.UpdatedAt = apikey.Active, time.Time{}, "", now
		return k, nil
	}
	seq, err := tx.NextKeySeq(o.parsed.Environment)
	if err != nil {
		return apikey.Key{}, err
	}
	return apikey.Key{
		ID: o.KeyID, Seq: seq, Environment: o.parsed.Environment, Access: apikey.FullAccess,
		Fingerprint: o.parsed.Fingerprint, Last4: o.parsed.Last4, State: apikey.Active,
		Settings:  apikey.DefaultSettings("Recovered key " + apikey.Hint(o.parsed.Environment, o.parsed.Last4)),
		CreatedAt: now, CreatedBy: m.ID, UpdatedAt: now,
	}, nil
}
