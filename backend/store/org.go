package store

import "proofkeys/backend/access"

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
