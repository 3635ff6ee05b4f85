package audit

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Formats an export can take.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// ErrFormat means an export format other than csv or json.
var ErrFormat = fmt.Errorf("unknown export format (use %s or %s)", FormatCSV, FormatJSON)

// BOM starts every CSV export: the UTF-8 byte-order mark, without which Excel on Windows
// reads the file in the system's code page and garbles names and the "…" of key hints.
const BOM = "\uFEFF"

// csvHeader names the columns of a CSV export, the events' JSON names. The hashes are in
// it, so an auditor can check the chain of what they were given.
var csvHeader = []string{"seq", "time", "actor", "actorName", "action", "environment", "keyId", "keyName",
	"detail", "changes", "prevHash", "hash"}

// WriteExport writes events in format: csv (one row per event, the changes in one cell as
// "field: old -> new; ..."; about goes in the file's name and companion file, see About)
// or json (about, then the events, a missing value as null). Any action is written as it
// is named, including actions this version does not know.
//
// An event's time is written as it was recorded: to the second since events are recorded
// so (Seal), and with the fraction an older event was recorded with, since its hash
// covers it and the export must let an auditor check the chain.
func WriteExport(w io.Writer, format string, about About, events []Event) error {
	switch format {
	case FormatCSV:
		return writeCSV(w, events)
	case FormatJSON:
		return writeJSON(w, about, events)
	}
	return fmt.Errorf("%w: %q", ErrFormat, format)
}

func writeCSV(w io.Writer, events []Event) error {
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, e := range events {
		row := []string{strconv.FormatUint(e.Seq, 10), eventTime(e.Time), e.Actor, e.ActorName, string(e.Action),
			e.Environment, e.KeyID, e.KeyName, e.Detail, ChangesText(e.Changes), e.PrevHash, e.Hash}
		for i, cell := range row {
			row[i] = Defuse(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// eventTime is an event's time as recorded, in UTC (see Export).
func eventTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// Defuse keeps a spreadsheet from running a cell as a formula: a key name is user text,
// and one starting with = + - or @ would otherwise be evaluated when the file is opened.
func Defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// exportedEvent is an event as the JSON export writes it: every field present, null when
// empty. Decoded into an Event, it hashes as the stored one did.
type exportedEvent struct {
	Seq         uint64   `json:"seq"`
	Time        string   `json:"time"`
	Actor       *string  `json:"actor"`
	ActorName   *string  `json:"actorName"`
	Action      Action   `json:"action"`
	Environment *string  `json:"environment"`
	KeyID       *string  `json:"keyId"`
	KeyName     *string  `json:"keyName"`
	Detail      *string  `json:"detail"`
	Changes     []Change `json:"changes"` // null when none
	PrevHash    *string  `json:"prevHash"`
	Hash        string   `json:"hash"`
}

func writeJSON(w io.Writer, about About, events []Event) error {
	out := struct {
		About  About           `json:"about"`
		Events []exportedEvent `json:"events"`
	}{about, make([]exportedEvent, len(events))}
	for i, e := range events {
		out.Events[i] = exportedEvent{Seq: e.Seq, Time: eventTime(e.Time), Actor: orNull(e.Actor),
			ActorName: orNull(e.ActorName), Action: e.Action, Environment: orNull(e.Environment),
			KeyID: orNull(e.KeyID), KeyName: orNull(e.KeyName), Detail: orNull(e.Detail),
			Changes: e.Changes, PrevHash: orNull(e.PrevHash), Hash: e.Hash}
		if len(e.Changes) == 0 {
			out.Events[i].Changes = nil
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// orNull is s, or nil (JSON null) when it is empty.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Exported is what a JSON export holds, for whoever reads one back (an auditor's script,
// the tests): the events decode into Event and verify with Verify.
type Exported struct {
	About  json.RawMessage `json:"about"`
	Events []Event         `json:"events"`
}

// ChangesText is changes in one line, as "field: old -> new; ...".
func ChangesText(changes []Change) string {
	parts := make([]string, len(changes))
	for i, c := range changes {
		parts[i] = fmt.Sprintf("%s: %s -> %s", c.Field, c.Old, c.New)
	}
	return strings.Join(parts, "; ")
}
