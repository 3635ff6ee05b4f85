package inventory

import "time"

// Readable is the one format of a time for people (the HTML report, the command line's
// table); machines get audit.Stamp. A key's state, payer and signers in words come from
// apikey (Standing.Label, Payer.Label, SignersLabel), through the Row.

// Readable is a time as people read it, in UTC so that every reader sees the same:
// "Dec 1, 2026 02:50 UTC"; "" for none.
func Readable(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("Jan 2, 2006 15:04 UTC")
}

