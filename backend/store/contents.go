package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"proofkeys/backend/apikey"
)

// Contents is what a data file holds, in the numbers a person weighs before restoring a
// snapshot over it: whose data, how many keys, how much history and how recent.
type Contents struct {
	OrgID       string    `json:"orgId"` // "" before setup
	OrgName     string    `json:"orgName"`
	Keys        int       `json:"keys"`        // key records that are not deleted
	Events      int       `json:"events"`      // audit events
	NewestEvent time.Time `json:"newestEvent"` // zero without events
}

// Contents counts what the transaction sees.
func (t *Tx) Contents() (Contents, error) {
	var c Contents
	if o, err := t.Org(); err == nil {
		c.OrgID, c.OrgName = o.ID, o.Name
	} else if !errors.Is(err, ErrNotFound) {
		return c, err
	}
	live, err := t.Keys(func(k apikey.Key) bool { return k.State != apikey.Deleted })
	if err != nil {
		return c, err
	}
	c.Keys = len(live)
	audits, err := t.wholeLog()
	if err != nil {
		return c, err
	}
	c.Events = audits.Stats().KeyN
	if k, raw := audits.Cursor().Last(); raw != nil {
		last, err := DecodeEvent(binary.BigEndian.Uint64(k), "", raw)
		if err != nil {
			return c, fmt.Errorf("%w: last audit event: %w", ErrCorrupt, err)
		}
		c.NewestEvent = last.Time
	}
	return c, nil
}

// FileContents reads the contents of the database file at path, checked whole first; it
// never writes. The file must not be held by a writer (a snapshot, or a closed database).
func FileContents(path string) (Contents, error) {
	if err := CheckFile(path); err != nil {
		return Contents{}, err
	}
	s, err := openReadOnlyFile(path, nil)
	if err != nil {
		return Contents{}, err
	}
	defer s.Close()
	var c Contents
	err = s.View(func(tx *Tx) (err error) { c, err = tx.Contents(); return err })
	return c, err
}

// shortfall says how c holds less than other, which is what: no organization where
// other has one, another organization, fewer keys or fewer audit events; "" when it
// holds as much.
func (c Contents) shortfall(other Contents, what string) string {
	switch {
	case c.OrgID == "" && other.OrgID != "":
		return fmt.Sprintf("it holds no organization, and %s holds %s", what, other.OrgName)
	case c.OrgID != other.OrgID && other.OrgID != "":
		return fmt.Sprintf("it holds the organization %s, and %s holds %s", c.OrgName, what, other.OrgName)
	case c.Keys < other.Keys:
		return fmt.Sprintf("it holds %s, and %s holds %d", counted(c.Keys, "key"), what, other.Keys)
	case c.Events < other.Events:
		return fmt.Sprintf("it holds %s in the audit log, and %s holds %d", counted(c.Events, "event"), what, other.Events)
	}
	return ""
}

// counted is "1 key", "2 keys".
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
