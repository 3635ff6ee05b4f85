package audit

import "time"

// Copies is what the log says about the copies of one key's secret: how many were made,
// and the latest with who made it.
type Copies struct {
	Count  int
	LastAt time.Time
	LastBy string // the member's name at the time
}

// Add counts e, a KeyCopied event of the key. The latest is by the event's time, so
// events counted out of order give the same result.
func (c Copies) Add(e Event) Copies {
	c.Count++
	if !e.Time.Before(c.LastAt) {
		c.LastAt, c.LastBy = e.Time, e.ActorName
	}
	return c
}
