package main

import (
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/org"
)

// MemberListView is a member on the Members page. Never the passphrase, only whether
// one is set.
type MemberListView struct {
	MemberView
	ManageAPIKeys bool   `json:"manageApiKeys"`
	CanManageKeys bool   `json:"canManageKeys"`
	HasPassphrase bool   `json:"hasPassphrase"`
	CreatedAt     string `json:"createdAt"` // RFC 3339
}

// NewMemberInput is the Add member form.
type NewMemberInput struct {
	Name          string `json:"name"`
	Email         string `json:"email"`
	Role          string `json:"role"`
	ManageAPIKeys bool   `json:"manageApiKeys"`
	Passphrase    string `json:"passphrase"`
}

// ListMembers lists the organization's members.
func (a *App) ListMembers() ([]MemberListView, error) {
	if a.openErr != nil {
		return nil, a.openErr
	}
	list, err := a.orgs.Members(a.member())
	if err != nil {
		return nil, err
	}
	views := make([]MemberListView, 0, len(list))
	for _, m := range list {
		views = append(views, memberListView(m))
	}
	return views, nil
}

// AddMember adds a member with a first passphrase (Owners and Admins).
func (a *App) AddMember(in NewMemberInput) (MemberListView, error) {
	if a.openErr != nil {
		return MemberListView{}, a.openErr
	}
	m, err := a.orgs.AddMember(a.member(), org.NewMember{Name: in.Name, Email: in.Email,
		Role: access.Role(in.Role), ManageAPIKeys: in.ManageAPIKeys, Passphrase: in.Passphrase})
	if err != nil {
		return MemberListView{}, err
	}
	return memberListView(m), nil
}

// ChangeMember sets a member's role and "Manage API keys" grant.
func (a *App) ChangeMember(id, role string, manageAPIKeys bool) (MemberListView, error) {
	if a.openErr != nil {
		return MemberListView{}, a.openErr
	}
	m, err := a.orgs.ChangeMember(a.member(), id, access.Role(role), manageAPIKeys)
	if err != nil {
		return MemberListView{}, err
	}
	return memberListView(m), nil
}

// RemoveMember removes a member; the keys they made stay.
func (a *App) RemoveMember(id string) error {
	if a.openErr != nil {
		return a.openErr
	}
	return a.orgs.RemoveMember(a.member(), id)
}

// SetPassphrase sets a passphrase: one's own (with the current one, if any), or another
// member's, by an Owner or Admin, for a member who forgot theirs.
func (a *App) SetPassphrase(memberID, current, next string) error {
	if a.openErr != nil {
		return a.openErr
	}
	return a.orgs.SetPassphrase(a.member(), memberID, current, next)
}

func memberListView(m access.Member) MemberListView {
	return MemberListView{MemberView: memberView(m), ManageAPIKeys: m.ManageAPIKeys,
		CanManageKeys: m.Role == access.Owner || m.Role == access.Admin || m.ManageAPIKeys,
		HasPassphrase: m.Passphrase != nil, CreatedAt: m.CreatedAt.UTC().Format(time.RFC3339)}
}
