package shared_test

import (
	"context"
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/seal"
	"proofkeys/backend/shared"
	"proofkeys/backend/store"
)

// forge writes an event straight to the server, after the log's last event, as someone
// holding the server's credentials could; sign makes its value from its number and bytes.
func forge(t *testing.T, f *fixture, actor access.Member, sign func(seqKey, raw []byte) []byte) uint64 {
	t.Helper()
	events := f.a.log(t).Events
	last := events[len(events)-1]
	e := audit.Seal(audit.Event{Time: time.Now(), Actor: actor.ID, ActorName: actor.Name,
		Action: audit.KeyGenerated, KeyID: "key_forged", KeyName: "Forged key"}, &last)
	key := binary.BigEndian.AppendUint64(nil, e.Seq)
	cl := f.c.client(t)
	ctx := context.Background()
	if _, err := cl.Put(ctx, f.prefix+"b/audit/"+string(key), string(sign(key, store.EncodeEvent(e)))); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Put(ctx, f.prefix+"head", ""); err != nil {
		t.Fatal(err)
	}
	return e.Seq
}

func TestForgedEventsAreFlaggedOnEveryDesktopAndStillShown(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	vic := f.add(t, "Vic", access.TeamMember, false)
	b := f.add(t, "Ada", access.Admin, false)
	f.a.generate(t)
	vicKeys := f.identity(t, vic.member)
	var owner, vicMember access.Member
	_ = f.a.org.View(func(tx *store.Tx) (err error) {
		if owner, err = tx.Member(f.a.member); err == nil {
			vicMember, err = tx.Member(vic.member)
		}
		return err
	})

	// Vic signs with Vic's own key an event only a member with Manage API keys may cause.
	noRight := forge(t, f, vicMember, func(k, raw []byte) []byte {
		return shared.SignEventAs(f.a.org, vicKeys, vicKeys.SigningKey(), vic.member, k, raw)
	})
	// Vic writes an event in the Owner's name, naming the Owner's key, signed with Vic's.
	notTheirs := forge(t, f, owner, func(k, raw []byte) []byte {
		return shared.SignEventAs(f.a.org, vicKeys, owner.SigningKey, owner.ID, k, raw)
	})
	// Vic writes an event in the Owner's name, naming Vic's own key.
	notTheirKey := forge(t, f, owner, func(k, raw []byte) []byte {
		return shared.SignEventAs(f.a.org, vicKeys, vicKeys.SigningKey(), owner.ID, k, raw)
	})
	// An event written as the file keeps it, with no signature at all.
	unsigned := forge(t, f, owner, func(_, raw []byte) []byte { return raw })
	// A stranger's key, in the name of a member who never joined from it.
	stranger, err := seal.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	strangerSeq := forge(t, f, vicMember, func(k, raw []byte) []byte {
		return shared.SignEventAs(f.a.org, stranger, stranger.SigningKey(), vic.member, k, raw)
	})
	later := f.a.generate(t) // the log goes on

	want := map[uint64]string{
		noRight:     "Vic may not manage keys",
		notTheirs:   "its signature does not match",
		notTheirKey: "a key its member never published",
		unsigned:    "it is not signed",
		strangerSeq: "a key its member never published",
	}
	for _, d := range []*desktop{f.a, b} {
		flags := d.flags(t)
		if len(flags) != len(want) {
			t.Errorf("%s's copy flags %v, want the %d forged events only", d.member, flags, len(want))
		}
		for seq, why := range want {
			if !strings.Contains(flags[seq], why) {
				t.Errorf("%s's copy: event %d flagged %q, want %q", d.member, seq, flags[seq], why)
			}
		}
		log := d.log(t)
		shown := 0
		for _, e := range log.Events {
			if e.KeyID == "key_forged" {
				shown++
			}
		}
		if shown != len(want) {
			t.Errorf("%s's copy shows %d forged events of %d: a flagged event is hidden", d.member, shown, len(want))
		}
		if err := log.Verify(); err != nil || log.Events[len(log.Events)-1].KeyID != later.ID {
			t.Errorf("%s's log after the forgeries: %v", d.member, err)
		}
	}

	// A desktop that joins afterwards, copying everything at once, flags them too.
	c := f.add(t, "Cleo", access.Admin, false)
	if flags := c.flags(t); len(flags) != len(want) || !strings.Contains(flags[noRight], "may not") {
		t.Fatalf("a full copy flags %v", flags)
	}
}

func TestAMemberWhoJoinsAgainFromAnotherComputerKeepsTheirEventsVerified(t *testing.T) {
	f := newFixture(t, sharedCluster(t))
	ada := f.add(t, "Ada", access.Admin, false)
	ada.generate(t)
	// Another computer has another vault: Ada's keys there are new ones.
	_ = f.vault.Delete("age-identity-" + ada.member)
	_ = f.vault.Delete("signing-key-" + ada.member)
	again := f.join(t, ada.member)
	again.generate(t)
	f.a.generate(t)
	for _, d := range []*desktop{f.a, again, f.add(t, "Cleo", access.Admin, false)} {
		if flags := d.flags(t); len(flags) != 0 {
			t.Fatalf("%s's copy flags %v", d.member, flags)
		}
	}
}
