package inventory

import (
	"cmp"
	"slices"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
)

// Input is what a report is made of: the records as the store has them and the copies
// of each key as the audit log counts them.
type Input struct {
	Org     access.Org
	Members map[string]access.Member // by ID
	Keys    []apikey.Key
	Copies  []audit.Copies // of each key, in Keys' order; a key past its end was never copied
	Now     time.Time
}

// formerMember names a member whose record is gone.
const formerMember = "a former member"

// Build makes the report: a row per key the organization has had, oldest first, the
// summary and the age chart. Keys that never became active (a pending intent) are left
// out: they were never usable.
func Build(in Input) Report {
	now := in.Now.UTC()
	days := in.Org.Settings.RotationDays
	order := oldestFirst(in.Keys)
	rows := make([]Row, len(order))
	// Each part counts its rows into the summary and the chart as it makes them, rather
	// than ten thousand rows being read again after (a millisecond of the command).
	sums, charts := make([]Summary, partsFor(len(order))), make([]Chart, partsFor(len(order)))
	since := recentFrom(now)
	inParts(len(order), func(part, from, to int) {
		sum, chart := Summary{}, newChart(days)
		for i := from; i < to; i++ {
			rows[i] = in.row(order[i].key, in.copiesOf(order[i].at), now, days)
			sum.count(&rows[i], since)
			chart.count(&rows[i])
		}
		sums[part], charts[part] = sum, chart
	})
	r := Report{GeneratedAt: now, OrgID: in.Org.ID, OrgName: in.Org.Name, RotationDays: days,
		Summary: sums[0], Chart: charts[0], Rows: rows}
	for part := 1; part < len(sums); part++ {
		r.Summary, r.Chart = r.Summary.plus(sums[part]), r.Chart.plus(charts[part])
	}
	return r
}

// byCreation is a key in the sort by creation: its time inline, so that sorting ten
// thousand keys compares small entries side by side rather than following pointers to
// the records, and moves neither records nor rows.
type byCreation struct {
	sec  int64
	nsec int
	key  *apikey.Key
	at   int // in Keys
}

// oldestFirst returns the keys that became active (not a pending intent) by creation
// time, then ID. They are gathered and sorted in parts at once, one per processor, then
// merged: 2.3 ms of the inventory command's 10,000 keys on one.
func oldestFirst(keys []apikey.Key) []byCreation {
	runs := make([][]byCreation, partsFor(len(keys)))
	inParts(len(keys), func(part, from, to int) {
		run := make([]byCreation, 0, to-from)
		for i := from; i < to; i++ {
			if k := &keys[i]; k.State != apikey.Pending {
				run = append(run, byCreation{k.CreatedAt.Unix(), k.CreatedAt.Nanosecond(), k, i})
			}
		}
		slices.SortFunc(run, createdBefore)
		runs[part] = run
	})
	return merged(runs, createdBefore)
}

// createdBefore orders keys by creation time, then ID.
func createdBefore(a, b byCreation) int {
	if c := cmp.Compare(a.sec, b.sec); c != 0 {
		return c
	}
	if c := cmp.Compare(a.nsec, b.nsec); c != 0 {
		return c
	}
	return cmp.Compare(a.key.ID, b.key.ID)
}

// copiesOf is the copies of the key at i in Keys.
func (in *Input) copiesOf(i int) audit.Copies {
	if i < len(in.Copies) {
		return in.Copies[i]
	}
	return audit.Copies{}
}

