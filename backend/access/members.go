package access

import (
	"errors"
	"fmt"
)

var (
	// ErrLastOwner means the change would leave the organization without an Owner.
	ErrLastOwner = errors.New("the last owner cannot be removed or demoted")
	// ErrOwnerOnly means only an Owner may change an Owner or make someone one.
	ErrOwnerOnly = errors.New("only an owner can change an owner")
	// ErrRemoveSelf means a member cannot remove themselves while using the app.
	ErrRemoveSelf = errors.New("you cannot remove yourself")
	// ErrUnknownRole means not one of Owner, Admin, Team member.
	ErrUnknownRole = errors.New("unknown role")
)

// Valid reports whether r is one of the three roles.
func (r Role) Valid() bool { return r == Owner || r == Admin || r == TeamMember }

// CanAdd checks that actor may add a member with role. An Admin may add Admins and Team
// members; only an Owner may add another Owner.
func CanAdd(actor Member, e Enablement, role Role) error {
	if err := Can(actor, e, ManageMembers); err != nil {
		return err
	}
	if !role.Valid() {
		return fmt.Errorf("%w %q", ErrUnknownRole, role)
	}
	if role == Owner && actor.Role != Owner {
		return ErrOwnerOnly
	}
	return nil
}

// CanChange checks that actor may give target the role role, in an organization whose
// members are members. An Admin cannot change an Owner (nor make one): Owners are the
// last word on the organization. The last Owner cannot be demoted.
func CanChange(actor, target Member, e Enablement, role Role, members []Member) error {
	if err := CanAdd(actor, e, role); err != nil {
		return err
	}
	if target.Role == Owner && actor.Role != Owner {
		return ErrOwnerOnly
	}
	if target.Role == Owner && role != Owner && owners(members) <= 1 {
		return ErrLastOwner
	}
	return nil
}

// CanRemove checks that actor may remove target. Nobody removes themselves (the app would
// be left signed in as nobody), an Admin cannot remove an Owner, and the last Owner stays.
func CanRemove(actor, target Member, e Enablement, members []Member) error {
	if err := Can(actor, e, ManageMembers); err != nil {
		return err
	}
	if actor.ID == target.ID {
		return ErrRemoveSelf
	}
	if target.Role == Owner && actor.Role != Owner {
		return ErrOwnerOnly
	}
	if target.Role == Owner && owners(members) <= 1 {
		return ErrLastOwner
	}
	return nil
}

// Grantors are the members who may give others the "Manage API keys" permission: the
// Owners and Admins, named when someone is told whom to ask.
func Grantors(members []Member) []Member {
	var out []Member
	for _, m := range members {
		if allowed(m, ManageMembers) {
			out = append(out, m)
		}
	}
	return out
}

func owners(members []Member) int {
	n := 0
	for _, m := range members {
		if m.Role == Owner {
			n++
		}
	}
	return n
}
