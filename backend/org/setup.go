package org

import (
	"errors"
	"net/mail"
	"strings"
	"unicode/utf8"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// Setup creates the organization and its first member, its Owner. Until Proof's
// enablement lands in the app, API access counts as enabled; the Invoice and Your
// Organization payers still wait for Proof.
func (s *Service) Setup(orgName, name, email string) (access.Org, access.Member, error) {
	orgName, name, email = strings.TrimSpace(orgName), strings.TrimSpace(name), strings.TrimSpace(email)
	if errs := checkSetup(orgName, name, email); errs != nil {
		return access.Org{}, access.Member{}, errs
	}
	orgID, err := apikey.NewID("org_", s.Rand)
	if err != nil {
		return access.Org{}, access.Member{}, err
	}
	memberID, err := apikey.NewID("mem_", s.Rand)
	if err != nil {
		return access.Org{}, access.Member{}, err
	}
	now := s.Now().UTC()
	o := access.Org{ID: orgID, Name: orgName, CreatedAt: now, Enablement: access.Enablement{APIAccess: true},
		Settings: access.DefaultSettings}
	m := access.Member{ID: memberID, Name: name, Email: email, Role: access.Owner, CreatedAt: now}
	err = s.Store.Update(func(tx *store.Tx) error {
		if _, err := tx.Org(); !errors.Is(err, store.ErrNotFound) {
			return ErrAlreadySetUp
		}
		if err := tx.PutOrg(o); err != nil {
			return err
		}
		if _, err := tx.AppendEvent(audit.Event{Time: now, Actor: m.ID, ActorName: m.Name,
			Action: audit.OrgSetUp, Detail: o.Name}); err != nil {
			return err
		}
		return tx.PutMember(m)
	})
	return o, m, err
}

func checkSetup(orgName, name, email string) apikey.FieldErrors {
	errs := apikey.FieldErrors{}
	if orgName == "" || utf8.RuneCountInString(orgName) > 100 {
		errs["orgName"] = "Enter your organization's name (1 to 100 characters)."
	}
	if name == "" || utf8.RuneCountInString(name) > 100 {
		errs["name"] = "Enter your name (1 to 100 characters)."
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		errs["email"] = "Enter an email address such as dana@example.com."
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}
