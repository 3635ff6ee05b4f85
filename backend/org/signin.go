package org

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/store"
)

var (
	// ErrWrongPassphrase means the passphrase does not match.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrSlowDown means too many wrong passphrases; the next try must wait.
	ErrSlowDown = errors.New("too many wrong passphrases")
	// ErrNoPassphrase means the member has no passphrase yet, and the org needs sign-in.
	ErrNoPassphrase = errors.New("this member has no passphrase yet")
)

// WaitError is ErrSlowDown with how long to wait.
type WaitError struct{ Wait time.Duration }

func (e WaitError) Error() string {
	return fmt.Sprintf("%v: wait %s", ErrSlowDown, e.Wait.Round(time.Second))
}

func (e WaitError) Unwrap() error { return ErrSlowDown }

// Lock bounds the auto-lock setting, in minutes.
const (
	MinAutoLockMinutes = 1
	MaxAutoLockMinutes = 480
)

// SignInRequired reports whether someone must sign in to use the app: when the org has
// several members, or its only member has set a passphrase.
func SignInRequired(members []access.Member) bool {
	return len(members) > 1 || (len(members) == 1 && members[0].Passphrase != nil)
}

// SignInChoices are the members to choose from on the sign-in screen.
func (s *Service) SignInChoices() (access.Org, []access.Member, error) {
	var o access.Org
	var list []access.Member
	err := s.Store.View(func(tx *store.Tx) error {
		var err error
		if o, err = setUpOrg(tx); err != nil {
			return err
		}
		list, err = tx.Members()
		return err
	})
	sortMembers(list)
	return o, list, err
}

// SignIn checks memberID's passphrase. After a few wrong ones each further try must wait
// (WaitError), also after a restart, and every wrong one is in the audit log.
func (s *Service) SignIn(memberID, pass string) (access.Member, error) {
	now := s.Now()
	var m access.Member
	var members []access.Member
	err := s.Store.View(func(tx *store.Tx) error {
		var err error
		if members, err = tx.Members(); err != nil {
			return err
		}
		m, err = find(members, memberID)
		return err
	})
	if err != nil {
		return access.Member{}, err
	}
	if wait := passphrase.Wait(m.SignInFailures, now); wait > 0 {
		return access.Member{}, WaitError{Wait: wait}
	}
	if m.Passphrase == nil {
		if SignInRequired(members) {
			return access.Member{}, ErrNoPassphrase
		}
		return m, nil
	}
	ok, err := passphrase.Verify(pass, *m.Passphrase)
	if err != nil {
		return access.Member{}, err
	}
	if !ok {
		return access.Member{}, s.failedSignIn(m.ID, now, "tried to sign in as ")
	}
	if err := s.signedIn(m.ID, now); err != nil {
		return access.Member{}, err
	}
	m.SignInFailures = nil
	return m, nil
}

// Someone is the actor name of an event whose actor is not known: a wrong passphrase may
// be anybody's, so it is recorded as someone trying to sign in as the member, not as the
// member's act.
const Someone = "Someone"

// signedIn records a right passphrase in the audit log and clears the member's run of
// wrong ones, in one transaction.
func (s *Service) signedIn(memberID string, now time.Time) error {
	return s.Store.Update(func(tx *store.Tx) error {
		m, err := tx.Member(memberID)
		if err != nil {
			return err
		}
		m.SignInFailures = nil
		if _, err := tx.AppendEvent(audit.Event{Time: now.UTC(), Actor: m.ID, ActorName: m.Name,
			Action: audit.SignedIn, Detail: m.Name + " (" + m.ID + ")"}); err != nil {
			return err
		}
		return tx.PutMember(m)
	})
}

// failedSignIn counts a wrong passphrase (or recovery code) in the member's record and
// the audit log, in one transaction, and says how long the next attempt must wait. tried
// begins the event's detail: "tried to sign in as ". The failure that starts the
// waits is also logged as the member's sign-in being held back.
func (s *Service) failedSignIn(memberID string, now time.Time, tried string) error {
	var wait time.Duration
	err := s.Store.Update(func(tx *store.Tx) error {
		m, err := tx.Member(memberID)
		if err != nil {
			return err
		}
		m.SignInFailures = s.Backoff.Failed(m.SignInFailures, now)
		wait = passphrase.Wait(m.SignInFailures, now)
		about := m.Name + " (" + m.ID + ")"
		if err := appendBySomeone(tx, now, audit.SignInFailed, tried+about); err != nil {
			return err
		}
		if m.SignInFailures.Count == s.Backoff.WaitAfter {
			detail := fmt.Sprintf("sign-in as %s waits after %d wrong passphrases", about, m.SignInFailures.Count)
			if err := appendBySomeone(tx, now, audit.SignInWait, detail); err != nil {
				return err
			}
		}
		return tx.PutMember(m)
	})
	if err != nil {
		return err
	}
	if wait > 0 {
		return fmt.Errorf("%w; %w", ErrWrongPassphrase, WaitError{Wait: wait})
	}
	return ErrWrongPassphrase
}

