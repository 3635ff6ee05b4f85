package org

import (
	"errors"
	"fmt"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// authorize is store's Authorize, with a refusal that says who may act instead.
func authorize(tx *store.Tx, memberID string, action access.Action) (access.Member, access.Org, error) {
	m, o, err := tx.Authorize(memberID, action)
	if errors.Is(err, store.ErrNoMember) {
		return m, o, fmt.Errorf("%w: %w", ErrSignInNeeded, err)
	}
	return m, o, forbidden(err)
}

// ErrManagersOnly means only Owners and Admins manage members, settings and enablement.
var ErrManagersOnly = errors.New("only owners and admins may do this")

// forbidden says who may do the action instead, so the person knows whom to ask; the
// access error stays wrapped.
func forbidden(err error) error {
	if !errors.Is(err, access.ErrForbidden) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrManagersOnly, err)
}

// fieldError is a form error on one field.
func fieldError(field, msg string) apikey.FieldErrors { return apikey.FieldErrors{field: msg} }
