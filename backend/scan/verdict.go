package scan

import (
	"fmt"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

// Verdict is what a found key is, in the words of Check a key.
type Verdict string

// The verdicts of a finding, in the words of Check a key.
const (
	Active             Verdict = "active"                // a working key of the organization: exposed, replace it now
	Expiring           Verdict = "expiring"              // replaced, and still working until its grace period ends
	Deleted            Verdict = "deleted"               // deleted: harmless now
	Replaced           Verdict = "replaced"              // replaced, and deleted when its grace period ended: harmless now
	AnotherEnvironment Verdict = "another_environment"   // a working key of the organization, of the environment not expected here
	NotOurs            Verdict = "not_this_organization" // a valid key, not in this organization's inventory
	ClientOnly         Verdict = "client_only"           // a client-only key, which Proof says may be exposed
)

// live verdicts are keys that work, or may work: a key that is not the organization's may
// well be someone else's working key.
var live = map[Verdict]bool{Active: true, Expiring: true, AnotherEnvironment: true, NotOurs: true}

// Inventory is the organization's keys that ever became active, what findings are judged
// against. Expect is the environment keys in the scanned places should be of (empty for
// either), as in Check a key. The zero Inventory knows no key.
type Inventory struct {
	Keys   []apikey.Key
	Expect apikey.Environment
}

// LoadInventory reads the organization's keys from st, after allow (a member's right, or
// nothing for the command line) holds.
func LoadInventory(st keys.Store, expect apikey.Environment, allow func(*store.Tx) error) (Inventory, error) {
	inv := Inventory{Expect: expect}
	err := st.View(func(tx *store.Tx) error {
		if err := allow(tx); err != nil {
			return err
		}
		var err error
		inv.Keys, err = tx.Keys(func(k apikey.Key) bool { return k.State != apikey.Pending })
		return err
	})
	return inv, err
}

// judge fills in f's verdict from its parsed key, by the same rule as Check a key.
func (inv Inventory) judge(p apikey.Parsed, at Location) Finding {
	f := Finding{Location: at, Key: p.Hint(), Environment: p.Environment, Access: p.Access, fingerprint: p.Fingerprint}
	r := keys.Judge(p, inv.Expect, inv.Keys)
	f.KeyID, f.KeyName, f.Replacement = r.Key.ID, r.Key.Settings.Name, r.Replacement.Settings.Name
	switch r.Verdict {
	case keys.CheckActive:
		f.Verdict = Active
	case keys.CheckReplaced:
		f.Verdict, f.ExpiresAt = Expiring, r.Key.ExpiresAt
	case keys.CheckDeleted:
		f.Verdict, f.StoppedAt = Deleted, r.Key.DeletedAt
	case keys.CheckExpired:
		f.Verdict, f.StoppedAt = Replaced, r.Key.DeletedAt
	case keys.CheckWrongEnvironment:
		f.Verdict = AnotherEnvironment
	default:
		f.Verdict = NotOurs
		if p.Access == apikey.ClientOnly {
			f.Verdict = ClientOnly
		}
	}
	f.Live = live[f.Verdict]
	f.Advice = advice(f)
	return f
}

// advice says what a finding means and what to do, in plain words.
func advice(f Finding) string {
	name := fmt.Sprintf("%q", f.KeyName)
	switch f.Verdict {
	case Active:
		return "exposed: " + name + " works. Replace it now and delete the old key."
	case Expiring:
		return fmt.Sprintf("exposed: %s was replaced by %q but still works until %s. Delete it now if nothing uses it.",
			name, f.Replacement, day(f.ExpiresAt))
	case Deleted:
		return fmt.Sprintf("harmless now: %s was deleted on %s and no longer works.", name, day(f.StoppedAt))
	case Replaced:
		return fmt.Sprintf("harmless now: %s was replaced and stopped working on %s.", name, day(f.StoppedAt))
	case AnotherEnvironment:
		return fmt.Sprintf("exposed: %s is a %s key of this organization where %s keys are expected; it works. Replace it now.",
			name, f.Environment, expectedOther(f.Environment))
	case ClientOnly:
		return "a client-only key: Proof makes these for client-facing pages, and they may be exposed."
	}
	return "a valid Proof key, but not one of this organization's: it may work for another organization. Tell its owner to replace it."
}

func expectedOther(env apikey.Environment) apikey.Environment {
	if env == apikey.Sandbox {
		return apikey.Production
	}
	return apikey.Sandbox
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }
