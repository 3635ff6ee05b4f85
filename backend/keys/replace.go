package keys

import (
	"fmt"
	"slices"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// GracePeriods are the choices a person has for how long a replaced key keeps working:
// none (a key that leaked), an hour, a day, a week. Integrations need the time to switch.
var GracePeriods = []time.Duration{0, time.Hour, 24 * time.Hour, 7 * 24 * time.Hour}

// Replaced is the outcome of a replace: the new key, and the old one as it now stands
// (active until its ExpiresAt, or already deleted when there was no grace period).
type Replaced struct {
	New apikey.Key
	Old apikey.Key
}

// Replace makes a new key with the old one's environment and settings, in one step, and
// schedules the old one's deletion after grace. Steps: the new key pending, its secret to
// the vault, then in one transaction the new key active and the old one linked to it (and
// marked deleting when grace is 0); the old secret is then removed. A crash before the
// last transaction leaves a pending key that Recover undoes, with the old key untouched;
// a crash after it leaves a deleting key that Recover finishes.
func (s *Service) Replace(memberID, oldID string, grace time.Duration) (Replaced, error) {
	if !slices.Contains(GracePeriods, grace) {
		return Replaced{}, fmt.Errorf("%w: %v", ErrGracePeriod, grace)
	}
	env, err := s.replaceableEnv(memberID, oldID)
	if err != nil {
		return Replaced{}, err
	}
	secret, parsed, id, err := s.newSecret(env)
	if err != nil {
		return Replaced{}, err
	}
	k, err := s.writeReplacement(memberID, id, parsed, oldID)
	if err != nil {
		return Replaced{}, err
	}
	if err := s.storeSecret(secret, k); err != nil {
		s.undoPending(id)
		return Replaced{}, err
	}
	r, err := s.activateReplacement(memberID, k, oldID, grace)
	if err != nil {
		s.undoPending(id)
		return Replaced{}, fmt.Errorf("activate the new key: %w", err)
	}
	if grace == 0 {
		if err := s.removeExpired(r.Old); err != nil {
			return r, fmt.Errorf("%w: %w", ErrOldKeyKept, err)
		}
		r.Old.State = apikey.Deleted
	}
	return r, nil
}

// replaceableEnv checks the member's right and the old key before any secret is made.
func (s *Service) replaceableEnv(memberID, oldID string) (apikey.Environment, error) {
	var env apikey.Environment
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := tx.Authorize(memberID, access.ManageKeys); err != nil {
			return err
		}
		old, err := replaceable(tx, oldID)
		env = old.Environment
		return err
	})
	return env, err
}

// replaceable loads a live key that may be replaced: one not replaced yet, or one in its
// grace period whose replacement no longer stands on its own (it was replaced or deleted
// in turn), so that a key found exposed during its grace period can still be replaced.
func replaceable(tx *store.Tx, id string) (apikey.Key, error) {
	k, err := liveKey(tx, id)
	if err != nil || k.ReplacedBy == "" {
		return k, err
	}
	if next, err := tx.Key(k.ReplacedBy); err == nil && next.Standing() == apikey.StandingActive {
		return k, ErrAlreadyReplaced
	}
	return k, nil
}

// writeReplacement records the new key as pending, with the old key's settings.
func (s *Service) writeReplacement(memberID, id string, p apikey.Parsed, oldID string) (apikey.Key, error) {
	return s.writePending(memberID, id, p, func(tx *store.Tx, k *apikey.Key) error {
		old, err := replaceable(tx, oldID)
		k.Access, k.Settings, k.Replaces = old.Access, old.Settings, old.ID
		return err
	})
}

// activateReplacement makes the new key active and links the old one to it, with both
// events, in one transaction: the list never shows one half of a replace.
func (s *Service) activateReplacement(memberID string, k apikey.Key, oldID string, grace time.Duration) (Replaced, error) {
	var old apikey.Key
	err := s.Store.Update(func(tx *store.Tx) error {
		m, err := tx.Member(memberID)
		if err != nil {
			return err
		}
		if old, err = replaceable(tx, oldID); err != nil {
			return err
		}
		now := s.Now().UTC()
		k.State = apikey.Active
		expires := now.Add(grace)
		if !old.ExpiresAt.IsZero() && old.ExpiresAt.Before(expires) {
			expires = old.ExpiresAt // replaced again: a grace period is never lengthened
		}
		old.ReplacedBy, old.ExpiresAt, old.UpdatedAt = k.ID, expires, now
		if grace == 0 {
			old.State, old.DeletedBy, old.Exposed = apikey.Deleting, m.ID, true
		}
		if err := s.record(tx, m, audit.KeyGenerated, k, []audit.Change{{Field: "replaces", New: old.ID}}); err != nil {
			return err
		}
		changes := []audit.Change{
			{Field: "replacedBy", New: k.ID},
			{Field: "expiresAt", New: old.ExpiresAt.Format(time.RFC3339)},
		}
		if err := s.record(tx, m, audit.KeyReplaced, old, changes); err != nil {
			return err
		}
		if err := tx.PutKey(old); err != nil {
			return err
		}
		return tx.PutKey(k)
	})
	return Replaced{New: k, Old: old}, err
}
