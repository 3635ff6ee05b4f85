package org

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/store"
)

var (
	// ErrNoSuchMember means no member with that ID (removed a moment ago).
	ErrNoSuchMember = errors.New("no such member")
	// ErrPassphraseFirst means the org is about to need sign-in, and the person adding a member
	// has no passphrase yet, so they would lock themselves out.
	ErrPassphraseFirst = errors.New("set your own passphrase before adding members")
)

// NewMember is the form for adding a member. Passphrase is their first one, which the
// person adding them passes on; they can change it after signing in.
type NewMember struct {
	Name, Email   string
	Role          access.Role
	ManageAPIKeys bool
	Passphrase    string
}

// Members lists the members, Owners first, then by name. Every member may see it.
func (s *Service) Members(memberID string) ([]access.Member, error) {
	var list []access.Member
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := authorize(tx, memberID, access.ViewMembers); err != nil {
			return err
		}
		var err error
		list, err = tx.Members()
		return err
	})
	sortMembers(list)
	return list, err
}

// sortMembers orders members as lists show them: Owners, Admins, Team members, by name.
func sortMembers(list []access.Member) {
	slices.SortFunc(list, func(a, b access.Member) int {
		return cmp.Or(cmp.Compare(rank(a.Role), rank(b.Role)), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
}

// AddMember adds a member with a first passphrase, for Owners and Admins.
func (s *Service) AddMember(actorID string, in NewMember) (access.Member, error) {
	in.Name, in.Email = strings.TrimSpace(in.Name), strings.TrimSpace(in.Email)
	if errs := checkMember(in); errs != nil {
		return access.Member{}, errs
	}
	id, err := apikey.NewID("mem_", s.Rand)
	if err != nil {
		return access.Member{}, err
	}
	hash, err := passphrase.Hash(in.Passphrase, s.Hashing, s.Rand)
	if err != nil {
		return access.Member{}, err
	}
	m := access.Member{ID: id, Name: in.Name, Email: in.Email, Role: in.Role, CreatedAt: s.Now().UTC(),
		ManageAPIKeys: in.ManageAPIKeys && in.Role == access.TeamMember, Passphrase: &hash}
	err = s.Store.Update(func(tx *store.Tx) error {
		actor, o, err := load(tx, actorID)
		if err != nil {
			return err
		}
		if err := access.CanAdd(actor, o.Enablement, in.Role); err != nil {
			return forbidden(err)
		}
		if actor.Passphrase == nil {
			return ErrPassphraseFirst
		}
		members, err := tx.Members()
		if err != nil {
			return err
		}
		if slices.ContainsFunc(members, func(x access.Member) bool { return strings.EqualFold(x.Email, m.Email) }) {
			return fieldError("email", "A member with this email address already exists.")
		}
		if err := s.memberEvent(tx, actor, audit.MemberAdded, m, nil); err != nil {
			return err
		}
		return tx.PutMember(m)
	})
	return m, err
}

// ChangeMember gives a member another role or Manage API keys grant. The grant only
// means something for a Team member: Owners and Admins manage keys anyway.
func (s *Service) ChangeMember(actorID, targetID string, role access.Role, grant bool) (access.Member, error) {
	var target access.Member
	err := s.Store.Update(func(tx *store.Tx) error {
		actor, o, members, t, err := loadPair(tx, actorID, targetID)
		if err != nil {
			return err
		}
		target = t
		if err := access.CanChange(actor, target, o.Enablement, role, members); err != nil {
			return forbidden(err)
		}
		grant = grant && role == access.TeamMember
		changes := memberChanges(target, role, grant)
		if len(changes) == 0 {
			return nil
		}
		target.Role, target.ManageAPIKeys = role, grant
		if err := s.memberEvent(tx, actor, audit.MemberChanged, target, changes); err != nil {
			return err
		}
		return tx.PutMember(target)
	})
	return target, err
}

// RemoveMember removes a member. Keys they made stay; the list then says "a former member".
func (s *Service) RemoveMember(actorID, targetID string) error {
	return s.Store.Update(func(tx *store.Tx) error {
		actor, o, members, target, err := loadPair(tx, actorID, targetID)
		if err != nil {
			return err
		}
		if err := access.CanRemove(actor, target, o.Enablement, members); err != nil {
			return forbidden(err)
		}
		if err := s.memberEvent(tx, actor, audit.MemberRemoved, target, nil); err != nil {
			return err
		}
		return tx.RemoveMember(target.ID)
	})
}

// load is authorize without an action: the member rules need the member and org first.
func load(tx *store.Tx, memberID string) (access.Member, access.Org, error) {
	return authorize(tx, memberID, access.ViewMembers)
}

// loadPair loads the acting member, the org, every member and the member acted on.
func loadPair(tx *store.Tx, actorID, targetID string) (actor access.Member, o access.Org, members []access.Member, target access.Member, err error) {
	if actor, o, err = load(tx, actorID); err != nil {
		return
	}
	if members, err = tx.Members(); err != nil {
		return
	}
	target, err = find(members, targetID)
	return
}

func find(members []access.Member, id string) (access.Member, error) {
	i := slices.IndexFunc(members, func(m access.Member) bool { return m.ID == id })
	if i < 0 {
		return access.Member{}, ErrNoSuchMember
	}
	return members[i], nil
}

func (s *Service) memberEvent(tx *store.Tx, actor access.Member, a audit.Action, m access.Member, changes []audit.Change) error {
	_, err := tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: actor.ID, ActorName: actor.Name,
		Action: a, Detail: m.Name + " (" + m.ID + ")", Changes: changes})
	return err
}

func memberChanges(m access.Member, role access.Role, grant bool) []audit.Change {
	var out []audit.Change
	if m.Role != role {
		out = append(out, audit.Change{Field: "role", Old: string(m.Role), New: string(role)})
	}
	if m.ManageAPIKeys != grant {
		out = append(out, audit.Change{Field: "manageApiKeys",
			Old: strconv.FormatBool(m.ManageAPIKeys), New: strconv.FormatBool(grant)})
	}
	return out
}

func checkMember(in NewMember) apikey.FieldErrors {
	errs := checkPerson(in.Name, in.Email)
	if errs == nil {
		errs = apikey.FieldErrors{}
	}
	if _, bad := errs["name"]; bad {
		errs["name"] = "Enter their name (1 to 100 characters)."
	}
	if !in.Role.Valid() {
		errs["role"] = "Choose Owner, Admin or Team member."
	}
	if passphrase.Check(in.Passphrase) != nil {
		errs["passphrase"] = "Enter a first passphrase of at least 8 characters; tell it to them in person."
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// rank orders roles for lists: Owners, Admins, Team members.
func rank(r access.Role) int {
	return map[access.Role]int{access.Owner: 0, access.Admin: 1, access.TeamMember: 2}[r]
}
