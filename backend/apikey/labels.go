package apikey

import (
	"strconv"
	"time"
)

// Standing is where a key stands for the people who use it, the one definition that the
// API Keys and Inventory pages, Check a key, the command line, every export and the
// support bundle share:
//
//   - active: it works, and nothing replaces it;
//   - expiring: it works, but it was replaced and stops working at ExpiresAt;
//   - deleted: it no longer works (deleting: the removal is under way);
//   - pending: it was never usable (a generate that did not finish).
type Standing string

// The standings a key can have.
const (
	StandingPending  Standing = "pending"
	StandingActive   Standing = "active"
	StandingExpiring Standing = "expiring"
	StandingDeleted  Standing = "deleted"
)

// Standing is k's standing (see the type).
func (k Key) Standing() Standing {
	switch {
	case k.State == Pending:
		return StandingPending
	case k.State == Deleted || k.State == Deleting:
		return StandingDeleted
	case k.ReplacedBy != "" || !k.ExpiresAt.IsZero():
		return StandingExpiring
	}
	return StandingActive
}

// InUse reports whether a key of this standing still works: active or expiring.
func (s Standing) InUse() bool { return s == StandingActive || s == StandingExpiring }

// Label is the standing in a person's words: "Active", "Expiring", "Deleted", "Pending".
func (s Standing) Label() string {
	switch s {
	case StandingActive:
		return "Active"
	case StandingExpiring:
		return "Expiring"
	case StandingDeleted:
		return "Deleted"
	case StandingPending:
		return "Pending"
	}
	return string(s)
}

// Label is the payer in a person's words, as Proof's settings page names it: "Signer",
// "Invoice", "Your Organization".
func (p Payer) Label() string {
	switch p {
	case PayerSigner:
		return "Signer"
	case PayerInvoice:
		return "Invoice"
	case PayerOrganization:
		return "Your Organization"
	}
	return string(p)
}

// SignersLabel is a signer range in a person's words: "2" when the minimum and maximum
// agree, else "1-3".
func SignersLabel(minSigners, maxSigners int) string {
	if minSigners == maxSigners {
		return strconv.Itoa(minSigners)
	}
	return strconv.Itoa(minSigners) + "-" + strconv.Itoa(maxSigners)
}

// Readable is a time as people read it, in UTC so that every reader sees the same:
// "Dec 1, 2026 02:50 UTC"; "" for none. The HTML report, the command line and the support
// bundle's summary write times so; machine-readable exports use RFC 3339 (audit.Stamp).
func Readable(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("Jan 2, 2006 15:04 UTC")
}
