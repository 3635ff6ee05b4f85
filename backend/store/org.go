package store

import (
	"errors"
	"fmt"

	"proofkeys/backend/access"
)

// Org returns the organization, or ErrNotFound before setup.
func (t *Tx) Org() (access.Org, error) {
	var o access.Org
	return o, t.get(bucketOrg, keyOrg, &o)
}

// PutOrg writes the organization.
func (t *Tx) PutOrg(o access.Org) error { return t.put(bucketOrg, keyOrg, o) }

// Member returns the member with id.
func (t *Tx) Member(id string) (access.Member, error) {
	var m access.Member
	return m, t.get(bucketMembers, []byte(id), &m)
}

// PutMember writes a member.
func (t *Tx) PutMember(m access.Member) error { return t.put(bucketMembers, []byte(m.ID), m) }

// Members lists every member.
func (t *Tx) Members() ([]access.Member, error) {
	var out []access.Member
	err := each(t, bucketMembers, func(m access.Member) error { out = append(out, m); return nil })
	return out, err
}

// RemoveMember deletes a member's record.
func (t *Tx) RemoveMember(id string) error { return t.remove(bucketMembers, []byte(id)) }

// Authorize loads the organization and the acting member and checks that the member may
// perform action. Use cases call it inside their own transaction, so that the check and
// the change see the same data. A member who is not (or no longer) in the organization
// gets ErrNoMember.
func (t *Tx) Authorize(memberID string, action access.Action) (access.Member, access.Org, error) {
	o, err := t.Org()
	if err != nil {
		return access.Member{}, access.Org{}, fmt.Errorf("load organization: %w", err)
	}
	m, err := t.Member(memberID)
	if errors.Is(err, ErrNotFound) {
		return access.Member{}, access.Org{}, ErrNoMember
	}
	if err != nil {
		return access.Member{}, access.Org{}, err
	}
	if err := access.Can(m, o.Enablement, action); err != nil {
		return access.Member{}, access.Org{}, err
	}
	return m, o, nil
}
