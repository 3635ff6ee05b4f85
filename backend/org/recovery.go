package org

import (
	"errors"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/store"
)

var (
	// ErrWrongRecoveryCode means the recovery code does not match (or is not one).
	ErrWrongRecoveryCode = errors.New("wrong recovery code")
	// ErrNoRecoveryCode means the member has no recovery code: only an Owner who set their own
	// passphrase has one.
	ErrNoRecoveryCode = errors.New("this member has no recovery code")
)

// newRecovery makes a recovery code and its hash.
func (s *Service) newRecovery() (string, *access.Passphrase, error) {
	code, err := passphrase.NewRecoveryCode(s.Rand)
	if err != nil {
		return "", nil, err
	}
	h, err := passphrase.HashRecoveryCode(code, s.Hashing, s.Rand)
	if err != nil {
		return "", nil, err
	}
	return code, &h, nil
}

// ResetPassphraseWithRecoveryCode sets memberID's passphrase to next when code is their
// recovery code, from the sign-in screen (nobody is signed in). A code works once: the
// member gets a new one, returned this once. Wrong codes count with wrong passphrases, so
// guessing waits as it does at sign-in (WaitError), and each is in the audit log as
// someone's try; the reset is there as the member's own act.
func (s *Service) ResetPassphraseWithRecoveryCode(memberID, code, next string) (string, error) {
	now := s.Now()
	hash, err := passphrase.Hash(next, s.Hashing, s.Rand)
	if err != nil {
		return "", fieldError("passphrase", "Enter a passphrase of at least 8 characters.")
	}
	var m access.Member
	err = s.Store.View(func(tx *store.Tx) error {
		var err error
		m, err = tx.Member(memberID)
		if errors.Is(err, store.ErrNotFound) {
			return ErrNoSuchMember
		}
		return err
	})
	if err != nil {
		return "", err
	}
	if wait := passphrase.Wait(m.SignInFailures, now); wait > 0 {
		return "", WaitError{Wait: wait}
	}
	if m.Recovery == nil {
		return "", ErrNoRecoveryCode
	}
	ok, err := passphrase.VerifyRecoveryCode(code, *m.Recovery)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", s.failedRecovery(m.ID)
	}
	fresh, freshHash, err := s.newRecovery()
	if err != nil {
		return "", err
	}
	err = s.Store.Update(func(tx *store.Tx) error {
		m, err := tx.Member(memberID)
		if err != nil {
			return err
		}
		m.Passphrase, m.Recovery, m.SignInFailures = &hash, freshHash, nil
		if err := s.memberEvent(tx, m, audit.PassphraseRecovered, m, nil); err != nil {
			return err
		}
		return tx.PutMember(m)
	})
	if err != nil {
		return "", err
	}
	return fresh, nil
}

// failedRecovery counts a wrong recovery code as a wrong passphrase: same record, same
// waits, and an audit event of someone's try.
func (s *Service) failedRecovery(memberID string) error {
	err := s.failedSignIn(memberID, s.Now(), "tried a recovery code for ")
	var wait WaitError
	if errors.As(err, &wait) {
		return errors.Join(ErrWrongRecoveryCode, wait)
	}
	if errors.Is(err, ErrWrongPassphrase) {
		return ErrWrongRecoveryCode
	}
	return err
}
