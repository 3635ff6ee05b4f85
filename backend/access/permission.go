package access

import (
	"errors"
	"fmt"
)

// Action is something a member asks to do.
type Action string

const (
	ViewKeys   Action = "view keys"
	ManageKeys Action = "manage keys" // generate, configure, copy, replace, delete
)

var (
	// ErrForbidden: the member's role does not allow the action.
	ErrForbidden = errors.New("not allowed")
	// ErrNoAPIAccess: Proof has not enabled API access for the organization.
	ErrNoAPIAccess = errors.New("api access is not enabled")
)

// Can reports whether m may perform a in an organization with enablement e.
// Owners, Admins and Team members granted "Manage API keys" manage keys; every member
// may view them. Nothing about keys is possible while API access is not enabled.
func Can(m Member, e Enablement, a Action) error {
	if !e.APIAccess {
		return ErrNoAPIAccess
	}
	switch a {
	case ViewKeys:
		return nil
	case ManageKeys:
		if m.Role == Owner || m.Role == Admin || m.ManageAPIKeys {
			return nil
		}
	}
	return fmt.Errorf("%w: %s may not %s", ErrForbidden, m.Role, a)
}
