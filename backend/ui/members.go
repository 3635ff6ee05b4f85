package ui

import (
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/org"
)

// Members is the Members page: who belongs to the organization, their roles and passphrases.
type Members struct{ c *core }

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
func (x *Members) ListMembers() ([]MemberListView, error) {
	return with(x.c, func(s *services) ([]MemberListView, error) {
		list, err := s.orgs.Members(x.c.member(s))
		if err != nil {
			return nil, err
		}
		views := make([]MemberListView, 0, len(list))
		for _, m := range list {
			views = append(views, memberListView(m))
		}
		return views, nil
	})
}

// AddMember adds a member with a first passphrase (Owners and Admins).
func (x *Members) AddMember(in NewMemberInput) (MemberListView, error) {
	return with(x.c, func(s *services) (MemberListView, error) {
		m, err := s.orgs.AddMember(x.c.member(s), org.NewMember{Name: in.Name, Email: in.Email,
			Role: access.Role(in.Role), ManageAPIKeys: in.ManageAPIKeys, Passphrase: in.Passphrase})
		return memberListView(m), err
	})
}

// ChangeMember sets a member's role and "Manage API keys" grant.
func (x *Members) ChangeMember(id, role string, manageAPIKeys bool) (MemberListView, error) {
	return with(x.c, func(s *services) (MemberListView, error) {
		m, err := s.orgs.ChangeMember(x.c.member(s), id, access.Role(role), manageAPIKeys)
		return memberListView(m), err
	})
}

// RemoveMember removes a member; the keys they made stay.
func (x *Members) RemoveMember(id string) error {
	s, err := x.c.services()
	if err != nil {
		return err
	}
	return s.orgs.RemoveMember(x.c.member(s), id)
}

// PassphraseView is what setting a passphrase gives back: an Owner who set their own gets
// a recovery code, shown this once ("" for everyone else).
type PassphraseView struct {
	RecoveryCode string `json:"recoveryCode"`
}

// SetPassphrase sets a passphrase: one's own (with the current one, if any), or another
// member's, by an Owner or Admin, for a member who forgot theirs.
func (x *Members) SetPassphrase(memberID, current, next string) (PassphraseView, error) {
	return with(x.c, func(s *services) (PassphraseView, error) {
		code, err := s.orgs.SetPassphrase(x.c.member(s), memberID, current, next)
		return PassphraseView{RecoveryCode: code}, err
	})
}

func memberListView(m access.Member) MemberListView {
	return MemberListView{MemberView: memberView(m), ManageAPIKeys: m.ManageAPIKeys,
		CanManageKeys: m.Role == access.Owner || m.Role == access.Admin || m.ManageAPIKeys,
		HasPassphrase: m.Passphrase != nil, CreatedAt: m.CreatedAt.UTC().Format(time.RFC3339)}
}
