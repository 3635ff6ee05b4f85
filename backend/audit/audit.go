// Package audit is the organization's history: every change and every secret copy, as an
// append-only list of events chained with SHA-256. Each event's hash covers the previous
// event's hash, so editing or removing one event breaks the chain from there on, and
// Verify names the first event that no longer fits. The store also keeps the log's Head
// (the last event's number and hash) apart from the events, so that removing events from
// the end is noticed too. It is pure: the store keeps the events.
package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Action names what happened. The list grows with the app; the names are stable, since
// exports and filters use them.
type Action string

// The actions the audit log records.
const (
	OrgSetUp      Action = "org.setup"
	KeyGenerated  Action = "key.generate"
	KeyConfigured Action = "key.configure"
	KeyCopied     Action = "key.copy"
	KeyDeleted    Action = "key.delete"

	KeyReplaced   Action = "key.replace"  // on the old key; the new one has its own key.generate
	KeyExpired    Action = "key.expire"   // a replaced key deleted at the end of its grace period
	KeyReattached Action = "key.reattach" // a secret found in the vault without a record, given one again
	// KeyDeletedExposed means a key replaced without a grace period because it was exposed,
	// deleted at once by the member who replaced it.
	KeyDeletedExposed Action = "key.delete_exposed"
	OrgSettingsSet    Action = "org.settings"

	MemberAdded         Action = "member.add"
	MemberChanged       Action = "member.change" // role or the Manage API keys grant
	MemberRemoved       Action = "member.remove"
	PassphraseSet       Action = "member.passphrase"         // never the passphrase, only that it changed
	SignInFailed        Action = "member.signin_failed"      // a wrong passphrase, by someone (Actor empty)
	SignedIn            Action = "member.signin"             // a right passphrase
	SignInWait          Action = "member.signin_wait"        // wrong passphrases started a wait, by someone
	Locked              Action = "member.lock"               // the app locked: by the member, or when idle
	PassphraseRecovered Action = "member.passphrase_recover" // a recovery code set a new passphrase
	EnablementApplied   Action = "org.enablement"            // a code from Proof, with what it changed
	// StaffKeyTrusted and StaffKeyDistrusted are in the logs of earlier versions, where an
	// Owner trusted staff keys by hand; nothing records them any more.
	StaffKeyTrusted    Action = "org.staff_key_trust"
	StaffKeyDistrusted Action = "org.staff_key_remove"
	CertsRevoked       Action = "org.certificate_revoke" // a Proof root's revocation, pasted like a code
	KeysScanned        Action = "keys.scan"              // a scan for exposed keys, with its counts (never a secret or a file's content)
)

// Change is one field a configure changed.
type Change struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Event is one entry of the history. It never holds a secret: the values it records are
// names, IDs, settings and the key's last four characters at most.
type Event struct {
	Seq       uint64    `json:"seq"`
	Time      time.Time `json:"time"`
	Actor     string    `json:"actor"`     // member ID; empty for someone unknown (Someone)
	ActorName string    `json:"actorName"` // as it was at the time
	Action    Action    `json:"action"`
	// Environment is the key's (production or sandbox) on key events; older events lack it.
	Environment string   `json:"environment,omitempty"`
	KeyID       string   `json:"keyId,omitempty"`
	KeyName     string   `json:"keyName,omitempty"`
	Detail      string   `json:"detail,omitempty"`
	Changes     []Change `json:"changes,omitempty"`
	PrevHash    string   `json:"prevHash"`
	Hash        string   `json:"hash"`
}

// ErrBroken means an event does not fit the chain: it was edited, removed or reordered.
var ErrBroken = errors.New("the audit log's chain is broken")

// Seal links a new event e after prev (nil for the first event): it sets the sequence
// number, the previous hash and e's own hash. The time is kept to the second, in UTC, as
// every export writes times; events recorded before that keep their fraction, which their
// hash covers (Verify links them without rounding).
func Seal(e Event, prev *Event) Event {
	e.Time = e.Time.UTC().Truncate(time.Second)
	return link(e, prev)
}

// link sets e's sequence number, previous hash and own hash after prev.
func link(e Event, prev *Event) Event {
	e.Seq, e.PrevHash = 1, ""
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.Hash = hash(e)
	return e
}

// Verify checks events, in order from the first, and names the first that does not fit by
// its position in the log (1 for the first event).
func Verify(events []Event) error {
	var prev *Event
	for i := range events {
		e := events[i]
		if !Follows(e, prev) {
			return fmt.Errorf("%w at event %d (%s, %s)", ErrBroken, i+1, e.Action, e.Time.UTC().Format(time.RFC3339))
		}
		prev = &events[i]
	}
	return nil
}

// Follows reports whether e is the event sealed right after prev (nil: the first event):
// its number, its previous hash and its own hash are those the seal gave.
func Follows(e Event, prev *Event) bool {
	want := link(e, prev)
	return e.Seq == want.Seq && e.PrevHash == want.PrevHash && e.Hash == want.Hash
}

// Head is where the log ended at its last append: the last event's number and hash.
type Head struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// Log is the whole log as stored: its events, oldest first, and the head recorded with them.
type Log struct {
	Events []Event
	Head   Head
}

// Verify checks the chain of events and that it ends where the head says: events removed
// from the end, or a last event rewritten with a fresh hash, fit the chain but not the head.
func (l Log) Verify() error {
	if err := Verify(l.Events); err != nil {
		return err
	}
	end := Head{}
	if n := len(l.Events); n > 0 {
		end = Head{Seq: l.Events[n-1].Seq, Hash: l.Events[n-1].Hash}
	}
	switch {
	case end == l.Head:
		return nil
	case l.Head == Head{}:
		return fmt.Errorf("%w: the record of where it ends is missing", ErrBroken)
	case end.Seq < l.Head.Seq:
		return fmt.Errorf("%w at its end: it stops at event %d, but %d events were recorded", ErrBroken, end.Seq, l.Head.Seq)
	default:
		return fmt.Errorf("%w at event %d, its last: it is not the event that was recorded", ErrBroken, end.Seq)
	}
}

// Contains reports whether an event with this hash is in the chain: a hash noted from an
// earlier verify (an anchor) that is no longer there means the log was cut or rewritten.
func (l Log) Contains(hash string) bool {
	for _, e := range l.Events {
		if e.Hash == hash {
			return true
		}
	}
	return false
}

// hash is the SHA-256 of the event's JSON without its own hash. JSON of a Go struct has a
// fixed field order, which makes it a stable encoding to hash.
func hash(e Event) string {
	e.Hash = ""
	raw, err := json.Marshal(e)
	if err != nil {
		panic("audit: event cannot be encoded: " + err.Error()) // only plain fields: cannot happen
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
