package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// ErrNoDatabase means the data folder has no database file.
var ErrNoDatabase = errors.New("no proofkeys data in this folder")

// OpenReadOnly opens the database in dir for reading only, as the command line does: it
// creates nothing, writes nothing, and shares the file with other readers. While the app
// holds the file it returns ErrInUse after OpenTimeout.
func OpenReadOnly(dir string) (*Store, error) {
	return openReadOnlyFile(filepath.Join(dir, FileName), nil)
}

// OpenForKeys opens the database in dir as OpenReadOnly does, for a command that reads the
// keys and what is kept beside them (the organization, its members, the copies index) and
// of the audit log its newest event alone: the inventory. The check of the file leaves out
// the log's pages but those a read of its newest events follows: the log is most of the
// file, and with 100,000 events checking it took half the inventory command's time past
// its start. Every other read of the log (EventsSince, EventPage, Contents) refuses in its
// transactions, so no read can fault; proofkeys doctor and the app check the log whole.
// A folder from before the copies index, whose copies are counted from the events, is
// checked whole.
func OpenForKeys(dir string) (*Store, error) {
	path := filepath.Join(dir, FileName)
	s, err := openReadOnlyFile(path, bucketAudit)
	if err != nil || s.indexed() {
		return s, err
	}
	if err := inspectDB(s.db, nil); err != nil {
		_ = s.Close()
		return nil, err
	}
	s.newestEventOnly = false
	return s, nil
}

// indexed reports whether the file has the copies index (index.go), so that nothing
// scans the log for a key's copies.
func (s *Store) indexed() bool {
	found := false
	_ = s.db.View(func(tx *bolt.Tx) error { found = tx.Bucket(bucketCopies) != nil; return nil })
	return found
}

// openReadOnlyFile opens the file at path read-only, checked but for the pages of the
// bucket newestOnly (nil: none) off the way to its last two keys.
func openReadOnlyFile(path string, newestOnly []byte) (*Store, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if snaps, _ := Snapshots(dir); len(snaps) > 0 {
			return nil, fmt.Errorf("%w: %w", ErrCorrupt, ErrDataMissing)
		}
		return nil, fmt.Errorf("%w: %s", ErrNoDatabase, dir)
	}
	if err == nil && info.Size() == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrCorrupt)
	}
	db, err := openChecked(path, newestOnly)
	if err != nil {
		return nil, err
	}
	if err := db.View(checkSchema); err != nil {
		_ = db.Close()
		return nil, err
	}
	return &Store{db: db, newestEventOnly: newestOnly != nil}, nil
}

// checkSchema refuses a file without the app's buckets or written by a newer proofkeys.
func checkSchema(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketOrg, bucketMembers, bucketKeys, bucketAudit} {
		if tx.Bucket(name) == nil {
			return fmt.Errorf("%w: no %s bucket", ErrCorrupt, name)
		}
	}
	raw := tx.Bucket(bucketMeta).Get(keySchema)
	if len(raw) != 4 {
		return fmt.Errorf("%w: bad schema version record", ErrCorrupt)
	}
	if v := binary.BigEndian.Uint32(raw); v > SchemaVersion {
		return fmt.Errorf("%w: version %d, this proofkeys reads up to %d", ErrNewerSchema, v, SchemaVersion)
	}
	return nil
}

// CheckFile reads the whole database file at path: the shape of its pages, bbolt's own
// consistency check (on top of the inspection's), the schema version, and every record. It returns nil only for a file the
// app can open and read, wrapped ErrCorrupt or ErrNewerSchema otherwise. It never writes.
func CheckFile(path string) (err error) {
	s, err := openReadOnlyFile(path, nil)
	if err != nil {
		return err
	}
	defer s.Close()
	// bbolt panics on some damaged pages instead of returning an error.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	return s.db.View(func(tx *bolt.Tx) error {
		if err := checkTx(tx); err != nil {
			return err
		}
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			readable := readers[string(name)]
			return b.ForEach(func(k, v []byte) error {
				if readable != nil && !readable(v) {
					return fmt.Errorf("%w: %s/%s is not readable", ErrCorrupt, name, k)
				}
				return nil
			})
		})
	})
}

// readers tell, per bucket, whether a record can be read; the others hold raw bytes.
var readers = map[string]func([]byte) bool{
	string(bucketOrg):     json.Valid,
	string(bucketMembers): json.Valid,
	string(bucketKeys):    func(raw []byte) bool { _, err := DecodeKey(raw); return err == nil },
	string(bucketAudit):   func(raw []byte) bool { _, err := DecodeEvent(0, "", raw); return err == nil },
	string(bucketCopies):  func(raw []byte) bool { _, err := decodeCopies(raw); return err == nil },
}
