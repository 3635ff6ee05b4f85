package ui

import (
	"cmp"
	"slices"
	"strings"

	"proofkeys/backend/apikey"
)

// isFirstScreen says whether q asks for the list's first screen as the page opens it:
// newest first, every key, nothing searched, from the top.
func isFirstScreen(q KeyQuery) bool {
	return q.Order == "newest" && q.Filter == "all" && strings.TrimSpace(q.Search) == "" && q.Offset == 0
}

// firstScreen answers q, the list's first screen (isFirstScreen), when no list of e is
// kept: from a walk of the keys that reads out only the rows it returns
// (keys.Service.Newest) and counts the others, a fraction of reading the whole list,
// which is then read ahead for the page's next calls. The window's first screen so
// waits for no more than it shows. ok is false when a list is kept: its page is the
// answer, at no cost.
func (x *Keys) firstScreen(s *services, e apikey.Environment, q KeyQuery) (p KeyPageView, ok bool, err error) {
	s.keyLists.mu.Lock()
	l, _, now, err := x.kept(s, e)
	s.keyLists.mu.Unlock()
	if l != nil || err != nil {
		return KeyPageView{}, false, err
	}
	member := x.c.member(s)
	days, isWithdrawn := rotationDays(s), withdrawnPayers(s, member)
	type named struct {
		seq  uint64
		name string
	}
	var withdrawn []named
	newest, err := s.keys.Newest(member, e, q.Limit, func(k *apikey.Key) {
		p.Total++
		if k.DueForRotation(days, now) {
			p.Overdue++
		}
		if isWithdrawn(k.Settings.Payer) {
			withdrawn = append(withdrawn, named{k.Seq, strings.Clone(k.Settings.Name)})
		}
	})
	if err != nil {
		return KeyPageView{}, false, err
	}
	views, err := viewsOf(s, s.keys, member, newest)
	if err != nil {
		return KeyPageView{}, false, err
	}
	p.Keys, p.Matched = views, p.Total // never nil: an empty list is a list
	// Named oldest first, as the whole list names them.
	slices.SortFunc(withdrawn, func(a, b named) int { return cmp.Compare(a.seq, b.seq) })
	p.WithdrawnCount = len(withdrawn)
	for _, w := range withdrawn[:min(len(withdrawn), maxWithdrawnNames)] {
		p.WithdrawnPayer = append(p.WithdrawnPayer, w.name)
	}
	x.readAheadOf(s, e)
	return p, true, nil
}
