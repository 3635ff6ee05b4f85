package store

import bolt "go.etcd.io/bbolt"

// Version is the number of the last committed change: it grows with every write, so a
// reader that keeps what it read can tell when to read again.
func (s *Store) Version() (uint64, error) {
	var v uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		v = uint64(tx.ID())
		return nil
	})
	return v, err
}
