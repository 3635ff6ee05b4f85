package server_test

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/invite"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/seal"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
	"proofkeys/backend/vault/vaulttest"
)

type clip struct{ last string }

func (c *clip) WriteSecret(s string) error { c.last = s; return nil }

// stores opens n store files: a single desktop's, and each desktop's copy.
func stores(t *testing.T, n int) []*store.Store {
	t.Helper()
	out := make([]*store.Store, n)
	for i := range out {
		s, err := store.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		out[i] = s
	}
	return out
}

// An Owner moves a single-desktop organization to the server over the first invite
// code's credentials, then invites an Admin from their desktop; the Admin joins with that
// code: a key made on one desktop is listed and copied on the other, over TLS with the
// certificates the codes gave.
func TestTwoDesktopsJoinByInviteAndShareAKey(t *testing.T) {
	s := start(t)
	ctx := context.Background()
	const prefix = "/proofkeys/acme/"
	v := vaulttest.New(t)

	files := stores(t, 3)
	single := files[0]
	_, owner, err := org.New(single).Setup("Acme", "Olive Owner", "olive@example.com")
	if err != nil {
		t.Fatal(err)
	}
	admin := access.Member{ID: "mem_server_ada", Name: "Ada", Role: access.Admin}
	err = single.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return err
		}
		o.Enablement.APIAccess = true
		if err := tx.PutMember(admin); err != nil {
			return err
		}
		return tx.PutOrg(o)
	})
	if err != nil {
		t.Fatal(err)
	}
	codeA, err := s.Invite(ctx, prefix, owner.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	clA, credsA := connect(t, codeA.String())
	idA, err := seal.LoadOrCreate(v, owner.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := shared.Open(clA, prefix, files[1], idA, owner.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Migrate(single, v, owner.ID); err != nil {
		t.Fatal(err)
	}

	// The Owner's desktop invites the Admin it added.
	codeB, err := credsA.Invite(ctx, clA, admin.ID, time.Hour, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	clB, credsB := connect(t, codeB.String())
	if credsB.Member != admin.ID {
		t.Fatalf("the code was for %q", credsB.Member)
	}
	// B keeps its credentials in its vault, and connects with them again as at a restart.
	if err := credsB.Keep(v); err != nil {
		t.Fatal(err)
	}
	kept, err := invite.Kept(v, prefix)
	if err != nil {
		t.Fatal(err)
	}
	clB, err = kept.Connect()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = clB.Close() })
	b, err := shared.Join(clB, credsB.Prefix, files[2], v, credsB.Member)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, id := range []string{owner.ID, admin.ID} {
			_ = v.Delete("age-identity-" + id)
			_ = v.Delete("signing-key-" + id)
		}
		_ = v.Delete("shared-credentials-" + prefix)
	})

	clipA, clipB := &clip{}, &clip{}
	keysA, keysB := keys.New(a, a, clipA), keys.New(b, b, clipB)
	k, err := keysA.Generate(owner.ID, apikey.Production)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	list, err := keysB.List(admin.ID, apikey.Production)
	if err != nil || len(list) != 1 || list[0].ID != k.ID {
		t.Fatalf("B lists %v, %v", list, err)
	}
	if _, err := keysB.Copy(admin.ID, k.ID); err != nil {
		t.Fatal(err)
	}
	if apikey.Fingerprint(clipB.last) != k.Fingerprint {
		t.Fatal("B copied another secret")
	}

	// A snapshot of the server's database holds the key's sealed secret, never the secret.
	path, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(k.ID)) {
		t.Fatal("the snapshot does not hold the key's record: nothing was searched")
	}
	if bytes.Contains(raw, []byte(clipB.last)) || bytes.Contains(raw, []byte("AGE-SECRET-KEY-")) {
		t.Fatal("the snapshot holds a secret")
	}
}
