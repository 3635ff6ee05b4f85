package ui

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"proofkeys/backend/audit"
	"proofkeys/backend/privatefile"
)

// auditPageLimit bounds the events the page draws; an export has them all.
const auditPageLimit = 1000

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

// AuditView is the page: the newest matching events first, the chain's state, and the
// filters' choices. Any action is shown by its name, including ones this page does not know.
type AuditView struct {
	Events  []EventView `json:"events"`
	Matched int         `json:"matched"` // all matching events; Events may hold fewer
	Intact  bool        `json:"intact"`
	Broken  string      `json:"broken,omitempty"` // which event breaks the chain
	Anchor  string      `json:"anchor,omitempty"` // the last event's hash, for audit verify --anchor
	Members []Option    `json:"members"`
	Keys    []Option    `json:"keys"`
	Actions []string    `json:"actions"`
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
}

// Option is one choice of a filter.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// ListAudit returns the events that pass the filters, newest first.
func (x *Audit) ListAudit(in AuditFilterInput) (AuditView, error) {
	return with(x.c, func(s *services) (AuditView, error) { return x.list(s, in) })
}

func (x *Audit) list(s *services, in AuditFilterInput) (AuditView, error) {
	f, err := auditFilter(in)
	if err != nil {
		return AuditView{}, err
	}
	log, err := s.orgs.AuditLog(x.c.member(s), f)
	if err != nil {
		return AuditView{}, err
	}
	v := AuditView{Matched: len(log.Events), Intact: log.Broken == nil, Anchor: log.Head,
		Members: filterChoices(log.Members), Keys: filterChoices(log.Keys), Actions: knownActions(log.Actions)}
	if log.Broken != nil {
		v.Broken = log.Broken.Error()
	}
	for i := len(log.Events) - 1; i >= 0 && len(v.Events) < auditPageLimit; i-- {
		v.Events = append(v.Events, eventView(log.Events[i]))
	}
	return v, nil
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

// filterChoices sorts a filter's choices by label.
func filterChoices(m map[string]string) []Option {
	out := make([]Option, 0, len(m))
	for id, label := range m {
		out = append(out, Option{Value: id, Label: label})
	}
	slices.SortFunc(out, func(a, b Option) int { return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.Value, b.Value)) })
	return out
}

// knownActions are this app's actions plus any other the log holds, sorted.
func knownActions(seen map[audit.Action]bool) []string {
	set := map[string]bool{}
	for _, a := range []audit.Action{audit.OrgSetUp, audit.KeyGenerated, audit.KeyConfigured, audit.KeyCopied,
		audit.KeyDeleted, audit.KeyReplaced, audit.KeyExpired, audit.OrgSettingsSet} {
		set[string(a)] = true
	}
	for a := range seen {
		set[string(a)] = true
	}
	return slices.Sorted(maps.Keys(set))
}
