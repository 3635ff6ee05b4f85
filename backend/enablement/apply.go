package enablement

import (
	"errors"
	"fmt"
	"time"

	"proofkeys/backend/access"
)

var (
	// ErrAlreadyApplied: this very code was applied before.
	ErrAlreadyApplied = errors.New("this code was already applied")
	// ErrSuperseded: a code issued later has changed one of its grants since.
	ErrSuperseded = errors.New("a newer code from Proof has changed this since")
)

// Applier is the member pasting the code.
type Applier struct {
	ID, Name string
}

// Apply changes o's enablement as p says and records each grant in its log. It refuses a
// code applied before, and one older than the last code that changed any of its grants,
// so the org's state always follows the newest word from Proof.
func Apply(o access.Org, p Payload, by Applier, now time.Time) (access.Org, []access.EnablementEntry, error) {
	for _, e := range o.EnablementLog {
		if e.CodeID == p.CodeID {
			return o, nil, fmt.Errorf("%w on %s", ErrAlreadyApplied, e.AppliedAt.Format(time.DateOnly))
		}
	}
	for _, g := range p.Grants {
		if last, ok := lastFor(o.EnablementLog, g); ok && last.IssuedAt.After(p.IssuedAt) {
			return o, nil, fmt.Errorf("%w (%s, issued %s)", ErrSuperseded, g, last.IssuedAt.Format(time.RFC3339))
		}
	}
	entries := make([]access.EnablementEntry, 0, len(p.Grants))
	log := append([]access.EnablementEntry(nil), o.EnablementLog...)
	for _, g := range p.Grants {
		o.Enablement.Set(g, !p.Withdraw)
		e := access.EnablementEntry{
			Grant: g, Enabled: !p.Withdraw, CodeID: p.CodeID, IssuedBy: p.Issuer, KeyID: p.KeyID,
			IssuedAt: p.IssuedAt, AppliedAt: now.UTC(), AppliedBy: by.ID, AppliedByName: by.Name,
		}
		entries = append(entries, e)
		log = append(log, e)
	}
	o.EnablementLog = log
	return o, entries, nil
}

// Current is the latest entry for each grant, in access.Grants order: who enabled (or
// withdrew) what, and when. A grant never touched by a code is absent.
func Current(o access.Org) []access.EnablementEntry {
	var out []access.EnablementEntry
	for _, g := range access.Grants {
		if e, ok := lastFor(o.EnablementLog, g); ok {
			out = append(out, e)
		}
	}
	return out
}

// Trusted is every key o trusts: the built-in ones, then those its Owners added.
func Trusted(o access.Org) []StaffKey {
	keys := BuiltIn()
	for _, k := range o.StaffKeys {
		pub, err := ParsePublicKey(k.PublicKey)
		if err != nil {
			continue // a record that no longer parses trusts nothing
		}
		keys = append(keys, StaffKey{ID: KeyID(pub), Name: k.Name, Key: pub, Demo: k.Demo})
	}
	return keys
}

func lastFor(log []access.EnablementEntry, g access.Grant) (access.EnablementEntry, bool) {
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Grant == g {
			return log[i], true
		}
	}
	return access.EnablementEntry{}, false
}
