package ui

import (
	"errors"
	"log"
	"slices"

	"proofkeys/backend/access"
	"proofkeys/backend/org"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/shared"
)

// signIn checks the passphrase and records the sign-in. With a shared organization's
// server away the sign-in cannot be recorded, so it is checked on the copy alone and not
// recorded: reading the copy must not wait for the server. A wrong passphrase is refused
// as always, but not counted until the server is back.
func (c *core) signIn(s *services, memberID, pass string) (access.Member, error) {
	if err := s.mayUse(memberID); err != nil {
		return access.Member{}, err
	}
	m, err := s.orgs.SignIn(memberID, pass)
	if s.shared == nil || !errors.Is(err, shared.ErrUnreachable) {
		return m, err
	}
	_, members, err := s.orgs.SignInChoices()
	if err != nil {
		return access.Member{}, err
	}
	i := slices.IndexFunc(members, func(m access.Member) bool { return m.ID == memberID })
	if i < 0 {
		return access.Member{}, org.ErrNoSuchMember
	}
	m = members[i]
	if wait := passphrase.Wait(m.SignInFailures, s.orgs.Now()); wait > 0 {
		return access.Member{}, org.WaitError{Wait: wait}
	}
	if m.Passphrase == nil {
		return access.Member{}, org.ErrNoPassphrase
	}
	if ok, err := passphrase.Verify(pass, *m.Passphrase); err != nil || !ok {
		return access.Member{}, errors.Join(err, org.ErrWrongPassphrase)
	}
	log.Printf("signed in while the shared organization's server is away: not in the audit log")
	return m, nil
}

// lock records that the member locked the app; with a shared organization's server away
// the app locks all the same, unrecorded.
func lock(s *services, memberID string) error {
	err := s.orgs.Lock(memberID, false)
	if s.shared != nil && errors.Is(err, shared.ErrUnreachable) {
		log.Printf("locked while the shared organization's server is away: not in the audit log")
		return nil
	}
	return err
}
