package access

import (
	"errors"
	"fmt"
)

// Action is something a member asks to do.
type Action string

// The actions a member may or may not take.
const (
	ViewKeys   Action = "view keys"
	ManageKeys Action = "manage keys" // generate, configure, copy, replace, delete

	ViewMembers     Action = "view members"
	ManageMembers   Action = "manage members"      // add, remove, change roles and grants
	ApplyEnablement Action = "apply enablement"    // paste a code from Proof
	ManageSettings  Action = "change org settings" // auto-lock, rotation, clipboard policies
)

var (
	// ErrForbidden means the member's role does not allow the action.
	ErrForbidden = errors.New("not allowed")
	// ErrNoAPIAccess means Proof has not enabled API access for the organization.
	ErrNoAPIAccess = errors.New("api access is not enabled")
)

// keyActions need Proof's API access; the organization's own actions never do, so that an
// org without it can still be set up, manage its members and paste Proof's code.
var keyActions = map[Action]bool{ViewKeys: true, ManageKeys: true}

// Can reports whether m may perform a in an organization with enablement e.
// Every member may view keys and members. Owners, Admins and Team members granted
// "Manage API keys" manage keys. Owners and Admins manage members, settings and apply
// Proof's codes. Nothing about keys is possible while API access is not enabled.
func Can(m Member, e Enablement, a Action) error {
	if keyActions[a] && !e.APIAccess {
		return ErrNoAPIAccess
	}
	if allowed(m, a) {
		return nil
	}
	return fmt.Errorf("%w: %s may not %s", ErrForbidden, m.Role, a)
}

func allowed(m Member, a Action) bool {
	switch a {
	case ViewKeys, ViewMembers:
		return true
	case ManageKeys:
		return m.Role == Owner || m.Role == Admin || m.ManageAPIKeys
	case ManageMembers, ApplyEnablement, ManageSettings:
		return m.Role == Owner || m.Role == Admin
	}
	return false
}
