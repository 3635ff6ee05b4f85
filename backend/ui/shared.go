package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/invite"
	"proofkeys/backend/privatefile"
	"proofkeys/backend/seal"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// EventOrgChanged is the event the page hears when another desktop's change has reached
// this one's copy of a shared organization: it reloads what it shows.
const EventOrgChanged = "org-changed"

// sharedPlaceFile, in the data folder, says that this computer follows a shared
// organization; the copy of it is in the folder sharedCopyDir beside it, never in the
// single desktop's database.
const (
	sharedPlaceFile = "shared.json"
	sharedCopyDir   = "shared"
)

// sharedPlace is what the data folder remembers of the shared organization it follows:
// where the organization is on its server, and as which member this computer joined.
// Never a secret: the connection's key is in the OS vault (invite.Credentials.Keep).
type sharedPlace struct {
	Prefix string `json:"prefix"`
	Member string `json:"member"`
}

// sharedPlaceOf reads the data folder's sharedPlace; false when it follows none.
func sharedPlaceOf(dataDir string) (sharedPlace, bool, error) {
	var p sharedPlace
	raw, err := os.ReadFile(filepath.Join(dataDir, sharedPlaceFile))
	if errors.Is(err, fs.ErrNotExist) {
		return p, false, nil
	}
	if err != nil {
		return p, false, err
	}
	if err := json.Unmarshal(raw, &p); err != nil || p.Prefix == "" || p.Member == "" {
		return p, false, fmt.Errorf("%w: %s does not say which shared organization this computer follows",
			store.ErrCorrupt, sharedPlaceFile)
	}
	return p, true, nil
}

func (p sharedPlace) save(dataDir string) error {
	raw, _ := json.Marshal(p) // two strings: cannot fail
	return privatefile.Write(filepath.Join(dataDir, sharedPlaceFile), raw)
}

// startWait bounds the catch-up with the server at start-up: while the server is away the
// window opens on the copy after this long, and following the server catches up later.
const startWait = 2 * time.Second

// sharedOrg is the shared organization the services write through, with the connection
// to its server and the credentials this computer joined with (as which member, and what
// the invite codes it makes name).
type sharedOrg struct {
	*shared.Org
	client *clientv3.Client
	creds  invite.Credentials
	local  *store.Store // the copy, which also remembers to whom the keys were last sealed

	mu      sync.Mutex
	exposed map[string]bool // keys a former member could copy (sealing.go)
}

// openShared opens the copy of the shared organization and connects to its server with
// the credentials kept in the OS vault. A server that is away does not stop it: the copy
// is read meanwhile, changes are refused with shared.ErrUnreachable, and following the
// server catches up once it is back.
func (c *core) openShared(p sharedPlace) (*services, error) {
	v, err := vault.New("", c.dataDir)
	if err != nil {
		return nil, err
	}
	id, err := seal.LoadOrCreate(v, p.Member)
	if err != nil {
		return nil, err
	}
	creds, err := invite.Kept(v, p.Prefix)
	if err != nil {
		return nil, err
	}
	creds.Member = p.Member // the data folder's word: the vault's item is per organization
	return c.connect(v, creds, func(client *clientv3.Client, local *store.Store) (*shared.Org, error) {
		o, err := shared.OpenWithin(startWait, client, p.Prefix, local, id, p.Member)
		if errors.Is(err, shared.ErrUnreachable) {
			log.Printf("start-up: %v; the copy on this computer is open meanwhile", err)
			err = nil
		}
		return o, err
	})
}

// connect opens the copy and a connection with creds, and the organization over them
// with open; then the use cases write through it.
func (c *core) connect(v *vault.Vault, creds invite.Credentials,
	open func(*clientv3.Client, *store.Store) (*shared.Org, error)) (*services, error) {
	local, err := store.Open(filepath.Join(c.dataDir, sharedCopyDir))
	if err != nil {
		return nil, err
	}
	client, err := creds.Connect()
	if err != nil {
		_ = local.Close()
		return nil, err
	}
	o, err := open(client, local)
	if err != nil {
		_ = client.Close()
		_ = local.Close()
		return nil, err
	}
	s := c.wire(local, v, o, o)
	s.shared = &sharedOrg{Org: o, client: client, creds: creds, local: local}
	return s, nil
}

// ErrNotThisComputer means a member of a shared organization tried to sign in on another
// member's computer: each change is signed with the keys of the member who joined there.
var ErrNotThisComputer = errors.New("only the member who joined the shared organization on this computer signs in here")

// mayUse says whether memberID may sign in here: anyone on a single desktop, only the
// member who joined on a shared organization's computer (whose keys sign every change).
func (s *services) mayUse(memberID string) error {
	if s.shared != nil && memberID != s.shared.creds.Member {
		return ErrNotThisComputer
	}
	return nil
}

// changed tells the page that the shared organization changed.
func (c *core) changed() {
	if c.desktop != nil {
		c.desktop.Emit(EventOrgChanged)
	}
}

// follow applies the server's changes to the copy until ctx ends, telling changed after
// each, and reseals the keys to members who joined meanwhile.
func (o *sharedOrg) follow(ctx context.Context, changed func()) {
	poke := make(chan struct{}, 1)
	poke <- struct{}{} // members may have joined while this desktop was closed
	o.Applied = func(int64) {
		changed()
		select {
		case poke <- struct{}{}:
		default: // a look is already due
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		o.keepSealed(ctx, poke)
	}()
	if err := o.Follow(ctx); err != nil && ctx.Err() == nil {
		log.Printf("following the shared organization stopped: %v", err)
	}
	<-done
}
