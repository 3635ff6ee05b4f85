package org

import (
	"cmp"
	"slices"
	"strings"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// Choice is one choice of an Audit page filter: an ID and the latest name the log has for it.
type Choice struct {
	ID   string
	Name string
}

// AuditFilters are the choices of the Audit page's filters but the keys, which are too
// many to list: KeyChoices searches them.
type AuditFilters struct {
	Members []Choice       // every actor of the whole log, in natural order of their names
	Actions []audit.Action // every action the whole log holds, in name order
}

// AuditFilters returns the members and actions of the whole log. It reads the store's
// index, not the events.
func (s *Service) AuditFilters(memberID string) (AuditFilters, error) {
	names, err := s.auditNames(memberID)
	if err != nil {
		return AuditFilters{}, err
	}
	return AuditFilters{Members: choices(names.Members, ""), Actions: names.Actions}, nil
}

// KeyChoices are the keys that match a search, for the Audit page's key filter.
type KeyChoices struct {
	Keys  []Choice // at most the limit asked for, in natural order of their names
	Total int      // every key that matches
}

// KeyChoices returns the keys of the whole log whose name or ID holds query (ignoring
// case; "" matches every key), in natural order: "key 2" before "key 10". At most limit
// are returned (limit <= 0: all), with the count of all that match.
func (s *Service) KeyChoices(memberID, query string, limit int) (KeyChoices, error) {
	names, err := s.auditNames(memberID)
	if err != nil {
		return KeyChoices{}, err
	}
	all := choices(names.Keys, query)
	if limit <= 0 || limit > len(all) {
		limit = len(all)
	}
	return KeyChoices{Keys: all[:limit], Total: len(all)}, nil
}

func (s *Service) auditNames(memberID string) (store.AuditNames, error) {
	var names store.AuditNames
	err := s.Store.View(func(tx *store.Tx) error {
		if _, _, err := authorize(tx, memberID, access.ViewMembers); err != nil {
			return err
		}
		var err error
		names, err = tx.AuditNames()
		return err
	})
	return names, err
}

// choices lists the names whose name or ID holds query, ignoring case, in natural order
// of their names, then of their IDs.
func choices(names map[string]string, query string) []Choice {
	query = strings.ToLower(strings.TrimSpace(query))
	out := make([]Choice, 0, len(names))
	for id, name := range names {
		if query == "" || strings.Contains(strings.ToLower(name), query) || strings.Contains(strings.ToLower(id), query) {
			out = append(out, Choice{ID: id, Name: name})
		}
	}
	slices.SortFunc(out, func(a, b Choice) int {
		return cmp.Or(compareNatural(a.Name, b.Name), compareNatural(a.ID, b.ID))
	})
	return out
}
