package access_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"proofkeys/backend/access"
)

var (
	owner   = access.Member{ID: "o1", Role: access.Owner}
	owner2  = access.Member{ID: "o2", Role: access.Owner}
	admin   = access.Member{ID: "a1", Role: access.Admin}
	granted = access.Member{ID: "g1", Role: access.TeamMember, ManageAPIKeys: true}
	team    = access.Member{ID: "t1", Role: access.TeamMember}
	on      = access.Enablement{APIAccess: true}
	off     = access.Enablement{}
)

// TestCanEveryRoleEveryAction is the whole permission table: each role (and the granted
// Team member) against each action, with and without API access.
func TestCanEveryRoleEveryAction(t *testing.T) {
	type row struct {
		action                      access.Action
		owner, admin, granted, team bool
		needsAPIAccess              bool
	}
	table := []row{
		{access.ViewKeys, true, true, true, true, true},
		{access.ManageKeys, true, true, true, false, true},
		{access.ViewMembers, true, true, true, true, false},
		{access.ManageMembers, true, true, false, false, false},
		{access.ApplyEnablement, true, true, false, false, false},
		{access.ManageSettings, true, true, false, false, false},
		{access.Action("launch rockets"), false, false, false, false, false},
	}
	for _, r := range table {
		for _, c := range []struct {
			m    access.Member
			want bool
		}{{owner, r.owner}, {admin, r.admin}, {granted, r.granted}, {team, r.team}} {
			name := string(r.action) + "/" + c.m.ID
			err := access.Can(c.m, on, r.action)
			if c.want {
				assert.NoError(t, err, name)
			} else {
				assert.ErrorIs(t, err, access.ErrForbidden, name)
			}
			err = access.Can(c.m, off, r.action)
			switch {
			case r.needsAPIAccess:
				assert.ErrorIs(t, err, access.ErrNoAPIAccess, name+" without API access")
			case c.want:
				assert.NoError(t, err, name+" without API access")
			default:
				assert.ErrorIs(t, err, access.ErrForbidden, name+" without API access")
			}
		}
	}
}

func TestMemberRules(t *testing.T) {
	one := []access.Member{owner, admin, granted, team}
	two := []access.Member{owner, owner2, admin, team}
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"owner adds owner", access.CanAdd(owner, off, access.Owner), nil},
		{"admin adds admin", access.CanAdd(admin, off, access.Admin), nil},
		{"admin adds team member", access.CanAdd(admin, off, access.TeamMember), nil},
		{"admin cannot add owner", access.CanAdd(admin, off, access.Owner), access.ErrOwnerOnly},
		{"team member cannot add", access.CanAdd(team, off, access.TeamMember), access.ErrForbidden},
		{"granted member cannot add", access.CanAdd(granted, off, access.TeamMember), access.ErrForbidden},
		{"unknown role", access.CanAdd(owner, off, access.Role("boss")), access.ErrUnknownRole},

		{"owner promotes team member", access.CanChange(owner, team, off, access.Admin, one), nil},
		{"admin demotes admin", access.CanChange(admin, admin, off, access.TeamMember, one), nil},
		{"admin cannot demote owner", access.CanChange(admin, owner, off, access.Admin, two), access.ErrOwnerOnly},
		{"admin cannot promote to owner", access.CanChange(admin, team, off, access.Owner, one), access.ErrOwnerOnly},
		{"last owner cannot be demoted", access.CanChange(owner, owner, off, access.Admin, one), access.ErrLastOwner},
		{"one of two owners can be demoted", access.CanChange(owner, owner2, off, access.Admin, two), nil},
		{"team member cannot change roles", access.CanChange(team, granted, off, access.Admin, one), access.ErrForbidden},

		{"owner removes admin", access.CanRemove(owner, admin, off, one), nil},
		{"admin removes team member", access.CanRemove(admin, team, off, one), nil},
		{"admin cannot remove owner", access.CanRemove(admin, owner2, off, two), access.ErrOwnerOnly},
		{"owner removes one of two owners", access.CanRemove(owner, owner2, off, two), nil},
		{"an owner removes the other owner", access.CanRemove(owner2, owner, off, []access.Member{owner, owner2}), nil},
		{"nobody removes themselves", access.CanRemove(owner, owner, off, two), access.ErrRemoveSelf},
		{"team member cannot remove", access.CanRemove(team, granted, off, one), access.ErrForbidden},
	}
	for _, c := range cases {
		if c.want == nil {
			assert.NoError(t, c.err, c.name)
		} else {
			assert.ErrorIs(t, c.err, c.want, c.name)
		}
	}
	// the last owner, seen by another owner who is about to leave: only one Owner in the list
	assert.ErrorIs(t, access.CanRemove(owner2, owner, off, []access.Member{owner, admin}), access.ErrLastOwner)
}

func TestGrantorsAreOwnersAndAdmins(t *testing.T) {
	got := access.Grantors([]access.Member{team, owner, granted, admin})
	assert.Equal(t, []access.Member{owner, admin}, got)
}

func TestEnablementSetAndHas(t *testing.T) {
	var e access.Enablement
	for _, g := range access.Grants {
		assert.False(t, e.Has(g))
		assert.True(t, e.Set(g, true))
		assert.True(t, e.Has(g))
	}
	assert.Equal(t, access.Enablement{APIAccess: true, PayerInvoice: true, PayerOrganization: true}, e)
	assert.False(t, e.Set("payer_moon", true))
	assert.False(t, e.Has("payer_moon"))
	e.Set(access.GrantPayerInvoice, false)
	assert.False(t, e.PayerInvoice)
}
