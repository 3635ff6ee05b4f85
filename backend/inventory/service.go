package inventory

import (
	"fmt"
	"sync"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// Store is the database (store.Store in the app). The inventory only reads.
type Store interface {
	View(func(*store.Tx) error) error
}

// Service builds reports from the database. Now is passed in so tests fix the time.
type Service struct {
	Store Store
	Now   func() time.Time

	mu    sync.Mutex
	cache *cache
}

// New returns a Service on the real clock.
func New(s Store) *Service { return &Service{Store: s, Now: time.Now} }

// Inventory is the report for the member memberID, who must be allowed to view keys.
func (s *Service) Inventory(memberID string) (Report, error) {
	return s.report(func(tx *store.Tx, _ access.Org) error {
		_, _, err := tx.Authorize(memberID, access.ViewKeys)
		return err
	})
}

// Offline is the report for the command line, which runs as whoever can read the data
// folder: the folder's owner-only permissions are its check, as for any file they hold.
func (s *Service) Offline() (Report, error) {
	return s.report(func(*store.Tx, access.Org) error { return nil })
}

func (s *Service) report(allow func(*store.Tx, access.Org) error) (Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var in Input
	var anchor string
	err := s.Store.View(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return fmt.Errorf("load organization: %w", err)
		}
		if err := allow(tx, o); err != nil {
			return err
		}
		members, err := tx.Members()
		if err != nil {
			return err
		}
		if s.cache, err = s.cache.refresh(tx); err != nil {
			s.cache = nil
			return err
		}
		in = Input{Org: o, Members: make(map[string]access.Member, len(members)),
			Keys: s.cache.keys, Copies: s.cache.copies, Now: s.Now()}
		for _, m := range members {
			in.Members[m.ID] = m
		}
		last, _, err := tx.LastEvent()
		anchor = last.Hash
		return err
	})
	if err != nil {
		return Report{}, err
	}
	r := Build(in)
	r.AuditAnchor = anchor
	return r, nil
}

// Only is the report narrowed to one environment ("" or "all" for every key), with its
// summary and chart counted again over the keys kept.
func (r Report) Only(env string) (Report, error) {
	if env == "" || env == "all" {
		return r, nil
	}
	e, err := apikey.ParseEnvironment(env)
	if err != nil {
		return Report{}, err
	}
	rows := make([]Row, 0, len(r.Rows))
	for _, row := range r.Rows {
		if row.Environment == string(e) {
			rows = append(rows, row)
		}
	}
	r.Rows, r.Summary, r.Chart = rows, summarize(rows, r.GeneratedAt), chartOf(rows, r.RotationDays)
	return r, nil
}
