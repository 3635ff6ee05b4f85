package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout of the buckets below. Raise it with a migration (migrate.go).
// 2: events and key records in binary form (codec.go), and the index of the log (index.go).
const SchemaVersion = 2

// OpenTimeout bounds the wait for the file lock held by another process.
const OpenTimeout = time.Second

// growBy is how much the file grows when it is full.
const growBy = 1 << 20

// FileName is the database's name inside the data folder.
const FileName = "proofkeys.db"

var (
	bucketMeta    = []byte("meta")
	bucketOrg     = []byte("org")
	bucketMembers = []byte("members")
	bucketKeys    = []byte("keys")
	bucketAudit   = []byte("audit")

	// buckets are every bucket of the file; schema 1 files lack the index's.
	buckets = [][]byte{bucketMeta, bucketOrg, bucketMembers, bucketKeys, bucketAudit, bucketCopies, bucketNames}

	keySchema    = []byte("schema_version")
	keyOrg       = []byte("org")
	keyAuditHead = []byte("audit_head")
)

// Store is the open database.
type Store struct {
	db *bolt.DB
	// newestEventOnly: opened by OpenForKeys, whose check left out the audit log's pages
	// but those of its newest events. Reads of other events refuse (Tx.wholeLog).
	newestEventOnly bool
}

// Open opens (or creates) the database in dir, creating dir with owner-only permissions.
// A file that is damaged, or missing or empty in a folder that has snapshots, is never
// opened: the error wraps ErrCorrupt (see Damaged) and the file is left as it is.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := filepath.Join(dir, FileName)
	isNew, err := isNewFile(dir, path)
	if err != nil {
		return nil, err
	}
	if !isNew {
		checked, err := openChecked(path, nil)
		if err == nil {
			// The inspection checks what Tx.Check does; a writer, which could spread
			// damage it missed, runs bbolt's own check too.
			err = checked.View(checkTx)
			// Closed before opening for writing: bbolt's lock is per file, not per process.
			_ = checked.Close()
		}
		if err != nil {
			return nil, err
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: OpenTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, ErrInUse
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	// bbolt grows the file 16 MB past what it needs, which at this app's sizes is half
	// the file; a megabyte at a time costs an extra sync per thousands of changes.
	db.AllocSize = growBy
	s := &Store{db: db}
	if err := s.db.Update(s.prepare); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// isNewFile reports whether path is to be made anew: it does not exist or is empty, and
// the folder has no snapshots. A missing or empty file beside snapshots is data that was
// lost, not a first start: starting afresh would hide it and orphan the vault's secrets.
func isNewFile(dir, path string) (bool, error) {
	info, err := os.Stat(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return false, fmt.Errorf("read the data file: %w", err)
	}
	if err == nil && info.Size() > 0 {
		return false, nil
	}
	snaps, err := Snapshots(dir)
	if err != nil {
		return false, err
	}
	if len(snaps) > 0 {
		return false, fmt.Errorf("%w: %w", ErrCorrupt, ErrDataMissing)
	}
	return true, nil
}

// openChecked opens the file at path read-only and checks it whole before anything reads
// a record, but for the pages of the bucket newestOnly (nil: none) off the way to its last
// two keys.
// bbolt's read-only open takes a shared lock, so no writer is at work while the file is
// inspected, and it reads only the two meta pages, so a damaged file cannot make
// it fault. Then inspectDB checks every page bbolt will follow and what they hold, as
// bbolt's Tx.Check would (TestInspectRefusesWhatTxCheckRefuses).
func openChecked(path string, newestOnly []byte) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, ErrInUse
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if err = inspectDB(db, newestOnly); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

// checkTx runs bbolt's consistency check on tx: every page reachable once or free, keys
// in order, nothing past the end. It returns the first problem, wrapped in ErrCorrupt.
func checkTx(tx *bolt.Tx) error {
	var first error
	for err := range tx.Check() { // drained to the end, so its goroutine finishes
		if first == nil {
			first = fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
	}
	return first
}

// Check runs bbolt's consistency check on the open database. It holds up writers while
// it runs: bbolt's check reads the free-page list, which a concurrent writer changes.
func (s *Store) Check() error {
	return s.db.Update(checkTx)
}

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file's path.
func (s *Store) Path() string { return s.db.Path() }

// prepare creates the buckets and records the schema version, or checks it and migrates
// an older file.
func (s *Store) prepare(tx *bolt.Tx) error {
	for _, name := range buckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	if err := (&Tx{tx: tx}).ensureFolderID(); err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	raw := meta.Get(keySchema)
	if raw == nil {
		return meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, SchemaVersion))
	}
	if len(raw) != 4 {
		return fmt.Errorf("%w: bad schema version record", ErrCorrupt)
	}
	v := binary.BigEndian.Uint32(raw)
	switch {
	case v > SchemaVersion:
		return fmt.Errorf("%w: version %d, this proofkeys reads up to %d", ErrNewerSchema, v, SchemaVersion)
	case v < SchemaVersion:
		if err := migrate(&Tx{tx: tx}, v); err != nil {
			return fmt.Errorf("update the database from version %d: %w", v, err)
		}
		return meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, SchemaVersion))
	}
	return nil
}

// Update runs fn in a read-write transaction; an error from fn rolls it back.
func (s *Store) Update(fn func(*Tx) error) error {
	return s.db.Update(func(tx *bolt.Tx) error { return fn(&Tx{tx: tx}) })
}

// View runs fn in a read-only transaction.
func (s *Store) View(fn func(*Tx) error) error {
	return s.db.View(func(tx *bolt.Tx) error { return fn(&Tx{tx: tx, newestEventOnly: s.newestEventOnly}) })
}
