package inventory

import (
	"encoding/csv"
	"io"
	"strconv"

	"proofkeys/backend/audit"
)

// Kind is how a column's value is typed in the JSON export.
type Kind int

// The kinds of column.
const (
	Text   Kind = iota // a string; null when empty
	Number             // a number
)

// Column is one column of the CSV export and one field of each key in the JSON export;
// its header is the Row field's JSON name.
type Column struct {
	Header string
	Kind   Kind
	Value  func(Row) string
}

// Columns are the export's columns, in order. The README documents each. Times are
// RFC 3339 in UTC to the second (audit.Stamp); a state, payer and signer range come both
// as values for scripts (state, payer, minSigners, maxSigners) and in a person's words.
var Columns = []Column{
	{"id", Text, func(r Row) string { return r.ID }},
	{"name", Text, func(r Row) string { return r.Name }},
	{"environment", Text, func(r Row) string { return r.Environment }},
	{"key", Text, func(r Row) string { return r.Key }},
	{"state", Text, func(r Row) string { return string(r.State) }},
	{"stateLabel", Text, func(r Row) string { return r.StateLabel }},
	{"payer", Text, func(r Row) string { return r.Payer }},
	{"payerLabel", Text, func(r Row) string { return r.PayerLabel }},
	{"minSigners", Number, func(r Row) string { return strconv.Itoa(r.MinSigners) }},
	{"maxSigners", Number, func(r Row) string { return strconv.Itoa(r.MaxSigners) }},
	{"signers", Text, func(r Row) string { return r.Signers }},
	{"createdAt", Text, func(r Row) string { return audit.Stamp(r.CreatedAt) }},
	{"createdBy", Text, func(r Row) string { return r.CreatedBy }},
	{"ageDays", Number, func(r Row) string { return strconv.Itoa(r.AgeDays) }},
	{"rotation", Text, func(r Row) string { return string(r.Rotation) }},
	{"rotationDue", Text, func(r Row) string { return audit.Stamp(r.RotationDue) }},
	{"copyCount", Number, func(r Row) string { return strconv.Itoa(r.CopyCount) }},
	{"lastCopiedAt", Text, func(r Row) string { return audit.Stamp(r.LastCopiedAt) }},
	{"lastCopiedBy", Text, func(r Row) string { return r.LastCopiedBy }},
	{"replaces", Text, func(r Row) string { return r.Replaces }},
	{"replacedBy", Text, func(r Row) string { return r.ReplacedBy }},
	{"expiresAt", Text, func(r Row) string { return audit.Stamp(r.ExpiresAt) }},
	{"deletedAt", Text, func(r Row) string { return audit.Stamp(r.DeletedAt) }},
	{"deletedBy", Text, func(r Row) string { return r.DeletedBy }},
}

// WriteCSV writes the UTF-8 byte-order mark (audit.BOM, for Excel on Windows), a header
// line and a line per row. A cell that a spreadsheet would take for a formula gets a
// leading apostrophe (audit.Defuse): a key's name is typed by a person, and the file is
// opened by an auditor. Which organization the file is for goes in its name and its
// companion file (Report.About).
func WriteCSV(w io.Writer, rows []Row) error {
	if _, err := io.WriteString(w, audit.BOM); err != nil {
		return err
	}
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
			record[i] = audit.Defuse(c.Value(r))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
