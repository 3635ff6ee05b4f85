package audit_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/audit"
)

func TestExportCSVAndJSON(t *testing.T) {
	events := chain(3)
	events[1].KeyName = "=HYPERLINK(\"http://x\")"
	events[1].Changes = []audit.Change{{Field: "name", Old: "a", New: "b, c"}}
	events[2].Action = "member.signin_failed" // an action this package does not name

	var out bytes.Buffer
	require.NoError(t, audit.Export(&out, audit.FormatCSV, events))
	rows, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, []string{"seq", "time", "actor", "actorName", "action", "keyId", "keyName",
		"detail", "changes", "prevHash", "hash"}, rows[0])
	assert.Equal(t, "'=HYPERLINK(\"http://x\")", rows[2][6], "a formula is kept from running")
	assert.Equal(t, "name: a -> b, c", rows[2][8])
	assert.Equal(t, "member.signin_failed", rows[3][4])
	assert.Equal(t, events[2].Hash, rows[3][10])

	out.Reset()
	require.NoError(t, audit.Export(&out, audit.FormatJSON, events))
	var back []audit.Event
	require.NoError(t, json.Unmarshal(out.Bytes(), &back))
	assert.Equal(t, events, back)

	out.Reset()
	require.NoError(t, audit.Export(&out, audit.FormatJSON, nil))
	assert.JSONEq(t, "[]", out.String())
	assert.ErrorIs(t, audit.Export(&out, "xml", events), audit.ErrFormat)
}

func TestFilter(t *testing.T) {
	e := audit.Event{Time: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC), Actor: "mem_1", KeyID: "key_1", Action: audit.KeyCopied}
	day := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		f    audit.Filter
		want bool
	}{
		"empty":        {audit.Filter{}, true},
		"member":       {audit.Filter{Actor: "mem_1"}, true},
		"other member": {audit.Filter{Actor: "mem_2"}, false},
		"key":          {audit.Filter{KeyID: "key_1"}, true},
		"other key":    {audit.Filter{KeyID: "key_2"}, false},
		"action":       {audit.Filter{Action: audit.KeyCopied}, true},
		"other action": {audit.Filter{Action: audit.KeyDeleted}, false},
		"that day":     {audit.Filter{From: day, To: day.AddDate(0, 0, 1)}, true},
		"day after":    {audit.Filter{From: day.AddDate(0, 0, 1)}, false},
		"day before":   {audit.Filter{To: day}, false},
	}
	for name, c := range cases {
		assert.Equal(t, c.want, c.f.Match(e), name)
	}
}
