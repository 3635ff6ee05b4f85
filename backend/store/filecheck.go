package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math/bits"
	"runtime/debug"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// bbolt maps its file into memory and follows the page numbers and offsets it finds
// there without bounds checks: a file cut short or overwritten makes it read past the
// end of the mapping, a SIGBUS or SIGSEGV that no recover() in bbolt's goroutines can
// catch. So before bbolt reads a file, inspectDB reads it with bounds-checked reads and
// walks the same structures bbolt will follow: both meta pages (bbolt's layout, below)
// and the page count they declare against the file's size, then the newer transaction's
// freelist and every bucket's B+tree.
// Whatever passes can be opened and read by bbolt without touching memory outside the
// file. The same walk judges the meaning as bbolt's own Tx.Check does (pages used once or
// free, keys in order), so a reader needs nothing more; writers run Tx.Check as well.

// bbolt's on-disk layout (go.etcd.io/bbolt/internal/common, native byte order).
const (
	pageHeaderSize  = 16 // id u64, flags u16, count u16, overflow u32
	metaSize        = 64 // magic, version, pageSize, flags u32; root, sequence, freelist, pgid, txid, checksum u64
	metaChecksumLen = 56 // the checksum covers the meta up to itself
	elementSize     = 16 // branch: pos, ksize u32, pgid u64; leaf: flags, pos, ksize, vsize u32
	bucketHeader    = 16 // a bucket's value: root pgid u64, sequence u64, then an inline page when root is 0

	boltMagic     = 0xED0CDAED
	boltVersion   = 2
	branchPage    = 0x01
	leafPage      = 0x02
	metaPage      = 0x04
	freelistPage  = 0x10
	bucketElement = 0x01
	noFreelist    = ^uint64(0)
	minPageSize   = 512
	maxPageSize   = 1 << 24 // what bbolt probes up to
)

var native = binary.NativeEndian

// meta is what a meta page declares.
type meta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64 // the high-water mark: pages 0..pgid-1 exist
	txid     uint64
}

// inspectDB checks the file of db, a bbolt opened read-only that has read nothing but
// its meta pages, in bbolt's own mapping of it (inMapping); it returns a wrapped
// ErrCorrupt saying what is wrong. Of the bucket newestOnly (nil: none), only the pages on
// the way to its last two keys are checked (see OpenForKeys).
func inspectDB(db *bolt.DB, newestOnly []byte) error {
	return inMapping(db, func(data []byte) error {
		if err := inspect(data, newestOnly); err != nil {
			return fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		return nil
	})
}

// inspect checks data, a whole bbolt file, but for the pages of the bucket newestOnly
// (nil: none) off the way to its last two keys.
func inspect(data []byte, newestOnly []byte) error {
	m0, err := readMeta(data, 0, 0)
	if err != nil {
		return fmt.Errorf("meta page 0: %w", err)
	}
	m1, err := readMeta(data, 1, int(m0.pageSize))
	if err != nil {
		return fmt.Errorf("meta page 1: %w", err)
	}
	// bbolt reads the newer transaction's pages. The older one's may already be reused,
	// as bbolt allows once no reader needs them, so only its meta page is checked.
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	if err := (&walker{data: data, m: m, newestOnly: newestOnly}).walk(); err != nil {
		return fmt.Errorf("transaction %d: %w", m.txid, err)
	}
	return nil
}

// readMeta reads and verifies the meta page want at offset off.
func readMeta(data []byte, want uint64, off int) (meta, error) {
	if off < 0 || off+pageHeaderSize+metaSize > len(data) {
		return meta{}, fmt.Errorf("the file ends at %d bytes, before the page", len(data))
	}
	if id, flags := native.Uint64(data[off:]), native.Uint16(data[off+8:]); id != want || flags&metaPage == 0 {
		return meta{}, fmt.Errorf("the page says it is page %d of type %#x", id, flags)
	}
	p := data[off+pageHeaderSize : off+pageHeaderSize+metaSize]
	if native.Uint32(p[0:]) != boltMagic {
		return meta{}, errors.New("not a bbolt file")
	}
	if v := native.Uint32(p[4:]); v != boltVersion {
		return meta{}, fmt.Errorf("format version %d", v)
	}
	h := fnv.New64a()
	_, _ = h.Write(p[:metaChecksumLen])
	if native.Uint64(p[metaChecksumLen:]) != h.Sum64() {
		return meta{}, errors.New("checksum mismatch")
	}
	m := meta{pageSize: native.Uint32(p[8:]), root: native.Uint64(p[16:]), freelist: native.Uint64(p[32:]),
		pgid: native.Uint64(p[40:]), txid: native.Uint64(p[48:])}
	switch {
	case m.pageSize < minPageSize || m.pageSize > maxPageSize || m.pageSize&(m.pageSize-1) != 0:
		return meta{}, fmt.Errorf("page size %d", m.pageSize)
	case m.pgid < 2 || m.pgid > uint64(len(data))/uint64(m.pageSize):
		return meta{}, fmt.Errorf("it declares %d pages of %d bytes, the file holds %d bytes", m.pgid, m.pageSize, len(data))
	case m.root < 2 || m.root >= m.pgid:
		return meta{}, fmt.Errorf("root page %d out of range", m.root)
	case m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid):
		return meta{}, fmt.Errorf("freelist page %d out of range", m.freelist)
	}
	return m, nil
}

