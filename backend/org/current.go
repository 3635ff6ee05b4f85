package org

import (
	"errors"

	"proofkeys/backend/access"
	"proofkeys/backend/store"
)

// Current returns the organization and the member using the app. With memberID empty, an
// organization of one member without a passphrase is used by that member; otherwise
// someone must sign in.
func (s *Service) Current(memberID string) (access.Org, access.Member, error) {
	var o access.Org
	var m access.Member
	err := s.Store.View(func(tx *store.Tx) error {
		var err error
		if o, err = setUpOrg(tx); err != nil {
			return err
		}
		if memberID != "" {
			if m, err = tx.Member(memberID); errors.Is(err, store.ErrNotFound) {
				return ErrSignInNeeded // removed while signed in
			}
			return err
		}
		members, err := tx.Members()
		if err != nil {
			return err
		}
		if len(members) != 1 || SignInRequired(members) {
			return ErrSignInNeeded
		}
		m = members[0]
		return nil
	})
	return o, m, err
}

// setUpOrg reads the organization, or says ErrNotSetUp before the first setup.
func setUpOrg(tx *store.Tx) (access.Org, error) {
	o, err := tx.Org()
	if errors.Is(err, store.ErrNotFound) {
		return o, ErrNotSetUp
	}
	return o, err
}

// MemberName is a member's name for display, or "a former member" when the record is gone.
func (s *Service) MemberName(id string) string {
	name := "a former member"
	_ = s.Store.View(func(tx *store.Tx) error {
		if m, err := tx.Member(id); err == nil {
			name = m.Name
		}
		return nil
	})
	return name
}
