package ui

import (
	"log"
	"runtime/debug"
	"sync"
	"time"

	"proofkeys/backend/apikey"
)

// keyListLife is how long a list read from the data is used while the data is unchanged:
// whether a key is due for rotation changes with the day, not with a write.
const keyListLife = time.Minute

// keyList is the API Keys list of one environment as read at one version of the data:
// every live key's view, in both orders, with what a search looks in. A keystroke in the
// page's search then reads no key from the database.
type keyList struct {
	version uint64
	made    time.Time
	views   []KeyView // oldest first, as listKeys returns them
	newest  keySearch // the views newest first, ready to be searched
	byName  keySearch // the views by name, ready to be searched
	overdue int
	// withdrawn names the keys saved with a payer Proof no longer enables, oldest first.
	withdrawn []string
}

// keyLists keeps the last list read of each environment, for as long as it is current.
// One list is read at a time: a call that comes while the list is being read (the page's
// first, while the read ahead at start-up runs) waits and uses it, instead of reading it
// twice.
type keyLists struct {
	mu     sync.Mutex
	lists  map[apikey.Environment]*keyList
	warmed sync.Once
}

// list returns the list of e as it is now: the one kept, when nothing was written since
// and it is young enough, else one read anew. The member's right to see keys is checked
// on every call (by the read, or by CanView when the list is kept).
func (x *Keys) list(s *services, e apikey.Environment) (*keyList, error) {
	member := x.c.member(s)
	k := &s.keyLists
	k.mu.Lock()
	defer k.mu.Unlock()
	// The version is read before the keys: a write in between makes the kept list look
	// older than it is, so it is read again next time, never kept past a change.
	version, err := s.store.Version()
	if err != nil {
		return nil, err
	}
	now := s.keys.Now()
	if l := k.lists[e]; l != nil && l.version == version && !now.Before(l.made) && now.Sub(l.made) <= keyListLife {
		return l, s.keys.CanView(member)
	}
	views, err := x.listKeys(s, e)
	if err != nil {
		return nil, err
	}
	l := newKeyList(views, version, now, withdrawnPayers(s, member))
	if k.lists == nil {
		k.lists = map[apikey.Environment]*keyList{}
	}
	k.lists[e] = l
	return l, nil
}

// warm reads the production list ahead of the page's first call, which comes once the
// window has started and the page has drawn its frame: the read overlaps them instead of
// following them. It runs once per opening of the data: later calls find the list kept or
// read it then.
// Reading 10,000 keys leaves tens of megabytes of garbage, which Go would hand back to the
// system only over minutes: left so, the app settled at 1.31 times the bare Wails app's
// memory instead of 1.27 (docs/BENCHMARKS.md). So the memory goes back at once, while the
// person looks at the page.
func (x *Keys) warm(s *services) {
	s.keyLists.warmed.Do(func() {
		if _, err := x.list(s, apikey.Production); err != nil {
			log.Printf("read the API Keys list ahead: %v", err) // the page's own call says why
		}
		debug.FreeOSMemory()
	})
}

// newKeyList orders and indexes views; withdrawn says whether a payer is no longer enabled.
func newKeyList(views []KeyView, version uint64, now time.Time, withdrawn func(apikey.Payer) bool) *keyList {
	l := &keyList{version: version, made: now, views: views}
	for i := range views {
		v := &views[i]
		if v.RotationDue {
			l.overdue++
		}
		if withdrawn(v.Payer) {
			l.withdrawn = append(l.withdrawn, v.Name)
		}
	}
	texts := searchTexts(views)
	l.newest, l.byName = newKeySearch(texts, orderNewest(views)), newKeySearch(texts, orderByName(views))
	return l
}

// withdrawnPayers returns whether Proof no longer enables a payer for the organization.
// Signer is always enabled; when the organization cannot be read, nothing is flagged.
func withdrawnPayers(s *services, member string) func(apikey.Payer) bool {
	o, _, err := s.orgs.Current(member)
	if err != nil {
		return func(apikey.Payer) bool { return false }
	}
	e := o.Enablement
	return func(p apikey.Payer) bool {
		return (p == apikey.PayerInvoice && !e.PayerInvoice) || (p == apikey.PayerOrganization && !e.PayerOrganization)
	}
}
