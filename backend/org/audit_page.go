package org

import (
	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// MaxAuditPage bounds the events of one page, so a page never costs what the whole log does.
const MaxAuditPage = 500

// AuditQuery is what the Audit page asks for: the filter, and which page of the events
// that pass it, newest first.
type AuditQuery struct {
	Filter audit.Filter
	Offset int // matching events to pass over, from the newest
	Limit  int // at most this many events; 0, or more than MaxAuditPage, is MaxAuditPage
}

// AuditPage is one page of the events that pass a filter.
type AuditPage struct {
	Events []audit.Event // newest first
	Total  int           // every event of the whole log that passes the filter
}

// AuditPage returns one page of the events that pass q's filter, out of every event of
// the log. Every member may read the history, as for AuditLog.
func (s *Service) AuditPage(memberID string, q AuditQuery) (AuditPage, error) {
	if q.Limit <= 0 || q.Limit > MaxAuditPage {
		q.Limit = MaxAuditPage
	}
	q.Offset = max(q.Offset, 0)
	var p AuditPage
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := authorize(tx, memberID, access.ViewMembers); err != nil {
			return err
		}
		var err error
		p.Events, p.Total, err = tx.EventPage(q.Filter, q.Offset, q.Limit)
		return err
	})
	return p, err
}

// AuditChain is the state of the whole log's hash chain.
type AuditChain struct {
	// Events is how many events the log holds.
	Events int
	// Broken is nil when the whole chain verifies up to its recorded end, or
	// audit.ErrBroken naming the first event that does not fit.
	Broken error
	// Head is the hash of the log's last event, an anchor to note down (see AuditLog).
	Head string
}

// AuditChain verifies every event of the log. It reads and hashes the whole log, so the
// page asks for it apart from its first page of events and shows the answer when it comes.
func (s *Service) AuditChain(memberID string) (AuditChain, error) {
	all, err := s.wholeLog(memberID)
	if err != nil {
		return AuditChain{}, err
	}
	return AuditChain{Events: len(all.Events), Broken: all.Verify(), Head: all.Head.Hash}, nil
}
