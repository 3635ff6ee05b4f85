package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/access"
	"proofkeys/backend/invite"
	"proofkeys/backend/org"
	"proofkeys/backend/seal"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
)

var (
	// ErrFirstComputerCode means a member pasted the code the server printed for an
	// organization's first computer: a member joins with a code an Owner or Admin made.
	ErrFirstComputerCode = errors.New("this invite code is for the organization's first computer, not for a member")
	// ErrMemberCode means an Owner pasted a member's code to move the organization: it
	// takes the code the server printed.
	ErrMemberCode = errors.New("this invite code is for a member joining from their computer")
	// ErrNotShared means an invite code was asked for in an organization on one computer.
	ErrNotShared = errors.New("this organization is not shared through a server")
)

// joinWait bounds redeeming an invite code and copying (or moving) the organization.
const joinWait = time.Minute

// inviteTTL is how long an invite code made on the Members page works.
const inviteTTL = 24 * time.Hour

// InviteView is a one-time invite code for a member, and until when it works (RFC 3339).
type InviteView struct {
	Code    string `json:"code"`
	Expires string `json:"expires"`
}

// JoinShared joins the shared organization an invite code names, from the first-run
// screen: the code is redeemed once for this computer's connection (kept in the OS
// vault), the organization is copied to this computer, and the app opens on it, signed in
// as the member the code was made for. From then on every change goes to the server.
func (x *Session) JoinShared(code string) (StateView, error) {
	c, err := invite.Parse(code)
	if err != nil {
		return StateView{}, err
	}
	if c.Member == "" {
		return StateView{}, ErrFirstComputerCode
	}
	s, err := x.c.services()
	if err != nil {
		return StateView{}, err
	}
	if _, _, err := s.orgs.Current(""); s.shared != nil || !errors.Is(err, org.ErrNotSetUp) {
		return StateView{}, org.ErrAlreadySetUp
	}
	return x.c.joinWith(s, c, "", func(creds invite.Credentials, client *clientv3.Client, local *store.Store) (*shared.Org, error) {
		return shared.Join(client, creds.Prefix, local, s.vault, creds.Member)
	})
}

// MoveToServer moves this computer's organization to the server whose first invite code
// (the one it printed) is pasted, by its Owner: every member, key and event, each key's
// secret sealed to the Owner and, as they join, to the others who may copy keys. The
// database on this computer stays as it was, unused from then on.
func (x *Org) MoveToServer(code string) (StateView, error) {
	c, err := invite.Parse(code)
	if err != nil {
		return StateView{}, err
	}
	if c.Member != "" {
		return StateView{}, ErrMemberCode
	}
	s, err := x.c.services()
	if err != nil {
		return StateView{}, err
	}
	if s.shared != nil {
		return StateView{}, org.ErrAlreadySetUp
	}
	_, me, err := s.orgs.Current(x.c.member(s))
	if err != nil {
		return StateView{}, err
	}
	if me.Role != access.Owner {
		return StateView{}, access.ErrOwnerOnly
	}
	id, err := seal.LoadOrCreate(s.vault, me.ID)
	if err != nil {
		return StateView{}, err
	}
	return x.c.joinWith(s, c, me.ID, func(creds invite.Credentials, client *clientv3.Client, local *store.Store) (*shared.Org, error) {
		o, err := shared.Open(client, creds.Prefix, local, id, me.ID)
		if err != nil {
			return nil, err
		}
		return o, o.Migrate(s.store, s.vault, me.ID)
	})
}

// joinWith redeems code (for member, when it names none), keeps the credentials in the
// OS vault, opens the organization over them with open, remembers it in the data folder
// and puts it behind the door in place of the single desktop's database.
func (c *core) joinWith(s *services, code invite.Code, member string,
	open func(invite.Credentials, *clientv3.Client, *store.Store) (*shared.Org, error)) (StateView, error) {
	ctx, cancel := context.WithTimeout(context.Background(), joinWait)
	defer cancel()
	creds, err := invite.Redeem(ctx, code, time.Now())
	if err != nil {
		return StateView{}, err
	}
	if creds.Member == "" {
		creds.Member = member
	}
	if err := creds.Keep(s.vault); err != nil {
		return StateView{}, err
	}
	joined, err := c.connect(s.vault, creds, func(client *clientv3.Client, local *store.Store) (*shared.Org, error) {
		return open(creds, client, local)
	})
	if err != nil {
		return StateView{}, err
	}
	if err := (sharedPlace{Prefix: creds.Prefix, Member: creds.Member}).save(c.dataDir); err != nil {
		joined.close()
		return StateView{}, err
	}
	c.close()
	c.use(c.startCtx, joined, nil)
	c.session.setMember(creds.Member)
	return c.state(joined)
}

// InviteCode makes a one-time invite code with which memberID joins the shared
// organization from their computer (Owners and Admins). It works for a day.
func (x *Members) InviteCode(memberID string) (InviteView, error) {
	return with(x.c, func(s *services) (InviteView, error) {
		if s.shared == nil {
			return InviteView{}, ErrNotShared
		}
		me := x.c.member(s)
		o, m, err := s.orgs.Current(me)
		if err != nil {
			return InviteView{}, err
		}
		if access.Can(m, o.Enablement, access.ManageMembers) != nil {
			return InviteView{}, org.ErrManagersOnly
		}
		members, err := s.orgs.Members(me)
		if err != nil {
			return InviteView{}, err
		}
		if !slices.ContainsFunc(members, func(m access.Member) bool { return m.ID == memberID }) {
			return InviteView{}, org.ErrNoSuchMember
		}
		ctx, cancel := context.WithTimeout(context.Background(), shared.Timeout)
		defer cancel()
		code, err := s.shared.creds.Invite(ctx, s.shared.client, memberID, inviteTTL, time.Now())
		if ctx.Err() != nil {
			return InviteView{}, fmt.Errorf("%w: %w", shared.ErrUnreachable, err)
		}
		if err != nil {
			return InviteView{}, err
		}
		return InviteView{Code: code.String(), Expires: code.Expires.Format(time.RFC3339)}, nil
	})
}