// walker follows one meta's pages, and checks on the way what bbolt's own Tx.Check
// checks: every page below the high-water mark is used once or free, never both; no page
// is freed twice; the keys of every bucket stored in pages are in order, within the range
// the branch above gives them. Reading the file once for both costs a fraction of
// Tx.Check, which walks bbolt's mapping again through maps of page pointers.
type walker struct {
	data     []byte
	m        meta
	reached  bitset // pages in use: the meta pages, the freelist's, every page of every tree
	freed    bitset // pages the freelist names
	forks    *forks // set while the root tree is walked: the buckets it holds are walked apart
	halves   *forks // set on a bucket's walker: the second half of its root's children is walked apart
	inBucket []byte // the bucket of the root tree a fork walks, named in what it finds
	// newestOnly names the bucket of the root tree of which only the pages a read of its
	// last two keys follows are checked (newestPath): a reader that reads no other key of
	// it (a cursor's Last, then Prev) reads it safely. Its other pages are not even read.
	newestOnly []byte
}

func (w *walker) walk() error {
	w.reached, w.freed = newBitset(w.m.pgid), newBitset(w.m.pgid)
	w.reached.set(0)
	w.reached.set(1)
	if w.m.freelist != noFreelist {
		p, err := w.page(w.m.freelist, freelistPage)
		if err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
		if err := w.readFreelist(p); err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
		for i := range uint64(len(p)) / uint64(w.m.pageSize) {
			w.reached.set(w.m.freelist + i)
		}
	}
	w.forks = &forks{}
	_, err := w.tree(w.m.root, nil, nil)
	if err = cmp.Or(err, w.forks.join(w)); err != nil {
		return err
	}
	// bbolt counts every page no tree uses as free; pages left unread cannot be counted.
	if w.m.freelist == noFreelist || w.newestOnly != nil {
		return nil
	}
	for id := range w.m.pgid {
		if !w.reached.has(id) && !w.freed.has(id) {
			return fmt.Errorf("page %d is neither used nor free", id)
		}
	}
	return nil
}

// page returns the bytes of page id (with its overflow pages) after checking its type.
func (w *walker) page(id uint64, want uint16) ([]byte, error) {
	if id < 2 || id >= w.m.pgid {
		return nil, fmt.Errorf("page %d out of range", id)
	}
	ps := uint64(w.m.pageSize)
	off := id * ps
	hdr := w.data[off : off+pageHeaderSize]
	if got := native.Uint64(hdr); got != id {
		return nil, fmt.Errorf("page %d says it is page %d", id, got)
	}
	flags := native.Uint16(hdr[8:])
	if flags&want == 0 {
		return nil, fmt.Errorf("page %d has type %#x", id, flags)
	}
	end := off + (uint64(native.Uint32(hdr[12:]))+1)*ps
	if end > w.m.pgid*ps {
		return nil, fmt.Errorf("page %d overflows past the last page", id)
	}
	return w.data[off:end], nil
}

