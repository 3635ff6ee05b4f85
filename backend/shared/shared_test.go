package shared_test

import (
	"errors"
	"maps"
	"slices"
	"testing"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/seal"
	"proofkeys/backend/store"
)

func TestAKeyGeneratedOnOneDesktopIsListedAndCopiedOnTheOther(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	b := f.add(t, "Ada", access.Admin, false)
	k := f.a.generate(t)
	b.sync(t)
	list, err := b.keys.List(b.member, apikey.Production)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != k.ID || list[0].State != apikey.Active {
		t.Fatalf("desktop B lists %+v, want the key made on A", list)
	}
	secret := b.copySecret(t, k.ID)
	if apikey.Fingerprint(secret) != k.Fingerprint {
		t.Fatal("desktop B copied a secret that is not the key's")
	}
	if got := f.a.copySecret(t, k.ID); got != secret {
		t.Fatal("A and B copied different secrets")
	}
}

func TestAMemberRemovedCannotOpenNewEnvelopes(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	c := f.add(t, "Cleo", access.TeamMember, true)
	viewer := f.add(t, "Vic", access.TeamMember, false)
	before := f.a.generate(t)
	c.sync(t)
	if c.copySecret(t, before.ID) == "" {
		t.Fatal("a member with Manage API keys could not copy")
	}
	if _, err := viewer.org.Get(before.ID); !errors.Is(err, seal.ErrNotForYou) {
		t.Fatalf("a member without Manage API keys opened an envelope: %v", err)
	}
	if err := f.a.orgs.RemoveMember(f.a.member, c.member); err != nil {
		t.Fatal(err)
	}
	after := f.a.generate(t)
	c.sync(t)
	if _, err := c.org.Get(after.ID); !errors.Is(err, seal.ErrNotForYou) {
		t.Fatalf("a removed member opened a new envelope: %v", err)
	}
	if _, err := c.keys.Copy(c.member, after.ID); !errors.Is(err, store.ErrNoMember) {
		t.Fatalf("a removed member copied: %v", err)
	}
}

func TestDeleteOnOneDesktopRemovesTheEnvelopeForAll(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	b := f.add(t, "Ada", access.Admin, false)
	k := f.a.generate(t)
	if err := b.keys.Delete(b.member, k.ID); err != nil {
		t.Fatal(err)
	}
	f.a.sync(t)
	if list, _ := f.a.keys.List(f.a.member, apikey.Production); len(list) != 0 {
		t.Fatalf("A still lists %v", list)
	}
	env := rawPrefix(t, f, "sealed/")
	if len(env) != 0 {
		t.Fatalf("envelopes left after delete: %v", slices.Collect(maps.Keys(env)))
	}
	events := f.a.log(t).Events
	if last := events[len(events)-1]; last.Action != audit.KeyDeleted || last.KeyID != k.ID {
		t.Fatalf("last event %+v, want the deletion", last)
	}
}

func TestAMemberWhoJoinsLaterCopiesOnceResealed(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	k := f.a.generate(t)
	late := f.add(t, "Lee", access.TeamMember, true)
	if _, err := late.org.Get(k.ID); !errors.Is(err, seal.ErrNotForYou) {
		t.Fatalf("a key made before the member joined: %v", err)
	}
	if _, err := late.org.Reseal(late.member); !errors.Is(err, access.ErrForbidden) {
		t.Fatalf("a Team member resealed: %v", err)
	}
	r, err := f.a.org.Reseal(f.a.member)
	if err != nil || r.Keys != 1 || r.NotOpened != 0 {
		t.Fatalf("reseal: %+v, %v", r, err)
	}
	late.sync(t)
	if got := late.copySecret(t, k.ID); apikey.Fingerprint(got) != k.Fingerprint {
		t.Fatal("the late member copied another secret")
	}
	if got := f.a.copySecret(t, k.ID); apikey.Fingerprint(got) != k.Fingerprint {
		t.Fatal("the Owner lost the key in the reseal")
	}
}

func TestKeysAFormerMemberCouldCopyAreFlaggedUntilReplaced(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	c := f.add(t, "Cleo", access.TeamMember, true)
	k := f.a.generate(t)
	if exposed, err := f.a.org.Exposed(f.a.member); err != nil || len(exposed) != 0 {
		t.Fatalf("flagged before anyone left: %v, %v", exposed, err)
	}
	if err := f.a.orgs.RemoveMember(f.a.member, c.member); err != nil {
		t.Fatal(err)
	}
	exposed, err := f.a.org.Exposed(f.a.member)
	if err != nil || len(exposed) != 1 || exposed[0] != k.ID {
		t.Fatalf("flagged %v, %v; want %s", exposed, err, k.ID)
	}
	if _, err := f.a.keys.Replace(f.a.member, k.ID, 0); err != nil {
		t.Fatal(err)
	}
	if exposed, err := f.a.org.Exposed(f.a.member); err != nil || len(exposed) != 0 {
		t.Fatalf("still flagged after the replace: %v, %v", exposed, err)
	}
}
