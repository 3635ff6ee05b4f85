package enablement

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"proofkeys/backend/access"
)

var (
	// ErrAlreadyApplied means this very code (or revocation) was applied before.
	ErrAlreadyApplied = errors.New("this code was already applied")
	// ErrSuperseded means a code issued later has changed one of its grants since.
	ErrSuperseded = errors.New("a newer code from Proof has changed this since")
)

// DemoRootName is how the root a demo organization made for itself is named.
const DemoRootName = "Demo root (made on this computer, not Proof's)"

// Trust is what codes are checked against: the roots, and the certificates revoked since.
type Trust struct {
	Roots   []Root
	Revoked func(certID string) bool
}

// TrustFor is the trust of organization o given the roots of this copy of proofkeys: a
// demo organization also trusts its own demo root, and every organization refuses the
// certificates it has heard are revoked.
func TrustFor(o access.Org, roots []Root) Trust {
	t := Trust{Roots: append([]Root(nil), roots...), Revoked: o.Revoked}
	if pub, err := ParseRootKey(o.DemoRoot); err == nil {
		t.Roots = append(t.Roots, Root{ID: RootID(pub), Name: DemoRootName, Key: pub, Demo: true})
	}
	return t
}

// Applier is the member pasting the code.
type Applier struct {
	ID, Name string
}

// Apply changes o's enablement as p says and records each grant in its log, and the
// revocations its certificate carries. It refuses a code applied before (a replay), and
// one older than the last code that changed any of its grants, so the org's state always
// follows the newest word from Proof.
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
			CertID: p.Certificate.ID, RootID: p.Root.ID, IssuedAt: p.IssuedAt,
			AppliedAt: now.UTC(), AppliedBy: by.ID, AppliedByName: by.Name,
		}
		entries = append(entries, e)
		log = append(log, e)
	}
	o.EnablementLog = log
	o, _ = revoke(o, Revocation{Certs: p.Certificate.Revokes, RevokedAt: p.Certificate.NotBefore,
		RootID: p.Root.ID}, by, now)
	return o, entries, nil
}

// ApplyRevocation records a verified revocation in o. A revocation that adds nothing new
// is ErrAlreadyApplied.
func ApplyRevocation(o access.Org, r Revocation, by Applier, now time.Time) (access.Org, []access.Revocation, error) {
	o, added := revoke(o, r, by, now)
	if len(added) == 0 {
		return o, nil, fmt.Errorf("%w: every certificate it names was revoked already", ErrAlreadyApplied)
	}
	return o, added, nil
}

func revoke(o access.Org, r Revocation, by Applier, now time.Time) (access.Org, []access.Revocation) {
	var added []access.Revocation
	o.Revocations = slices.Clip(o.Revocations) // appends below never write into the caller's array
	for _, id := range r.Certs {
		if o.Revoked(id) {
			continue
		}
		rv := access.Revocation{CertID: id, RootID: r.RootID, Reason: r.Reason, RevokedAt: r.RevokedAt,
			AppliedAt: now.UTC(), AppliedBy: by.ID}
		o.Revocations = append(o.Revocations, rv)
		added = append(added, rv)
	}
	return o, added
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

func lastFor(log []access.EnablementEntry, g access.Grant) (access.EnablementEntry, bool) {
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Grant == g {
			return log[i], true
		}
	}
	return access.EnablementEntry{}, false
}
