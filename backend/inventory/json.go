package inventory

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"

	"proofkeys/backend/audit"
)

// WriteJSON writes the report as one JSON document: for which organization, when and
// under which policy it was made (about, and the same fields at the top as the app's
// report has them), the audit anchor, the summary, the chart's bands and the keys, each
// with the CSV's columns in their order. Times are RFC 3339 in UTC to the second, and an
// empty value is null, never left out.
//
// The document is indented as encoding/json indents it, but the keys are written row by
// row: with 10,000 keys, encoding the rows through encoding/json (a Marshaler per row,
// then its compacting and indenting passes over the whole document) took most of the
// inventory command's time.
func WriteJSON(w io.Writer, r Report) error {
	head, err := jsonHead(r)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	bw.WriteString(",\n  \"keys\": [")
	// A block of rows at a time, its parts encoded at once (inParts), then written in order.
	parts := make([][]byte, partsFor(len(r.Rows)))
	for start := 0; start < len(r.Rows); start += jsonBlock {
		block := r.Rows[start:min(start+jsonBlock, len(r.Rows))]
		inParts(len(block), func(part, from, to int) {
			b := slices.Grow(parts[part][:0], (to-from)*rowBytes)
			for i := from; i < to; i++ {
				if start+i > 0 {
					b = append(b, ',')
				}
				b = appendRow(b, &block[i])
			}
			parts[part] = b
		})
		for i := range partsFor(len(block)) {
			bw.Write(parts[i])
		}
	}
	if len(r.Rows) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// jsonBlock is how many rows WriteJSON encodes before writing them: about 13 MB, in
// buffers used again for every block. Each block ends with both processors waiting for
// the slower part, then for the write: with blocks of 512 rows, 10,000 keys waited 2.8 ms
// of their 10.6.
const jsonBlock = 16384

// rowBytes is about what a key takes in the document, for sizing its buffers once: grown
// a quarter at a time, they would take five times what they hold.
const rowBytes = 800

// jsonHead is the document before its keys, without the closing brace.
func jsonHead(r Report) ([]byte, error) {
	var days *int
	if r.RotationDays > 0 {
		days = &r.RotationDays
	}
	var anchor *string
	if r.AuditAnchor != "" {
		anchor = &r.AuditAnchor
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
	}{r.About(), audit.Stamp(r.GeneratedAt), r.OrgID, r.OrgName, days, anchor, r.Summary, r.Chart}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // a report for people: "&" stays "&"
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n}\n")), nil
}

// columnPrefixes are what goes before each column's value in a row, encoded once: the
// comma after the value before, the indent, the header as a JSON string and the colon.
var columnPrefixes = func() [][]byte {
	prefixes := make([][]byte, len(Columns))
	for i, c := range Columns {
		if i > 0 {
			prefixes[i] = append(prefixes[i], ',')
		}
		prefixes[i] = append(appendText(append(prefixes[i], "\n      "...), c.Header), ": "...)
	}
	return prefixes
}()

// appendRow appends one key, indented as an element of "keys": Columns in order, typed
// by their Kind, an empty value as null.
func appendRow(b []byte, r *Row) []byte {
	b = append(b, "\n    {"...)
	for i, c := range Columns {
		b = c.appendJSON(append(b, columnPrefixes[i]...), r)
	}
	return append(b, "\n    }"...)
}

// appendJSON appends the column's value in r as a JSON value.
func (c Column) appendJSON(b []byte, r *Row) []byte {
	switch c.Kind {
	case Number:
		return strconv.AppendInt(b, int64(c.number(r)), 10)
	case Time:
		if t := c.time(r); !t.IsZero() {
			return append(audit.AppendStamp(append(b, '"'), t), '"') // digits, letters and signs: nothing to escape
		}
	default:
		if v := c.text(r); v != "" {
			return appendText(b, v)
		}
	}
	return append(b, "null"...)
}

// appendText appends s as a JSON string, with <, > and & left as they are (as the rest
// of the document). Printable text in valid UTF-8, nearly every value (a key's hint has
// an ellipsis), is copied between quotes; anything encoding/json would escape (a control
// character, a quote, a backslash, invalid UTF-8, U+2028 or U+2029) is left to it.
func appendText(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return appendEncoded(b, s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return appendEncoded(b, s)
		}
		i += n
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendEncoded appends s as encoding/json writes it, without HTML escapes.
func appendEncoded(b []byte, s string) []byte {
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(q.Bytes(), []byte("\n"))...)
}
