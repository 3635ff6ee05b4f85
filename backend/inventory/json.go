package inventory

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as one JSON document: when and for whom it was made, the
// policy, the summary, the chart's bands and the keys, each with the CSV's columns.
func WriteJSON(w io.Writer, r Report) error {
	if r.Rows == nil {
		r.Rows = []Row{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // a report for people: "&" stays "&"
	return enc.Encode(r)
}
