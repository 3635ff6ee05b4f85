package shared_test

import (
	"errors"
	"testing"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
	"proofkeys/backend/vault/vaulttest"
)

func TestASingleDesktopOrganizationMovesWithEveryKeyMemberAndEvent(t *testing.T) {
	local := openStore(t)
	v := vaulttest.New(t)
	_, owner, err := org.New(local).Setup("Acme", "Olive Owner", "olive@example.com")
	if err != nil {
		t.Fatal(err)
	}
	enableAPI(t, local)
	before := keys.New(local, v, &clipboard{})
	var made []apikey.Key
	for range 3 {
		k, err := before.Generate(owner.ID, apikey.Production)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, k)
	}
	if err := before.Delete(owner.ID, made[0].ID); err != nil {
		t.Fatal(err)
	}
	var localLog struct {
		n    int
		head string
	}
	_ = local.View(func(tx *store.Tx) error {
		l, err := tx.AuditLog()
		localLog.n, localLog.head = len(l.Events), l.Head.Hash
		return err
	})

	c := sharedCluster(t)
	f := &fixture{c: c, vault: v}
	o, err := shared.Open(c.client(t), "/proofkeys/moved/", openStore(t), f.identity(t, owner.ID), owner.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Migrate(local, v, owner.ID); err != nil {
		t.Fatal(err)
	}
	clip := &clipboard{}
	after := keys.New(o, o, clip)
	list, err := after.List(owner.ID, apikey.Production)
	if err != nil || len(list) != 2 {
		t.Fatalf("listed %d keys after the move, %v", len(list), err)
	}
	for _, k := range list {
		if _, err := after.Copy(owner.ID, k.ID); err != nil {
			t.Fatal(err)
		}
		if apikey.Fingerprint(clip.last()) != k.Fingerprint {
			t.Fatalf("key %s copied another secret after the move", k.ID)
		}
	}
	err = o.View(func(tx *store.Tx) error {
		l, err := tx.AuditLog()
		if err != nil {
			return err
		}
		if err := l.Verify(); err != nil {
			return err
		}
		if len(l.Events) < localLog.n+2 || l.Events[localLog.n-1].Hash != localLog.head {
			t.Errorf("the moved log does not continue the local one")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var flags map[uint64]string
	_ = o.View(func(tx *store.Tx) (err error) { flags, err = tx.EventFlags(); return err })
	if len(flags) != 0 {
		t.Fatalf("moved or new events flagged: %v", flags)
	}
	if err := o.Migrate(local, v, owner.ID); !errors.Is(err, shared.ErrNotEmpty) {
		t.Fatalf("a second move onto the same place: %v", err)
	}
}