// appendBySomeone records an event whose actor is not known (Someone).
func appendBySomeone(tx *store.Tx, now time.Time, a audit.Action, detail string) error {
	_, err := tx.AppendEvent(audit.Event{Time: now.UTC(), ActorName: Someone, Action: a, Detail: detail})
	return err
}

// Lock records in the audit log that the app locked for memberID: by the member's own
// choice, or after the organization's idle time (idle true). The caller then shows the
// sign-in screen.
func (s *Service) Lock(memberID string, idle bool) error {
	return s.Store.Update(func(tx *store.Tx) error {
		m, err := tx.Member(memberID)
		if errors.Is(err, store.ErrNotFound) {
			return nil // removed while signed in: nobody to record
		}
		if err != nil {
			return err
		}
		detail := "locked by " + m.Name
		if idle {
			detail = "locked after the idle time"
		}
		_, err = tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
			Action: audit.Locked, Detail: detail})
		return err
	})
}

// SetPassphrase sets targetID's passphrase. A member sets their own, giving
// the current one if they have it; an Owner or Admin may reset another's (not an Admin an
// Owner's), for the member who forgot it. An Owner who sets their own gets a fresh
// recovery code, returned this once ("" otherwise) and kept only as a hash: with it they
// set a new passphrase on the sign-in screen if they forget this one
// (ResetPassphraseWithRecoveryCode), where no other Owner can help.
func (s *Service) SetPassphrase(actorID, targetID, current, next string) (string, error) {
	hash, err := passphrase.Hash(next, s.Hashing, s.Rand)
	if err != nil {
		return "", fieldError("passphrase", "Enter a passphrase of at least 8 characters.")
	}
	// The code is hashed before the write transaction, which must stay short; it is
	// kept only if the member turns out to be an Owner.
	var code string
	var recovery *access.Passphrase
	if actorID == targetID {
		if code, recovery, err = s.newRecovery(); err != nil {
			return "", err
		}
	}
	err = s.Store.Update(func(tx *store.Tx) error {
		actor, o, members, target, err := loadPair(tx, actorID, targetID)
		if err != nil {
			return err
		}
		if err := s.maySetPassphrase(actor, target, o, members, current); err != nil {
			return err
		}
		target.Passphrase = &hash
		target.SignInFailures = nil // a reset passphrase starts with a clean slate
		if recovery != nil && target.Role == access.Owner {
			target.Recovery = recovery
		} else {
			code = ""
		}
		if err := s.memberEvent(tx, actor, audit.PassphraseSet, target, nil); err != nil {
			return err
		}
		return tx.PutMember(target)
	})
	if err != nil {
		return "", err
	}
	return code, nil
}

func (s *Service) maySetPassphrase(actor, target access.Member, o access.Org, members []access.Member, current string) error {
	if actor.ID != target.ID {
		// the rules of a role change to the same role: Owners and Admins only, and an Admin
		// never for an Owner
		return forbidden(access.CanChange(actor, target, o.Enablement, target.Role, members))
	}
	if actor.Passphrase == nil {
		return nil
	}
	ok, err := passphrase.Verify(current, *actor.Passphrase)
	if err != nil {
		return err
	}
	if !ok {
		return fieldError("current", "This is not your current passphrase.")
	}
	return nil
}

// SetAutoLock sets after how many idle minutes the app locks, for Owners and Admins.
func (s *Service) SetAutoLock(memberID string, minutes int) (access.Settings, error) {
	if minutes < MinAutoLockMinutes || minutes > MaxAutoLockMinutes {
		return access.Settings{}, fieldError("autoLockMinutes", "Enter 1 to 480 minutes.")
	}
	var settings access.Settings
	err := s.Store.Update(func(tx *store.Tx) error {
		m, o, err := authorize(tx, memberID, access.ManageSettings)
		if err != nil {
			return err
		}
		settings = o.Settings
		if o.Settings.AutoLockMinutes == minutes {
			return nil
		}
		change := audit.Change{Field: "autoLockMinutes",
			Old: strconv.Itoa(o.Settings.AutoLockMinutes), New: strconv.Itoa(minutes)}
		o.Settings.AutoLockMinutes = minutes
		settings = o.Settings
		if _, err := tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
			Action: audit.OrgSettingsSet, Detail: o.Name, Changes: []audit.Change{change}}); err != nil {
			return err
		}
		return tx.PutOrg(o)
	})
	return settings, err
}
