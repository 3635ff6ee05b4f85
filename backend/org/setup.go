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

// Setup creates the organization and its first member, its Owner. A new organization has
// no API access: Proof enables it with a signed code (ApplyEnablement).
func (s *Service) Setup(orgName, name, email string) (access.Org, access.Member, error) {
	return s.create(orgName, name, email, nil)
}

// create makes the org and its Owner in one transaction; then, if given, runs more in the
// same transaction (the demo's enablement), so a failure leaves no half-made org.
func (s *Service) create(orgName, name, email string, then func(*store.Tx, *access.Org, access.Member) error) (access.Org, access.Member, error) {
	orgName, name, email = strings.TrimSpace(orgName), strings.TrimSpace(name), strings.TrimSpace(email)
	if errs := checkSetup(orgName, name, email); errs != nil {
		return access.Org{}, access.Member{}, errs
	}
	orgID, err := access.NewOrgID(s.Rand)
	if err != nil {
		return access.Org{}, access.Member{}, err
	}
	memberID, err := apikey.NewID("mem_", s.Rand)
	if err != nil {
		return access.Org{}, access.Member{}, err
	}
	now := s.Now().UTC()
	o := access.Org{ID: orgID, Name: orgName, CreatedAt: now, Settings: access.DefaultSettings}
	m := access.Member{ID: memberID, Name: name, Email: email, Role: access.Owner, CreatedAt: now}
	err = s.Store.Update(func(tx *store.Tx) error {
		if _, err := tx.Org(); !errors.Is(err, store.ErrNotFound) {
			return ErrAlreadySetUp
		}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		if _, err := tx.AppendEvent(audit.Event{Time: now, Actor: m.ID, ActorName: m.Name,
			Action: audit.OrgSetUp, Detail: o.Name}); err != nil {
			return err
		}
		if then != nil {
			if err := then(tx, &o, m); err != nil {
				return err
			}
		}
		return tx.PutOrg(o)
	})
	return o, m, err
}

func checkSetup(orgName, name, email string) apikey.FieldErrors {
	errs := checkPerson(name, email)
	if orgName == "" || utf8.RuneCountInString(orgName) > 100 {
		if errs == nil {
			errs = apikey.FieldErrors{}
		}
		errs["orgName"] = "Enter your organization's name (1 to 100 characters)."
	}
	return errs
}

// checkPerson checks a member's name and email, for setup and for adding members.
func checkPerson(name, email string) apikey.FieldErrors {
	errs := apikey.FieldErrors{}
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
