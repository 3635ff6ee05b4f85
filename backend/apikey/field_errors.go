package apikey

import (
	"sort"
	"strings"
)

// FieldErrors maps a settings field's JSON name to a message for the person who filled it.
type FieldErrors map[string]string

func (f FieldErrors) add(field, msg string) {
	if msg != "" {
		f[field] = msg
	}
}

// Error lists the invalid fields in a stable order.
func (f FieldErrors) Error() string {
	names := make([]string, 0, len(f))
	for name := range f {
		names = append(names, name)
	}
	sort.Strings(names)
	return "invalid settings: " + strings.Join(names, ", ")
}
