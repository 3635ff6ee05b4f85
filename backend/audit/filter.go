package audit

import "time"

// Filter picks events for the Audit page and exports. A zero field matches everything;
// From is inclusive and To exclusive, so a day is [midnight, next midnight).
type Filter struct {
	Actor  string    `json:"actor"`
	KeyID  string    `json:"keyId"`
	Action Action    `json:"action"`
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
}

// Match reports whether e passes the filter.
func (f Filter) Match(e Event) bool {
	return (f.Actor == "" || e.Actor == f.Actor) &&
		(f.KeyID == "" || e.KeyID == f.KeyID) &&
		(f.Action == "" || e.Action == f.Action) &&
		(f.From.IsZero() || !e.Time.Before(f.From)) &&
		(f.To.IsZero() || e.Time.Before(f.To))
}