// tree walks the B+tree whose root is page id, whose keys must lie from lo (nil: no
// bound) up to but not including hi (nil: no bound). It returns the tree's last key.
func (w *walker) tree(id uint64, lo, hi []byte) ([]byte, error) {
	p, err := w.reach(id)
	if err != nil {
		return nil, err
	}
	return w.node(p, lo, hi, true)
}

// reach returns the branch or leaf page id, marked as used with its overflow pages.
func (w *walker) reach(id uint64) ([]byte, error) {
	p, err := w.page(id, branchPage|leafPage)
	if err != nil {
		return nil, err
	}
	for i := range uint64(len(p)) / uint64(w.m.pageSize) {
		switch {
		case w.reached.has(id + i): // a cycle, or two owners of one page
			return nil, fmt.Errorf("page %d is reached twice", id+i)
		case w.freed.has(id + i):
			return nil, fmt.Errorf("page %d is in use and free", id+i)
		}
		w.reached.set(id + i)
	}
	return p, nil
}

// halvedTree walks the tree of a bucket whose root is page id, the second half of a root
// branch's children in a walk of its own at the same time: the audit log's tree is most
// of the file. The first key of that half is checked here, after the first half's last.
func (w *walker) halvedTree(id uint64) error {
	p, err := w.reach(id)
	if err != nil {
		return err
	}
	count := int(native.Uint16(p[10:]))
	if native.Uint16(p[8:])&branchPage == 0 || count < 2 || pageHeaderSize+count*elementSize > len(p) {
		_, err := w.node(p, nil, nil, true) // and node says what is wrong with it, if anything
		return err
	}
	half := count / 2
	w.halves.start(w, func(second *walker) error {
		_, err := second.children(p, half, count, nil, nil)
		return err
	})
	last, err := w.children(p, 0, half, nil, nil)
	if err != nil {
		return err
	}
	key, err := branchKey(p, half)
	if err != nil {
		return err
	}
	return inOrder(half, key, last, nil)
}

// node checks the elements of a branch or leaf page p (a page of the file, or a bucket's
// inline page) and walks down from it. When ordered, the keys must be in order within
// [lo, hi), as bbolt checks them; it does not check an inline page's. It returns the last
// key under p.
func (w *walker) node(p, lo, hi []byte, inPage bool) (last []byte, err error) {
	if len(p) < pageHeaderSize {
		return nil, errors.New("a page shorter than its header")
	}
	flags, count := native.Uint16(p[8:]), int(native.Uint16(p[10:]))
	if pageHeaderSize+count*elementSize > len(p) {
		return nil, fmt.Errorf("%d elements do not fit in the page", count)
	}
	if flags&branchPage != 0 {
		return w.children(p, 0, count, lo, hi)
	}
	prev := lo
	for i := range count {
		var key []byte
		switch {
		case flags&leafPage != 0:
			if key, err = w.leaf(p, i, inPage); err != nil {
				return nil, err
			}
			if inPage {
				if err := inOrder(i, key, prev, hi); err != nil {
					return nil, err
				}
			}
			prev, last = key, key
		default:
			return nil, fmt.Errorf("page type %#x", flags)
		}
	}
	return last, nil
}

// children walks the children from up to to of the branch page p, whose keys must lie
// within [lo, hi) (nil: no bound), each child's after the last key under the one before;
// the first's only when from is 0 (halvedTree checks the other). It returns the last key
// under them.
func (w *walker) children(p []byte, from, to int, lo, hi []byte) (last []byte, err error) {
	prev := lo
	for i := from; i < to; i++ {
		key, err := branchKey(p, i)
		if err != nil {
			return nil, err
		}
		next := hi
		if i+1 < int(native.Uint16(p[10:])) {
			if next, err = branchKey(p, i+1); err != nil {
				return nil, err
			}
		}
		if i > from || from == 0 {
			if err := inOrder(i, key, prev, hi); err != nil {
				return nil, err
			}
		}
		e := p[pageHeaderSize+i*elementSize:]
		if last, err = w.tree(native.Uint64(e[8:]), key, next); err != nil {
			return nil, err
		}
		prev = last
	}
	return last, nil
}

