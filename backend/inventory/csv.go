package inventory

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"proofkeys/backend/audit"
)

// Kind is how a column's value is typed in the JSON export.
type Kind int

// The kinds of column.
const (
	Text   Kind = iota // a string; null when empty
	Number             // a number
	Time               // RFC 3339 in UTC to the second (audit.Stamp); null for none
)

// Column is one column of the CSV export and one field of each key in the JSON export;
// its header is the Row field's JSON name. Its value is read by the accessor of its kind,
// so that the JSON export appends numbers and times without making a string of each.
type Column struct {
	Header string
	Kind   Kind
	text   func(*Row) string
	number func(*Row) int
	time   func(*Row) time.Time
}

// Value is the column's value in r as the CSV export writes it.
func (c Column) Value(r *Row) string {
	switch c.Kind {
	case Number:
		return strconv.Itoa(c.number(r))
	case Time:
		return audit.Stamp(c.time(r))
	}
	return c.text(r)
}

// text, number and when make a column of each kind.
func text(header string, v func(*Row) string) Column {
	return Column{Header: header, Kind: Text, text: v}
}

func number(header string, v func(*Row) int) Column {
	return Column{Header: header, Kind: Number, number: v}
}

func when(header string, v func(*Row) time.Time) Column {
	return Column{Header: header, Kind: Time, time: v}
}

// Columns are the export's columns, in order. The README documents each. Times are
// RFC 3339 in UTC to the second (audit.Stamp); a state, payer and signer range come both
// as values for scripts (state, payer, minSigners, maxSigners) and in a person's words.
var Columns = []Column{
	text("id", func(r *Row) string { return r.ID }),
	text("name", func(r *Row) string { return r.Name }),
	text("environment", func(r *Row) string { return r.Environment }),
	text("key", func(r *Row) string { return r.Key }),
	text("state", func(r *Row) string { return string(r.State) }),
	text("stateLabel", func(r *Row) string { return r.StateLabel }),
	text("payer", func(r *Row) string { return r.Payer }),
	text("payerLabel", func(r *Row) string { return r.PayerLabel }),
	number("minSigners", func(r *Row) int { return r.MinSigners }),
	number("maxSigners", func(r *Row) int { return r.MaxSigners }),
	text("signers", func(r *Row) string { return r.Signers }),
	when("createdAt", func(r *Row) time.Time { return r.CreatedAt }),
	text("createdBy", func(r *Row) string { return r.CreatedBy }),
	number("ageDays", func(r *Row) int { return r.AgeDays }),
	text("rotation", func(r *Row) string { return string(r.Rotation) }),
	when("rotationDue", func(r *Row) time.Time { return r.RotationDue }),
	number("copyCount", func(r *Row) int { return r.CopyCount }),
	when("lastCopiedAt", func(r *Row) time.Time { return r.LastCopiedAt }),
	text("lastCopiedBy", func(r *Row) string { return r.LastCopiedBy }),
	text("replaces", func(r *Row) string { return r.Replaces }),
	text("replacedBy", func(r *Row) string { return r.ReplacedBy }),
	when("expiresAt", func(r *Row) time.Time { return r.ExpiresAt }),
	when("deletedAt", func(r *Row) time.Time { return r.DeletedAt }),
	text("deletedBy", func(r *Row) string { return r.DeletedBy }),
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
	for i := range rows {
		for j, c := range Columns {
			record[j] = audit.Defuse(c.Value(&rows[i]))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
