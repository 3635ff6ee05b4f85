package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
)

// bbolt maps its file into memory and follows the page numbers and offsets it finds
// there without bounds checks: a file cut short or overwritten makes it read past the
// end of the mapping, a SIGBUS or SIGSEGV that no recover() can catch. So before bbolt
// maps a file, inspectFile reads it with ordinary, bounds-checked reads and walks the
// same structures bbolt will follow: both meta pages (bbolt's layout, below) and the page
// count they declare against the file's size, then the newer transaction's freelist and
// every bucket's B+tree.
// Whatever passes can be opened and read by bbolt without touching memory outside the
// file; bbolt's own Tx.Check then judges the meaning (pages reachable once, keys sorted).

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

// inspectFile checks the shape of the bbolt file at path, reading it whole; it returns a
// wrapped ErrCorrupt saying what is wrong.
func inspectFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read the data file: %w", err)
	}
	if err := inspect(data); err != nil {
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return nil
}

// inspect checks data, a whole bbolt file.
func inspect(data []byte) error {
	m0, err := readMeta(data, 0)
	if err != nil {
		return fmt.Errorf("meta page 0: %w", err)
	}
	m1, err := readMeta(data, int(m0.pageSize))
	if err != nil {
		return fmt.Errorf("meta page 1: %w", err)
	}
	// bbolt reads the newer transaction's pages. The older one's may already be reused,
	// as bbolt allows once no reader needs them, so only its meta page is checked.
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	if err := (&walker{data: data, m: m, seen: map[uint64]bool{}}).walk(); err != nil {
		return fmt.Errorf("transaction %d: %w", m.txid, err)
	}
	return nil
}

// readMeta reads and verifies the meta page at offset off.
func readMeta(data []byte, off int) (meta, error) {
	if off < 0 || off+pageHeaderSize+metaSize > len(data) {
		return meta{}, fmt.Errorf("the file ends at %d bytes, before the page", len(data))
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

// walker follows one meta's pages.
type walker struct {
	data []byte
	m    meta
	seen map[uint64]bool // pages already walked: a cycle would never end
}

func (w *walker) walk() error {
	if w.m.freelist != noFreelist {
		p, err := w.page(w.m.freelist, freelistPage)
		if err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
		if err := checkFreelist(p, w.m.pgid); err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
	}
	return w.tree(w.m.root)
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

// tree walks the B+tree whose root is page id.
func (w *walker) tree(id uint64) error {
	if w.seen[id] {
		return fmt.Errorf("page %d is reached twice", id)
	}
	w.seen[id] = true
	p, err := w.page(id, branchPage|leafPage)
	if err != nil {
		return err
	}
	return w.node(p)
}

// node checks the elements of a branch or leaf page p (a page of the file, or a bucket's
// inline page) and walks down from it.
func (w *walker) node(p []byte) error {
	if len(p) < pageHeaderSize {
		return errors.New("a page shorter than its header")
	}
	flags, count := native.Uint16(p[8:]), int(native.Uint16(p[10:]))
	if pageHeaderSize+count*elementSize > len(p) {
		return fmt.Errorf("%d elements do not fit in the page", count)
	}
	for i := range count {
		at := pageHeaderSize + i*elementSize
		e := p[at : at+elementSize]
		switch {
		case flags&branchPage != 0:
			if _, err := span(p, at, native.Uint32(e[0:]), uint64(native.Uint32(e[4:]))); err != nil {
				return err
			}
			if err := w.tree(native.Uint64(e[8:])); err != nil {
				return err
			}
		case flags&leafPage != 0:
			// In 64 bits: a key and a value size that overflow 32 bits are damage too.
			kv, err := span(p, at, native.Uint32(e[4:]), uint64(native.Uint32(e[8:]))+uint64(native.Uint32(e[12:])))
			if err != nil {
				return err
			}
			if native.Uint32(e[0:])&bucketElement != 0 {
				if err := w.bucket(kv[native.Uint32(e[8:]):]); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("page type %#x", flags)
		}
	}
	return nil
}

// bucket walks a nested bucket from its value: a root page, or an inline page.
func (w *walker) bucket(v []byte) error {
	if len(v) < bucketHeader {
		return errors.New("a bucket value shorter than its header")
	}
	if root := native.Uint64(v); root != 0 {
		return w.tree(root)
	}
	return w.node(v[bucketHeader:])
}

// span returns the n bytes that an element at offset at points to with pos.
func span(p []byte, at int, pos uint32, n uint64) ([]byte, error) {
	start := uint64(at) + uint64(pos)
	if end := start + n; end > uint64(len(p)) {
		return nil, errors.New("an element points past the end of its page")
	}
	return p[start : start+n], nil
}

// checkFreelist checks that the free page IDs fit in the freelist page and name pages
// below the high-water mark pgid.
func checkFreelist(p []byte, pgid uint64) error {
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
		if id := native.Uint64(p[at+i*8:]); id < 2 || id >= pgid {
			return fmt.Errorf("free page %d out of range", id)
		}
	}
	return nil
}