// branchKey returns the key of element i of the branch page p.
func branchKey(p []byte, i int) ([]byte, error) {
	at := pageHeaderSize + i*elementSize
	e := p[at : at+elementSize]
	return span(p, at, native.Uint32(e[0:]), uint64(native.Uint32(e[4:])))
}

// leaf checks element i of the leaf page p, walks the bucket it holds if it is one, and
// returns its key. Only a bucket in a page may hold buckets: bbolt never keeps a bucket
// that holds one inline, and its check would not follow it.
func (w *walker) leaf(p []byte, i int, inPage bool) ([]byte, error) {
	at := pageHeaderSize + i*elementSize
	e := p[at : at+elementSize]
	ksize := native.Uint32(e[8:])
	// In 64 bits: a key and a value size that overflow 32 bits are damage too.
	kv, err := span(p, at, native.Uint32(e[4:]), uint64(ksize)+uint64(native.Uint32(e[12:])))
	if err != nil {
		return nil, err
	}
	if native.Uint32(e[0:])&bucketElement != 0 {
		switch {
		case !inPage:
			return nil, errors.New("a bucket inside a bucket kept inline")
		case w.forks != nil:
			name, v := kv[:ksize], kv[ksize:]
			w.forks.start(w, func(b *walker) error {
				b.halves, b.inBucket = w.forks, name
				return b.bucket(v)
			})
		default:
			if err := w.bucket(kv[ksize:]); err != nil {
				return nil, err
			}
		}
	}
	return kv[:ksize], nil
}

// inOrder checks key, element i of a page, against the key before it (or the lower bound
// for the first) and the upper bound hi, as bbolt's check does.
func inOrder(i int, key, prev, hi []byte) error {
	switch {
	case i == 0 && prev != nil && bytes.Compare(prev, key) > 0:
		return fmt.Errorf("key %x comes before the range %x of its page", key, prev)
	case i > 0 && bytes.Compare(prev, key) >= 0:
		return fmt.Errorf("key %x is not after the key %x before it", key, prev)
	case hi != nil && bytes.Compare(key, hi) >= 0:
		return fmt.Errorf("key %x is not before the key %x that follows its page", key, hi)
	}
	return nil
}

// bucket walks a nested bucket from its value: a root page, or an inline page.
func (w *walker) bucket(v []byte) error {
	if len(v) < bucketHeader {
		return errors.New("a bucket value shorter than its header")
	}
	root := native.Uint64(v)
	switch {
	case root != 0 && w.newestOnly != nil && bytes.Equal(w.inBucket, w.newestOnly):
		return w.newestPath(root, nil, nil, true)
	case root != 0 && w.halves != nil:
		return w.halvedTree(root)
	case root != 0:
		_, err := w.tree(root, nil, nil)
		return err
	}
	_, err := w.node(v[bucketHeader:], nil, nil, false)
	return err
}

// newestPath checks, of the tree under page id, whose keys must lie within [lo, hi) (nil:
// no bound), what bbolt reads for a cursor's Last and then Prev: at each branch its last
// two children, down to their leaves, checked as tree checks them. Prev from the first
// key of the last leaf climbs to the nearest branch where it is not on the first child,
// and goes down the last children of the child before: one of those walked. bbolt writes
// no empty page but an empty tree's root, and Last skips an empty leaf backwards, so one
// here is damage. The tree's other pages are not read.
func (w *walker) newestPath(id uint64, lo, hi []byte, root bool) error {
	p, err := w.reach(id)
	if err != nil {
		return err
	}
	flags, count := native.Uint16(p[8:]), int(native.Uint16(p[10:]))
	switch {
	case count == 0 && (!root || flags&branchPage != 0):
		return fmt.Errorf("page %d is empty", id)
	case flags&branchPage == 0:
		_, err := w.node(p, lo, hi, true)
		return err
	case pageHeaderSize+count*elementSize > len(p):
		return fmt.Errorf("%d elements do not fit in the page", count)
	}
	prev := lo
	for i := max(0, count-2); i < count; i++ {
		key, err := branchKey(p, i)
		if err != nil {
			return err
		}
		if err := inOrder(min(i, 1), key, prev, hi); err != nil {
			return err
		}
		next := hi
		if i+1 < count {
			if next, err = branchKey(p, i+1); err != nil {
				return err
			}
		}
		if err := w.newestPath(native.Uint64(p[pageHeaderSize+i*elementSize+8:]), key, next, false); err != nil {
			return err
		}
		prev = key
	}
	return nil
}

