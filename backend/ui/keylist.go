package ui

import (
	"log"
	"runtime/debug"
	"sync"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/gcpause"
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
// The page's calls read one list at a time: a call that comes while another call reads
// the list waits and uses it, instead of reading it twice. The read ahead at start-up
// holds no lock while it reads: the page never waits on it (see warm).
type keyLists struct {
	mu     sync.Mutex
	lists  map[apikey.Environment]*keyList
	warmed sync.Once
}

// list returns the list of e as it is now: the one kept, when nothing was written since
// and it is young enough, else one read anew. The member's right to see keys is checked
// on every call (by the read, or by CanView when the list is kept).
func (x *Keys) list(s *services, e apikey.Environment) (*keyList, error) {
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
		return l, s.keys.CanView(x.c.member(s))
	}
	l, err := x.read(s, e, version, now)
	if err != nil {
		return nil, err
	}
	k.keep(e, l)
	return l, nil
}

// read reads the list of e at version, as of now.
func (x *Keys) read(s *services, e apikey.Environment, version uint64, now time.Time) (*keyList, error) {
	views, err := x.listKeys(s, e)
	if err != nil {
		return nil, err
	}
	return newKeyList(views, version, now, withdrawnPayers(s, x.c.member(s))), nil
}

// keep keeps l as the list of e. The caller holds mu.
func (k *keyLists) keep(e apikey.Environment, l *keyList) {
	if k.lists == nil {
		k.lists = map[apikey.Environment]*keyList{}
	}
	k.lists[e] = l
}

// warm reads the production list ahead of the page's first call, which comes once the
// window has started and the page's script runs (src/lib/start.ts): the read overlaps
// them instead of following them. It runs once per opening of the data: later calls find the list kept or
// read it then.
// It runs at low priority: while the window starts, WebKit's processes and this read
// want more than the two cores there are, and at the same priority the read held the
// window's page back (docs/BENCHMARKS.md); yielding, it is still done before the page
// asks. Starved of the processor by other programs, it would be late, so the page's call
// never waits for it: it reads the list itself, and the read ahead keeps its list only
// when none was kept meanwhile.
func (x *Keys) warm(s *services) {
	s.keyLists.warmed.Do(func() {
		atLowPriority(func() {
			collectOnceAfter(func() {
				if err := x.readAhead(s, apikey.Production); err != nil {
					log.Printf("read the API Keys list ahead: %v", err) // the page's own call says why
				}
			})
		})
	})
}

// readAheadHeap is how large the heap may grow while the list is read ahead before the
// garbage collector runs: well above what 10,000 keys need (about 20 MB).
const readAheadHeap = 512 << 20

// collectOnceAfter runs f with the garbage collector off (up to readAheadHeap, unless
// whoever runs the app set GOGC or GOMEMLIMIT: gcpause.Off), then collects once and gives
// the memory back to the system.
// Off: a collection stops every goroutine, and one that runs at low priority may wait for
// the processor before it stops; a collection during the read ahead stopped the app for
// 17 ms (GODEBUG=gctrace=1).
// Given back at once: reading 10,000 keys leaves tens of megabytes of garbage, which Go
// would hand back only over minutes; left so, the app settled at 1.31 times the bare
// Wails app's memory instead of 1.27 (docs/BENCHMARKS.md).
func collectOnceAfter(f func()) {
	restore, _ := gcpause.Off(readAheadHeap)
	f()
	restore()
	debug.FreeOSMemory()
}

// readAhead reads the list of e and keeps it, unless a call kept one while it read.
func (x *Keys) readAhead(s *services, e apikey.Environment) error {
	version, err := s.store.Version()
	if err != nil {
		return err
	}
	l, err := x.read(s, e, version, s.keys.Now())
	if err != nil {
		return err
	}
	k := &s.keyLists
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.lists[e] == nil {
		k.keep(e, l)
	}
	return nil
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
