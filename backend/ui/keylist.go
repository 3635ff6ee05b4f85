package ui

import (
	"log"
	"runtime/debug"
	"sync"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/gcpause"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
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
// the list waits and uses it, instead of reading it twice. A read ahead holds no lock
// while it reads: the page never waits on it (see readAheadOf).
type keyLists struct {
	mu    sync.Mutex
	lists map[apikey.Environment]*keyList
	ahead map[apikey.Environment]bool // the environments whose list is being read ahead
}

// list returns the list of e as it is now: the one kept, when nothing was written since
// and it is young enough, else one read anew. The member's right to see keys is checked
// on every call (by the read, or by CanView when the list is kept).
func (x *Keys) list(s *services, e apikey.Environment) (*keyList, error) {
	k := &s.keyLists
	k.mu.Lock()
	defer k.mu.Unlock()
	l, version, now, err := x.kept(s, e)
	if l != nil || err != nil {
		return l, err
	}
	l, err = x.read(s, s.keys, e, version, now)
	if err != nil {
		return nil, err
	}
	k.keep(e, l)
	return l, nil
}

// kept returns the list of e kept, when nothing was written since and it is young
// enough; else nil, and the version and time a list read now is read at. The caller
// holds mu.
func (x *Keys) kept(s *services, e apikey.Environment) (*keyList, uint64, time.Time, error) {
	// The version is read before the keys: a write in between makes the kept list look
	// older than it is, so it is read again next time, never kept past a change.
	version, err := s.store.Version()
	if err != nil {
		return nil, 0, time.Time{}, err
	}
	now := s.keys.Now()
	if l := s.keyLists.lists[e]; l != nil && l.version == version && !now.Before(l.made) && now.Sub(l.made) <= keyListLife {
		return l, version, now, s.keys.CanView(x.c.member(s))
	}
	return nil, version, now, nil
}

// read reads the list of e at version, as of now, through ks.
func (x *Keys) read(s *services, ks *keys.Service, e apikey.Environment, version uint64, now time.Time) (*keyList, error) {
	views, err := x.listKeys(s, ks, e)
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

// readAheadOf reads the list of e ahead of the page's next call (a search, a scroll past
// the first screen, another filter or order), unless it is being read ahead already. The
// page's first screen was answered without it (firstScreen), so the window is drawn
// without waiting for ten thousand keys to be read.
// It waits Options.ReadAheadAfter first, while the page builds and draws that screen, and
// then runs at low priority, on one goroutine of the background work (which a close
// waits for): the read can wait for the processor. Starved of it by other programs, it
// would be late, so the page's call never waits for it: it reads the list itself, and the
// read ahead keeps its list only when no newer one was kept meanwhile.
func (x *Keys) readAheadOf(s *services, e apikey.Environment) {
	k := &s.keyLists
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.ahead[e] {
		return
	}
	read := func() {
		atLowPriority(func() {
			collectOnceAfter(func() {
				if err := x.readAhead(s, e); err != nil {
					log.Printf("read the API Keys list ahead: %v", err) // the page's own call says why
				}
			})
		})
		k.mu.Lock()
		defer k.mu.Unlock()
		delete(k.ahead, e)
	}
	if !x.c.background.later(x.c.opt.ReadAheadAfter, read) {
		return // the data is closing
	}
	if k.ahead == nil {
		k.ahead = map[apikey.Environment]bool{}
	}
	k.ahead[e] = true
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

// readAhead reads the list of e and keeps it, unless a call kept one as new while it read.
// It decodes the keys on its own goroutine, whose thread readAheadOf set at low priority.
func (x *Keys) readAhead(s *services, e apikey.Environment) error {
	version, err := s.store.Version()
	if err != nil {
		return err
	}
	alone := *s.keys
	alone.Store = oneGoroutine{alone.Store}
	l, err := x.read(s, &alone, e, version, s.keys.Now())
	if err != nil {
		return err
	}
	k := &s.keyLists
	k.mu.Lock()
	defer k.mu.Unlock()
	if old := k.lists[e]; old == nil || old.version < l.version {
		k.keep(e, l)
	}
	return nil
}

// oneGoroutine is data whose reads decode on the goroutine that reads
// (store.Tx.OneGoroutine).
type oneGoroutine struct{ keys.Store }

func (d oneGoroutine) View(fn func(*store.Tx) error) error {
	return d.Store.View(func(tx *store.Tx) error { return fn(tx.OneGoroutine()) })
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
