package ui

import "strings"

// keySearch is what the list's search looks in, in one of its orders: every key's name,
// hint and creator, lower-cased, one after another in one string, each ended by a NUL. A
// keystroke then scans one block of memory, where ten thousand separate strings, cold in
// the cache between keystrokes, cost ten times as long (2 to 3 ms against 0.3).
type keySearch struct {
	order []int  // positions in the list's views, in this order
	text  string // the keys' texts in this order, each followed by a NUL
	ends  []int  // where each key's text ends: the index of its NUL in text
}

// searchTexts is what a search looks in for each view, in the views' order: its name,
// hint and creator on lines of their own, lower-cased, without NULs. Both orders of the
// list are made of the same texts, so they are made once.
func searchTexts(views []KeyView) []string {
	texts := make([]string, len(views))
	for i := range views {
		v := &views[i]
		texts[i] = strings.ToLower(strings.ReplaceAll(v.Name+"\n"+v.Hint+"\n"+v.CreatedBy, "\x00", ""))
	}
	return texts
}

// newKeySearch lays texts (searchTexts) out in order, for the search.
func newKeySearch(texts []string, order []int) keySearch {
	size := len(order)
	for _, t := range texts {
		size += len(t)
	}
	var b strings.Builder
	b.Grow(size)
	ends := make([]int, len(order))
	for k, i := range order {
		b.WriteString(texts[i])
		ends[k] = b.Len()
		b.WriteByte(0)
	}
	return keySearch{order: order, text: b.String(), ends: ends}
}

// each calls visit with the position of every key whose text holds needle (lower-cased),
// in this order. A needle cannot hold a NUL, so a match never runs from one key's text
// into the next.
func (s *keySearch) each(needle string, visit func(i int)) {
	if needle == "" {
		for _, i := range s.order {
			visit(i)
		}
		return
	}
	if strings.ContainsRune(needle, 0) {
		return
	}
	for from, k := 0, 0; ; k++ {
		at := strings.Index(s.text[from:], needle)
		if at < 0 {
			return
		}
		for s.ends[k] < from+at { // the key whose text the match is in
			k++
		}
		visit(s.order[k])
		from = s.ends[k] + 1
	}
}
