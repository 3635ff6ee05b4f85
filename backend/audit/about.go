package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// About says what an export is: which organization it is for, when it was made, and the
// rotation policy it was judged against. Every export carries it: JSON and HTML inside,
// CSV (which has no place for it that spreadsheets accept) in its file name and in a
// companion "about" file saved beside it (AboutPath).
type About struct {
	OrgID        string
	OrgName      string
	GeneratedAt  time.Time
	RotationDays int // 0: no policy
}

// Policy is the rotation policy in words.
func (a About) Policy() string {
	if a.RotationDays <= 0 {
		return "no rotation policy"
	}
	return fmt.Sprintf("replace keys every %d days", a.RotationDays)
}

// MarshalJSON writes the time to the second in UTC (RFC 3339) and a missing policy as
// null, as every export writes its values.
func (a About) MarshalJSON() ([]byte, error) {
	var days *int
	if a.RotationDays > 0 {
		days = &a.RotationDays
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "Acme & Co" stays readable
	err := enc.Encode(struct {
		OrgID        string `json:"organizationId"`
		OrgName      string `json:"organization"`
		GeneratedAt  string `json:"generatedAt"`
		RotationDays *int   `json:"rotationDays"`
		Policy       string `json:"rotationPolicy"`
	}{a.OrgID, a.OrgName, Stamp(a.GeneratedAt), days, a.Policy()})
	return bytes.TrimSpace(b.Bytes()), err
}

// Text is the companion file of a CSV export of what (e.g. "the key inventory").
func (a About) Text(what string) string {
	return fmt.Sprintf("This file describes %s, the CSV file of the same name beside it.\n"+
		"Organization: %s\nOrganization ID: %s\nMade: %s\nRotation policy: %s\n"+
		"The CSV file is UTF-8 (with a byte-order mark, for Excel); its times are UTC, RFC 3339, to the second.\n",
		what, a.OrgName, a.OrgID, Stamp(a.GeneratedAt), a.Policy())
}

// FileName is the name an export of kind ("inventory", "audit") is offered under:
// proofkeys-KIND-ORGANIZATION-YYYY-MM-DD.FORMAT, the organization's name reduced to
// letters, digits and dashes so that every system accepts it.
func (a About) FileName(kind, format string) string {
	org := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		case r == ' ' || r == '-' || r == '_' || r == '.':
			return '-'
		}
		return -1
	}, a.OrgName)
	org = strings.Trim(strings.Join(strings.FieldsFunc(org, func(r rune) bool { return r == '-' }), "-"), "-")
	parts := []string{"proofkeys", kind}
	if org != "" {
		parts = append(parts, org)
	}
	parts = append(parts, a.GeneratedAt.UTC().Format(time.DateOnly))
	return strings.Join(parts, "-") + "." + format
}

// AboutPath is where the companion file of the CSV export at csvPath goes:
// "x.csv" -> "x.about.txt".
func AboutPath(csvPath string) string {
	return strings.TrimSuffix(csvPath, filepath.Ext(csvPath)) + ".about.txt"
}

// Stamp is a time for an export: RFC 3339 in UTC to the second, "" for none.
func Stamp(t time.Time) string {
	var b [len(time.RFC3339) + 8]byte
	return string(AppendStamp(b[:0], t))
}

// AppendStamp appends Stamp(t) to b, for an export that writes ten thousand of them.
// RFC 3339's layout has no fraction of a second, so the time is written to the second as
// it is, not rounded.
func AppendStamp(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	return t.UTC().AppendFormat(b, time.RFC3339)
}
