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

// ErrFormat: an export format other than csv or json.
var ErrFormat = fmt.Errorf("unknown export format (use %s or %s)", FormatCSV, FormatJSON)

// csvHeader names the columns of a CSV export, the events' JSON names. The hashes are in
// it, so an auditor can check the chain of what they were given.
var csvHeader = []string{"seq", "time", "actor", "actorName", "action", "keyId", "keyName",
	"detail", "changes", "prevHash", "hash"}

// Export writes events in format: csv (one row per event, the changes in one cell as
// "field: old -> new; ...") or json (an array of events, as stored). Any action is written
// as it is named, including actions this version does not know.
func Export(w io.Writer, format string, events []Event) error {
	switch format {
	case FormatCSV:
		return writeCSV(w, events)
	case FormatJSON:
		return writeJSON(w, events)
	}
	return fmt.Errorf("%w: %q", ErrFormat, format)
}

func writeCSV(w io.Writer, events []Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, e := range events {
		row := []string{strconv.FormatUint(e.Seq, 10), e.Time.UTC().Format(time.RFC3339Nano), e.Actor,
			e.ActorName, string(e.Action), e.KeyID, e.KeyName, e.Detail, ChangesText(e.Changes), e.PrevHash, e.Hash}
		for i, cell := range row {
			row[i] = defuse(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse keeps a spreadsheet from running a cell as a formula: a key name is user text,
// and one starting with = + - or @ would otherwise be evaluated when the file is opened.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

func writeJSON(w io.Writer, events []Event) error {
	if events == nil {
		events = []Event{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(events)
}

// ChangesText is changes in one line, as "field: old -> new; ...".
func ChangesText(changes []Change) string {
	parts := make([]string, len(changes))
	for i, c := range changes {
		parts[i] = fmt.Sprintf("%s: %s -> %s", c.Field, c.Old, c.New)
	}
	return strings.Join(parts, "; ")
}
