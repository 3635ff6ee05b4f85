package org

import (
	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// AuditLog is the organization's history as the Audit page shows it.
type AuditLog struct {
	// Events are those that pass the filter, oldest first.
	Events []audit.Event
	// Broken is nil when the whole chain verifies, or audit.ErrBroken naming the first
	// event that does not fit. It is checked on every event, whatever the filter.
	Broken error
	// Head is the hash of the log's last event, an anchor to note down: while it is still
	// in the chain (`proofkeys audit verify --anchor`), nothing before it was cut or rewritten.
	Head string
}

// AuditLog returns the events that pass f and the state of the whole chain: what an
// export holds (the page reads AuditPage). Every member may read the history, as every
// member sees the keys and the members it is about.
func (s *Service) AuditLog(memberID string, f audit.Filter) (AuditLog, error) {
	all, err := s.wholeLog(memberID)
	if err != nil {
		return AuditLog{}, err
	}
	log := AuditLog{Broken: all.Verify(), Head: all.Head.Hash}
	for _, e := range all.Events {
		if f.Match(e) {
			log.Events = append(log.Events, e)
		}
	}
	return log, nil
}

// wholeLog reads every event of the log, for a member allowed to read the history.
func (s *Service) wholeLog(memberID string) (audit.Log, error) {
	var all audit.Log
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := authorize(tx, memberID, access.ViewMembers); err != nil {
			return err
		}
		var err error
		all, err = tx.AuditLog()
		return err
	})
	return all, err
}
