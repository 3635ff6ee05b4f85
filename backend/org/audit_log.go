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
	// Members and Keys name every actor and key of the whole log by ID, with the latest
	// name it had there: the choices of the page's filters.
	Members, Keys map[string]string
	// Actions is every action the whole log holds.
	Actions map[audit.Action]bool
}

// AuditLog returns the events that pass f and the state of the whole chain. Every member
// may read the history, as every member sees the keys and the members it is about.
func (s *Service) AuditLog(memberID string, f audit.Filter) (AuditLog, error) {
	var all []audit.Event
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := authorize(tx, memberID, access.ViewMembers); err != nil {
			return err
		}
		var err error
		all, err = tx.Events(func(audit.Event) bool { return true })
		return err
	})
	if err != nil {
		return AuditLog{}, err
	}
	log := AuditLog{Broken: audit.Verify(all), Members: map[string]string{}, Keys: map[string]string{},
		Actions: map[audit.Action]bool{}}
	for _, e := range all {
		log.Members[e.Actor] = e.ActorName
		log.Actions[e.Action] = true
		if e.KeyID != "" {
			log.Keys[e.KeyID] = e.KeyName
		}
		if f.Match(e) {
			log.Events = append(log.Events, e)
		}
	}
	return log, nil
}
