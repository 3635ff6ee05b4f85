package ui

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"proofkeys/backend/audit"
	"proofkeys/backend/org"
	"proofkeys/backend/privatefile"
	"proofkeys/backend/store"
)

// auditPageSize is how many events one page of the Audit page holds; an export has them all.
const auditPageSize = 100

// keyChoicesShown bounds the keys the key filter lists for one search.
const keyChoicesShown = 50

// Audit is the Audit log page: the events, their chain, filters and export.
type Audit struct{ c *core }

// AuditFilterInput is the Audit page's filters: IDs, an action name, and local dates
// (YYYY-MM-DD, both days included). Empty means any.
type AuditFilterInput struct {
	Actor  string `json:"actor"`
	KeyID  string `json:"keyId"`
	Action string `json:"action"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// AuditView is one page of the events that pass the filters, newest first, out of every
// event of the log. Any action is shown by its name, including ones this page does not know.
type AuditView struct {
	Events   []EventView `json:"events"`
	Matched  int         `json:"matched"` // every matching event of the log
	Offset   int         `json:"offset"`  // matching events before this page, from the newest
	PageSize int         `json:"pageSize"`
}

// ChainView is the state of the whole log's hash chain, checked apart from the page since
// it reads every event.
type ChainView struct {
	Intact bool   `json:"intact"`
	Broken string `json:"broken,omitempty"` // which event breaks the chain
	Anchor string `json:"anchor,omitempty"` // the last event's hash, for audit verify --anchor
	Events int    `json:"events"`
}

// FiltersView are the choices of the member and action filters, from the whole log.
type FiltersView struct {
	Members []Option `json:"members"`
	Actions []string `json:"actions"`
}

// KeyChoicesView are the keys that match a search of the key filter, in natural order.
type KeyChoicesView struct {
	Keys  []Option `json:"keys"`
	Total int      `json:"total"` // every key that matches; Keys holds at most 50
}

// EventView is one event as the page lists it.
type EventView struct {
	Seq       uint64         `json:"seq"`
	Time      string         `json:"time"` // RFC 3339
	Actor     string         `json:"actor"`
	ActorName string         `json:"actorName"`
	Action    string         `json:"action"`
	KeyID     string         `json:"keyId,omitempty"`
	KeyName   string         `json:"keyName,omitempty"`
	Detail    string         `json:"detail,omitempty"`
	Changes   []audit.Change `json:"changes,omitempty"`
	// Flag says why another computer's event of a shared organization failed its check
	// (its signature, its signer's right, its place in the chain): shown, never hidden.
	Flag string `json:"flag,omitempty"`
}

// Option is one choice of a filter.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// ListAudit returns one page of the events that pass the filters, newest first, starting
// offset matching events from the newest.
func (x *Audit) ListAudit(in AuditFilterInput, offset int) (AuditView, error) {
	return with(x.c, func(s *services) (AuditView, error) {
		f, err := auditFilter(in)
		if err != nil {
			return AuditView{}, err
		}
		p, err := s.orgs.AuditPage(x.c.member(s), org.AuditQuery{Filter: f, Offset: offset, Limit: auditPageSize})
		if err != nil {
			return AuditView{}, err
		}
		var flags map[uint64]string
		if err := s.store.View(func(tx *store.Tx) (err error) { flags, err = tx.EventFlags(); return err }); err != nil {
			return AuditView{}, err
		}
		v := AuditView{Events: make([]EventView, 0, len(p.Events)), Matched: p.Total, Offset: max(offset, 0),
			PageSize: auditPageSize}
		for _, e := range p.Events {
			ev := eventView(e)
			ev.Flag = flags[e.Seq]
			v.Events = append(v.Events, ev)
		}
		return v, nil
	})
}

// AuditChain checks the whole log's hash chain and returns its anchor.
func (x *Audit) AuditChain() (ChainView, error) {
	return with(x.c, func(s *services) (ChainView, error) {
		c, err := s.orgs.AuditChain(x.c.member(s))
		if err != nil {
			return ChainView{}, err
		}
		v := ChainView{Intact: c.Broken == nil, Anchor: c.Head, Events: c.Events}
		if c.Broken != nil {
			v.Broken = c.Broken.Error()
		}
		return v, nil
	})
}

// AuditFilters returns the choices of the member and action filters.
func (x *Audit) AuditFilters() (FiltersView, error) {
	return with(x.c, func(s *services) (FiltersView, error) {
		f, err := s.orgs.AuditFilters(x.c.member(s))
		if err != nil {
			return FiltersView{}, err
		}
		v := FiltersView{Members: options(f.Members), Actions: knownActions(f.Actions)}
		return v, nil
	})
}

// SearchAuditKeys returns the keys whose name or ID holds query, for the key filter.
func (x *Audit) SearchAuditKeys(query string) (KeyChoicesView, error) {
	return with(x.c, func(s *services) (KeyChoicesView, error) {
		k, err := s.orgs.KeyChoices(x.c.member(s), query, keyChoicesShown)
		if err != nil {
			return KeyChoicesView{}, err
		}
		return KeyChoicesView{Keys: options(k.Keys), Total: k.Total}, nil
	})
}

// ExportAudit asks where to save the matching events as format (csv or json), writes
// them, and returns the file's path, or "" when the person cancelled.
func (x *Audit) ExportAudit(format string, in AuditFilterInput) (string, error) {
	return with(x.c, func(s *services) (string, error) { return x.export(s, format, in) })
}

func (x *Audit) export(s *services, format string, in AuditFilterInput) (string, error) {
	f, err := auditFilter(in)
	if err != nil {
		return "", err
	}
	if format != audit.FormatCSV && format != audit.FormatJSON {
		return "", fmt.Errorf("%w: %q", audit.ErrFormat, format)
	}
	log, err := s.orgs.AuditLog(x.c.member(s), f)
	if err != nil {
		return "", err
	}
	about, err := aboutExport(s, x.c.member(s))
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := audit.WriteExport(&buf, format, about, log.Events); err != nil {
		return "", err
	}
	path, err := x.c.desktop.SaveFileDialog("Export the audit log", about.FileName("audit", format), format+" files", "*."+format)
	if err != nil || path == "" {
		return "", err
	}
	return path, savePrivate(path, buf.Bytes(), format, about.Text("the audit log of "+about.OrgName))
}

// aboutExport is what an export says about itself: the organization, when it was made,
// and the rotation policy.
func aboutExport(s *services, memberID string) (audit.About, error) {
	o, _, err := s.orgs.Current(memberID)
	if err != nil {
		return audit.About{}, err
	}
	return audit.About{OrgID: o.ID, OrgName: o.Name, GeneratedAt: s.keys.Now().UTC(),
		RotationDays: o.Settings.RotationDays}, nil
}

// savePrivate writes an export readable only by the person (it names members and keys),
// whole or not at all; a CSV file, which has no room for it, gets a companion file that
// says what it is.
func savePrivate(path string, data []byte, format, about string) error {
	if err := privatefile.Write(path, data); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if format == "csv" {
		return privatefile.Write(audit.AboutPath(path), []byte(about))
	}
	return nil
}

func auditFilter(in AuditFilterInput) (audit.Filter, error) {
	f := audit.Filter{Actor: in.Actor, KeyID: in.KeyID, Action: audit.Action(in.Action)}
	var err error
	if f.From, err = day(in.From, 0); err != nil {
		return f, err
	}
	f.To, err = day(in.To, 1)
	return f, err
}

// errBadDate: a date filter that is not YYYY-MM-DD.
var errBadDate = errors.New("a date filter is not a date")

// day is local midnight of s plus add days, or the zero time for "".
func day(s string, add int) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		return t, fmt.Errorf("%w: %q", errBadDate, s)
	}
	return t.AddDate(0, 0, add), nil
}

func eventView(e audit.Event) EventView {
	return EventView{Seq: e.Seq, Time: e.Time.UTC().Format(time.RFC3339), Actor: e.Actor, ActorName: e.ActorName,
		Action: string(e.Action), KeyID: e.KeyID, KeyName: e.KeyName, Detail: e.Detail, Changes: e.Changes}
}

// options are choices as the page's filters list them, in the order given.
func options(list []org.Choice) []Option {
	out := make([]Option, 0, len(list))
	for _, c := range list {
		out = append(out, Option{Value: c.ID, Label: c.Name})
	}
	return out
}

// knownActions are this app's actions plus any other the log holds, sorted.
func knownActions(seen []audit.Action) []string {
	set := map[string]bool{}
	for _, a := range []audit.Action{audit.OrgSetUp, audit.KeyGenerated, audit.KeyConfigured, audit.KeyCopied,
		audit.KeyDeleted, audit.KeyReplaced, audit.KeyExpired, audit.OrgSettingsSet} {
		set[string(a)] = true
	}
	for _, a := range seen {
		set[string(a)] = true
	}
	return slices.Sorted(maps.Keys(set))
}
