package inventory

import (
	"bytes"
	"encoding/json"
	"io"

	"proofkeys/backend/audit"
)

// WriteJSON writes the report as one JSON document: for which organization, when and
// under which policy it was made (about, and the same fields at the top as the app's
// report has them), the audit anchor, the summary, the chart's bands and the keys, each
// with the CSV's columns in their order. Times are RFC 3339 in UTC to the second, and an
// empty value is null, never left out.
func WriteJSON(w io.Writer, r Report) error {
	var days *int
	if r.RotationDays > 0 {
		days = &r.RotationDays
	}
	var anchor *string
	if r.AuditAnchor != "" {
		anchor = &r.AuditAnchor
	}
	rows := make([]jsonRow, len(r.Rows))
	for i, row := range r.Rows {
		rows[i] = jsonRow(row)
	}
	doc := struct {
		About        audit.About `json:"about"`
		GeneratedAt  string      `json:"generatedAt"`
		OrgID        string      `json:"orgId"`
		OrgName      string      `json:"orgName"`
		RotationDays *int        `json:"rotationDays"`
		AuditAnchor  *string     `json:"auditAnchor"`
		Summary      Summary     `json:"summary"`
		Chart        Chart       `json:"chart"`
		Rows         []jsonRow   `json:"keys"`
	}{r.About(), audit.Stamp(r.GeneratedAt), r.OrgID, r.OrgName, days, anchor, r.Summary, r.Chart, rows}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // a report for people: "&" stays "&"
	return enc.Encode(doc)
}

// jsonRow is a row as the JSON export writes it: Columns, in order, typed by their Kind.
type jsonRow Row

func (r jsonRow) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range Columns {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(c.Header)
		b.Write(name)
		b.WriteByte(':')
		v := c.Value(Row(r))
		switch {
		case c.Kind == Number:
			b.WriteString(v)
		case v == "":
			b.WriteString("null")
		default:
			s, err := marshalText(v)
			if err != nil {
				return nil, err
			}
			b.Write(s)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshalText encodes a string without escaping <, > and &, as the document around it.
func marshalText(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
