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
	members, _ := choices(names.Members, "", 0)
	return AuditFilters{Members: members, Actions: names.Actions}, nil
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
	keys, total := choices(names.Keys, query, limit)
	return KeyChoices{Keys: keys, Total: total}, nil
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

// choices lists the first limit (<= 0: all) of the names whose name or ID holds query,
// ignoring case, in natural order of their names, then of their IDs, and counts all that
// match.
func choices(names map[string]string, query string, limit int) ([]Choice, int) {
	query = strings.ToLower(strings.TrimSpace(query))
	if limit <= 0 || limit > len(names) {
		limit = len(names)
	}
	keep := sorted(limit)
	total := 0
	for id, name := range names {
		if query == "" || strings.Contains(strings.ToLower(name), query) || strings.Contains(strings.ToLower(id), query) {
			total++
			keep.add(Choice{ID: id, Name: name})
		}
	}
	return keep.done(), total
}

// firstChoices keeps the first n choices in natural order of what it is given. For a few
// out of ten thousand (a search field's first screen), it keeps them in order as they come:
// most are passed over after one comparison with the last kept. For more, it sorts all.
type firstChoices struct {
	n   int
	all []Choice
}

// fewChoices is the most firstChoices keeps in order as they come.
const fewChoices = 200

func sorted(n int) *firstChoices {
	return &firstChoices{n: n, all: make([]Choice, 0, min(n, fewChoices))}
}

func (f *firstChoices) add(c Choice) {
	switch {
	case f.n > fewChoices:
		f.all = append(f.all, c)
	case len(f.all) == f.n && compareChoices(c, f.all[f.n-1]) >= 0:
	default:
		at, _ := slices.BinarySearchFunc(f.all, c, compareChoices)
		f.all = slices.Insert(f.all[:min(len(f.all), f.n-1)], at, c)
	}
}

func (f *firstChoices) done() []Choice {
	if f.n > fewChoices {
		slices.SortFunc(f.all, compareChoices)
	}
	return f.all[:min(len(f.all), f.n)]
}

func compareChoices(a, b Choice) int {
	return cmp.Or(CompareNatural(a.Name, b.Name), CompareNatural(a.ID, b.ID))
}
