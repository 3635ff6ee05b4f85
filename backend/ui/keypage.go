package ui

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"proofkeys/backend/apikey"
	"proofkeys/backend/org"
)

// KeyQuery asks for one window of the API Keys list: the keys of an environment that
// hold Search in their name, hint or creator and pass Filter, in Order, from Offset.
type KeyQuery struct {
	Environment string `json:"environment"`
	Search      string `json:"search"`
	Filter      string `json:"filter"` // all, overdue, expiring or never_copied
	Order       string `json:"order"`  // newest or name
	Offset      int    `json:"offset"`
	Limit       int    `json:"limit"` // at most maxKeyPage
}

// KeyPageView is one window of the list, with what the page says about the whole list.
type KeyPageView struct {
	Keys    []KeyView `json:"keys"`
	Offset  int       `json:"offset"`
	Matched int       `json:"matched"` // keys that hold the search and pass the filter
	Total   int       `json:"total"`   // live keys of the environment
	Overdue int       `json:"overdue"` // keys older than the rotation policy
	// WithdrawnPayer names the first keys saved with a payer Proof no longer enables
	// (at most maxWithdrawnNames); WithdrawnCount counts them all.
	WithdrawnPayer []string `json:"withdrawnPayer"`
	WithdrawnCount int      `json:"withdrawnCount"`
}

// maxKeyPage bounds one window: the rows in view, many times over.
const maxKeyPage = 500

// maxWithdrawnNames is how many keys the withdrawn-payer notice names before "and N more".
const maxWithdrawnNames = 5

// errKeyQuery: the page asked for an order, filter or window that does not exist.
var errKeyQuery = errors.New("unknown key order, filter or window")

// keyFilters say which keys each filter of the page keeps.
var keyFilters = map[string]func(*KeyView) bool{
	"all":          func(*KeyView) bool { return true },
	"overdue":      func(k *KeyView) bool { return k.RotationDue },
	"expiring":     func(k *KeyView) bool { return k.ReplacedBy != "" && k.ExpiresAt != "" },
	"never_copied": func(k *KeyView) bool { return !k.Copied },
}

// KeyPage returns one window of the live keys of q.Environment, searched, filtered and
// ordered here, so the page never holds more than the rows in view: ten thousand keys
// cost it what twenty do.
func (x *Keys) KeyPage(q KeyQuery) (KeyPageView, error) {
	return withEnv(x.c, q.Environment, func(s *services, e apikey.Environment) (KeyPageView, error) {
		pass, known := keyFilters[q.Filter]
		if !known || (q.Order != "newest" && q.Order != "name") || q.Offset < 0 || q.Limit < 1 || q.Limit > maxKeyPage {
			return KeyPageView{}, errKeyQuery
		}
		if isFirstScreen(q) {
			if p, ok, err := x.firstScreen(s, e, q); ok || err != nil {
				return p, err
			}
		}
		list, err := x.list(s, e)
		if err != nil {
			return KeyPageView{}, err
		}
		return list.page(q, pass), nil
	})
}

// page searches and filters the list in q's order and cuts out q's window.
func (l *keyList) page(q KeyQuery, pass func(*KeyView) bool) KeyPageView {
	search := &l.newest
	if q.Order == "name" {
		search = &l.byName
	}
	p := KeyPageView{Total: len(l.views), Overdue: l.overdue, Offset: q.Offset, Keys: []KeyView{},
		WithdrawnPayer: l.withdrawn[:min(len(l.withdrawn), maxWithdrawnNames)], WithdrawnCount: len(l.withdrawn)}
	search.each(strings.ToLower(strings.TrimSpace(q.Search)), func(i int) {
		if !pass(&l.views[i]) {
			return
		}
		if p.Matched >= q.Offset && len(p.Keys) < q.Limit {
			p.Keys = append(p.Keys, l.views[i])
		}
		p.Matched++
	})
	return p
}

// orderNewest orders keys newest first. Keys made in the same second keep the order they
// were made in (views are oldest first), latest first.
func orderNewest(views []KeyView) []int {
	return orderBy(views, func(a, b *KeyView) int { return -strings.Compare(a.CreatedAt, b.CreatedAt) })
}

// orderByName orders keys by name as people read them ("key 2" before "key 10"), and keys
// of the same name newest first.
func orderByName(views []KeyView) []int {
	return orderBy(views, func(a, b *KeyView) int {
		return cmp.Or(org.CompareNatural(a.Name, b.Name), -strings.Compare(a.CreatedAt, b.CreatedAt))
	})
}

// orderBy returns the positions of views in the order compare gives, later positions
// (keys made later) first where it sees no difference.
func orderBy(views []KeyView, compare func(a, b *KeyView) int) []int {
	order := make([]int, len(views))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Or(compare(&views[i], &views[j]), cmp.Compare(j, i)) })
	return order
}