// span returns the n bytes that an element at offset at points to with pos.
func span(p []byte, at int, pos uint32, n uint64) ([]byte, error) {
	start := uint64(at) + uint64(pos)
	if end := start + n; end > uint64(len(p)) {
		return nil, errors.New("an element points past the end of its page")
	}
	return p[start : start+n], nil
}

// readFreelist checks that the free page IDs fit in the freelist page p, name pages
// below the high-water mark and none twice, and marks them free.
func (w *walker) readFreelist(p []byte) error {
	count, at := uint64(native.Uint16(p[10:])), uint64(pageHeaderSize)
	if count == 0xFFFF { // the real count is the first element
		if len(p) < pageHeaderSize+8 {
			return errors.New("no room for the count")
		}
		count, at = native.Uint64(p[pageHeaderSize:]), at+8
	}
	if count > uint64(len(p)) || at+count*8 > uint64(len(p)) {
		return fmt.Errorf("%d free pages do not fit in the page", count)
	}
	for i := range count {
		id := native.Uint64(p[at+i*8:])
		switch {
		case id < 2 || id >= w.m.pgid:
			return fmt.Errorf("free page %d out of range", id)
		case w.freed.has(id):
			return fmt.Errorf("page %d is freed twice", id)
		}
		w.freed.set(id)
	}
	return nil
}

// forks walk parts of the file at once, each with a walker of its own: the buckets of the
// root tree (the app's buckets), and the second half of each bucket's root (halvedTree),
// so that the audit log's pages, most of the file, are checked beside the others'. Their
// pages are then added to the root walker's, any page reached twice found there.
type forks struct {
	wg   sync.WaitGroup
	mu   sync.Mutex // started from the forks themselves
	list []*fork
}

// fork is one bucket's walk.
type fork struct {
	w     *walker
	err   error
	fault any // a fault on the mapping (see inMapping), raised again in join
}

// start runs walk with a new walker of w's file and freelist, at once.
func (fs *forks) start(w *walker, walk func(*walker) error) {
	f := &fork{w: &walker{data: w.data, m: w.m, reached: newBitset(w.m.pgid), freed: w.freed,
		inBucket: w.inBucket, newestOnly: w.newestOnly}}
	fs.mu.Lock()
	fs.list = append(fs.list, f)
	fs.mu.Unlock()
	onFault := debug.SetPanicOnFault(true) // read, then put back: the walk faults as this one would
	debug.SetPanicOnFault(onFault)
	fs.wg.Go(func() {
		defer func() { f.fault = recover() }()
		debug.SetPanicOnFault(onFault)
		f.err = walk(f.w)
	})
}

// join waits for every walk (the mapping must outlive them), then returns the first
// problem of the first that found one, or adds their pages to root's.
func (fs *forks) join(root *walker) error {
	fs.wg.Wait()
	for _, f := range fs.list {
		if f.fault != nil {
			panic(f.fault)
		}
		if f.err != nil && f.w.inBucket == nil {
			return f.err
		}
		if f.err != nil {
			return fmt.Errorf("bucket %s: %w", f.w.inBucket, f.err)
		}
		for i, pages := range f.w.reached {
			if both := pages & root.reached[i]; both != 0 {
				return fmt.Errorf("page %d is reached twice", uint64(i)*64+uint64(bits.TrailingZeros64(both)))
			}
			root.reached[i] |= pages
		}
	}
	return nil
}

// bitset is a set of page IDs.
type bitset []uint64

func newBitset(n uint64) bitset     { return make(bitset, (n+63)/64) }
func (b bitset) has(id uint64) bool { return b[id/64]&(1<<(id%64)) != 0 }
func (b bitset) set(id uint64)      { b[id/64] |= 1 << (id % 64) }
