package shared_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	clientv3 "go.etcd.io/etcd/client/v3"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/seal"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
	"proofkeys/backend/vault/vaulttest"
)

// desktop is one member's proofkeys connected to the shared organization, with its own
// copy of it.
type desktop struct {
	member string
	org    *shared.Org
	local  *store.Store
	keys   *keys.Service
	orgs   *org.Service
	clip   *clipboard
}

// fixture is an organization set up by its Owner on a single desktop and moved to a
// cluster; a is the Owner's desktop.
type fixture struct {
	c      *cluster
	prefix string
	vault  *vault.Vault
	a      *desktop
}

func newFixture(t testing.TB, c *cluster) *fixture {
	t.Helper()
	f := &fixture{c: c, prefix: "/proofkeys/" + strings.ReplaceAll(t.Name(), "/", "_") + "/", vault: vaulttest.New(t)}
	single := openStore(t)
	_, owner, err := org.New(single).Setup("Acme", "Olive Owner", "olive@example.com")
	if err != nil {
		t.Fatal(err)
	}
	enableAPI(t, single)
	id := f.identity(t, owner.ID)
	local := openStore(t)
	o, err := shared.Open(c.client(t), f.prefix, local, id, owner.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Migrate(single, f.vault, owner.ID); err != nil {
		t.Fatal(err)
	}
	f.a = newDesktop(owner.ID, o)
	f.a.local = local
	f.a.follow(t)
	return f
}

// identity is member id's identity, removed from the vault when the test ends.
func (f *fixture) identity(t testing.TB, id string) seal.Identity {
	t.Helper()
	identity, err := seal.LoadOrCreate(f.vault, id)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = f.vault.Delete("age-identity-" + id)
		_ = f.vault.Delete("signing-key-" + id)
	})
	return identity
}

func newDesktop(id string, o *shared.Org) *desktop {
	clip := &clipboard{}
	return &desktop{member: id, org: o, keys: keys.New(o, o, clip), orgs: org.New(o), clip: clip}
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// enableAPI turns on the organization's API access, as Proof's code does.
func enableAPI(t testing.TB, s interface {
	Update(func(*store.Tx) error) error
}) {
	t.Helper()
	err := s.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return err
		}
		o.Enablement.APIAccess = true
		return tx.PutOrg(o)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// join connects a desktop of member id: its own client, copy and identity.
func (f *fixture) join(t testing.TB, id string) *desktop {
	t.Helper()
	f.identity(t, id)
	local := openStore(t)
	o, err := shared.Join(f.c.client(t), f.prefix, local, f.vault, id)
	if err != nil {
		t.Fatal(err)
	}
	d := newDesktop(id, o)
	d.local = local
	d.follow(t)
	return d
}

// follow keeps d's copy following the server, as the app does, until the test ends.
func (d *desktop) follow(t testing.TB) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.org.Follow(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// add makes a member (as the Owner's desktop would, without a passphrase) and connects their desktop.
func (f *fixture) add(t *testing.T, name string, role access.Role, grant bool) *desktop {
	t.Helper()
	m := access.Member{ID: "mem_" + strings.ToLower(name), Name: name, Role: role, ManageAPIKeys: grant}
	if err := f.a.org.Update(func(tx *store.Tx) error { return tx.PutMember(m) }); err != nil {
		t.Fatal(err)
	}
	return f.join(t, m.ID)
}

// generate makes a live key on d, failing the test on error.
func (d *desktop) generate(t testing.TB) apikey.Key {
	t.Helper()
	k, err := d.keys.Generate(d.member, apikey.Production)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// copySecret copies id on d and returns what reached the clipboard.
func (d *desktop) copySecret(t *testing.T, id string) string {
	t.Helper()
	if _, err := d.keys.Copy(d.member, id); err != nil {
		t.Fatal(err)
	}
	return d.clip.last()
}

// sync brings d's copy up to date with the server.
func (d *desktop) sync(t testing.TB) {
	t.Helper()
	if err := d.org.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// log reads the whole audit log of d's copy, brought up to date first.
func (d *desktop) log(t testing.TB) audit.Log {
	t.Helper()
	d.sync(t)
	var l audit.Log
	if err := d.org.View(func(tx *store.Tx) (err error) { l, err = tx.AuditLog(); return err }); err != nil {
		t.Fatal(err)
	}
	return l
}

// flags reads why events failed their checks on d's copy.
func (d *desktop) flags(t testing.TB) map[uint64]string {
	t.Helper()
	d.sync(t)
	var flags map[uint64]string
	if err := d.org.View(func(tx *store.Tx) (err error) { flags, err = tx.EventFlags(); return err }); err != nil {
		t.Fatal(err)
	}
	return flags
}

// clipboard keeps the last secret it was given.
type clipboard struct {
	mu     sync.Mutex
	secret string
}

func (c *clipboard) WriteSecret(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.secret = s
	return nil
}

func (c *clipboard) last() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.secret
}

// sharedCluster is a fresh 3-member cluster for one test.
func sharedCluster(t *testing.T) *cluster { return startCluster(t, 3, false) }

// rawPrefix reads the keys under the organization's prefix plus rest straight from the
// server, as another program would, by their name after it.
func rawPrefix(t *testing.T, f *fixture, rest string) map[string][]byte {
	t.Helper()
	resp, err := f.c.client(t).Get(context.Background(), f.prefix+rest, clientv3.WithPrefix())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, kv := range resp.Kvs {
		out[string(kv.Key[len(f.prefix+rest):])] = kv.Value
	}
	return out
}

// rawKeys decodes every key record on the server.
func rawKeys(t *testing.T, f *fixture) map[string]apikey.Key {
	t.Helper()
	out := map[string]apikey.Key{}
	for id, raw := range rawPrefix(t, f, "b/keys/") {
		k, err := store.DecodeKey(raw)
		if err != nil {
			t.Fatal(err)
		}
		out[id] = k
	}
	return out
}
