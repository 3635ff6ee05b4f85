package ui

import (
	"context"
	"errors"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/invite"
	"proofkeys/backend/org"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
)

// ErrFirstComputerCode means the invite code was made by the server for an organization's
// first computer, not for a member: a member joins with a code an Owner or Admin made.
var ErrFirstComputerCode = errors.New("this invite code is for the organization's first computer, not for a member")

// joinWait bounds redeeming an invite code and copying the organization.
const joinWait = time.Minute

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
	ctx, cancel := context.WithTimeout(context.Background(), joinWait)
	defer cancel()
	creds, err := invite.Redeem(ctx, c, time.Now())
	if err != nil {
		return StateView{}, err
	}
	if err := creds.Keep(s.vault); err != nil {
		return StateView{}, err
	}
	joined, err := x.c.connect(s.vault, creds, func(client *clientv3.Client, local *store.Store) (*shared.Org, error) {
		return shared.Join(client, creds.Prefix, local, s.vault, creds.Member)
	})
	if err != nil {
		return StateView{}, err
	}
	if err := (sharedPlace{Prefix: creds.Prefix, Member: creds.Member}).save(x.c.dataDir); err != nil {
		joined.close()
		return StateView{}, err
	}
	x.c.close()
	x.c.use(x.c.startCtx, joined, nil)
	x.c.session.setMember(creds.Member)
	return x.c.state(joined)
}