func (in *Input) row(k *apikey.Key, c audit.Copies, now time.Time, days int) Row {
	id, name, lastBy := ownTexts(k, c)
	r := Row{
		ID: id, Name: name, Environment: string(k.Environment), Key: k.Hint(),
		State: k.Standing(), Payer: string(k.Settings.Payer),
		MinSigners: k.Settings.MinSigners, MaxSigners: k.Settings.MaxSigners,
		StateLabel: k.Standing().Label(), PayerLabel: k.Settings.Payer.Label(),
		Signers:   apikey.SignersLabel(k.Settings.MinSigners, k.Settings.MaxSigners),
		CreatedAt: k.CreatedAt.UTC(), CreatedBy: in.name(k.CreatedBy),
		CopyCount: c.Count, LastCopiedAt: c.LastAt.UTC(), LastCopiedBy: lastBy,
		Replaces: k.Replaces, ReplacedBy: k.ReplacedBy, ExpiresAt: k.ExpiresAt.UTC(),
	}
	if c.LastAt.IsZero() {
		r.LastCopiedAt = time.Time{}
	}
	if k.ExpiresAt.IsZero() {
		r.ExpiresAt = time.Time{}
	}
	end := now
	if r.State == Deleted {
		r.DeletedBy = in.name(k.DeletedBy)
		if !k.DeletedAt.IsZero() {
			r.DeletedAt, end = k.DeletedAt.UTC(), k.DeletedAt
		}
	}
	r.AgeDays = max(0, int(end.Sub(k.CreatedAt)/(24*time.Hour)))
	r.Rotation, r.RotationDue = rotationOf(k, r.State, days, now)
	return r
}

// ownTexts are the key's ID and name and the name of whoever copied it last, copied into
// one string. The rows are in creation order, the records in ID order: a writer going down
// ten thousand rows read each text from a record elsewhere in memory, a cache miss apiece
// (3 ms of the inventory command's JSON), where it now reads them one after another.
func ownTexts(k *apikey.Key, c audit.Copies) (id, name, lastBy string) {
	s := k.ID + k.Settings.Name + c.LastBy
	n, m := len(k.ID), len(k.ID)+len(k.Settings.Name)
	return s[:n], s[n:m], s[m:]
}

// rotationOf uses the domain's own rule (apikey.Key.DueForRotation), so the page, the
// list and the exports flag the same keys.
func rotationOf(k *apikey.Key, s State, days int, now time.Time) (Rotation, time.Time) {
	switch {
	case s != Active:
		return RotationNone, time.Time{}
	case days <= 0:
		return RotationOff, time.Time{}
	}
	due := k.CreatedAt.UTC().AddDate(0, 0, days)
	switch {
	case k.DueForRotation(days, now):
		return RotationOverdue, due
	case !now.Before(due.AddDate(0, 0, -DueSoonDays)):
		return RotationDueSoon, due
	}
	return RotationOK, due
}

func (in *Input) name(memberID string) string {
	if m, ok := in.Members[memberID]; ok {
		return m.Name
	}
	if memberID == "" {
		return ""
	}
	return formerMember
}

func summarize(rows []Row, now time.Time) Summary {
	var s Summary
	since := recentFrom(now)
	for i := range rows {
		s.count(&rows[i], since)
	}
	return s
}

// recentFrom is when the last 30 days before now began: the summary counts the keys
// deleted since.
func recentFrom(now time.Time) time.Time { return now.AddDate(0, 0, -30) }

// count adds r to the summary; deletions from since on are recent.
func (s *Summary) count(r *Row, since time.Time) {
	s.Total++
	switch r.State {
	case Active:
		s.Active++
	case Expiring:
		s.Expiring++
	case Deleted:
		if !r.DeletedAt.Before(since) {
			s.DeletedLast30++
		}
	}
	switch r.Rotation {
	case RotationOverdue:
		s.Overdue++
	case RotationDueSoon:
		s.DueSoon++
	}
	if r.InUse() {
		s.InUse++
		if r.CopyCount == 0 {
			s.NeverCopied++
		}
	}
}

// plus is the summary of the rows of s and of o together.
func (s Summary) plus(o Summary) Summary {
	return Summary{Total: s.Total + o.Total, InUse: s.InUse + o.InUse, Active: s.Active + o.Active,
		Overdue: s.Overdue + o.Overdue, DueSoon: s.DueSoon + o.DueSoon, Expiring: s.Expiring + o.Expiring,
		DeletedLast30: s.DeletedLast30 + o.DeletedLast30, NeverCopied: s.NeverCopied + o.NeverCopied}
}
