package inventory

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"
)

// Column is one column of the CSV export; its header is the Row field's JSON name.
type Column struct {
	Header string
	Value  func(Row) string
}

// Columns are the CSV export's columns, in order. The README documents each.
var Columns = []Column{
	{"id", func(r Row) string { return r.ID }},
	{"name", func(r Row) string { return r.Name }},
	{"environment", func(r Row) string { return r.Environment }},
	{"key", func(r Row) string { return r.Key }},
	{"state", func(r Row) string { return string(r.State) }},
	{"payer", func(r Row) string { return r.Payer }},
	{"minSigners", func(r Row) string { return strconv.Itoa(r.MinSigners) }},
	{"maxSigners", func(r Row) string { return strconv.Itoa(r.MaxSigners) }},
	{"createdAt", func(r Row) string { return stamp(r.CreatedAt) }},
	{"createdBy", func(r Row) string { return r.CreatedBy }},
	{"ageDays", func(r Row) string { return strconv.Itoa(r.AgeDays) }},
	{"rotation", func(r Row) string { return string(r.Rotation) }},
	{"rotationDue", func(r Row) string { return stamp(r.RotationDue) }},
	{"copyCount", func(r Row) string { return strconv.Itoa(r.CopyCount) }},
	{"lastCopiedAt", func(r Row) string { return stamp(r.LastCopiedAt) }},
	{"lastCopiedBy", func(r Row) string { return r.LastCopiedBy }},
	{"replaces", func(r Row) string { return r.Replaces }},
	{"replacedBy", func(r Row) string { return r.ReplacedBy }},
	{"expiresAt", func(r Row) string { return stamp(r.ExpiresAt) }},
	{"deletedAt", func(r Row) string { return stamp(r.DeletedAt) }},
	{"deletedBy", func(r Row) string { return r.DeletedBy }},
}

// stamp is a time as RFC 3339 in UTC, or empty for none.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// WriteCSV writes a header line and a line per row. A cell that a spreadsheet would take
// for a formula (it starts with = + - @) gets a leading apostrophe: a key's name is typed
// by a person, and the file is opened by an auditor.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	record := make([]string, len(Columns))
	for i, c := range Columns {
		record[i] = c.Header
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, r := range rows {
		for i, c := range Columns {
			record[i] = defuse(c.Value(r))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func defuse(cell string) string {
	if cell != "" {
		switch cell[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + cell
		}
	}
	return cell
}
