package audit_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/audit"
)

var about = audit.About{OrgID: "org_1", OrgName: "Acme & Co", RotationDays: 90,
	GeneratedAt: time.Date(2026, 11, 30, 4, 5, 6, 789, time.UTC)}

func TestExportCSVAndJSON(t *testing.T) {
	events := chain(3)
	events[1].KeyName = "=HYPERLINK(\"http://x\")"
	events[1].Changes = []audit.Change{{Field: "name", Old: "a", New: "b, c"}}
	events[1].Environment = "sandbox"
	events[2].Action = "member.signin_failed" // an action this package does not name

	var out bytes.Buffer
	require.NoError(t, audit.WriteExport(&out, audit.FormatCSV, about, events))
	raw, ok := strings.CutPrefix(out.String(), "\uFEFF")
	require.True(t, ok, "a byte-order mark first, for Excel on Windows")
	rows, err := csv.NewReader(strings.NewReader(raw)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, []string{"seq", "time", "actor", "actorName", "action", "environment", "keyId", "keyName",
		"detail", "changes", "prevHash", "hash"}, rows[0])
	assert.Equal(t, "2026-11-27T10:01:00Z", rows[2][1], "seconds, UTC, RFC 3339")
	assert.Equal(t, "sandbox", rows[2][5])
	assert.Equal(t, "'=HYPERLINK(\"http://x\")", rows[2][7], "a formula is kept from running")
	assert.Equal(t, "name: a -> b, c", rows[2][9])
	assert.Equal(t, "member.signin_failed", rows[3][4])
	assert.Equal(t, events[2].Hash, rows[3][11])

	out.Reset()
	require.NoError(t, audit.WriteExport(&out, audit.FormatJSON, about, events))
	var back audit.Exported
	require.NoError(t, json.Unmarshal(out.Bytes(), &back))
	assert.Equal(t, events, back.Events)
	assert.JSONEq(t, `{"organizationId": "org_1", "organization": "Acme & Co", "generatedAt": "2026-11-30T04:05:06Z",
		"rotationDays": 90, "rotationPolicy": "replace keys every 90 days"}`, string(back.About))
	assert.Contains(t, out.String(), `"keyName": null`, "empty values are null, not left out")
	assert.Contains(t, out.String(), `"changes": null`)
	assert.Contains(t, out.String(), `"prevHash": null`, "the first event has no previous hash")

	out.Reset()
	require.NoError(t, audit.WriteExport(&out, audit.FormatJSON, audit.About{}, nil))
	assert.Contains(t, out.String(), `"events": []`)
	assert.Contains(t, out.String(), `"rotationDays": null`)
	assert.ErrorIs(t, audit.WriteExport(&out, "xml", about, events), audit.ErrFormat)
}

func TestExportedChainStillVerifies(t *testing.T) {
	events := chain(4)
	var out bytes.Buffer
	require.NoError(t, audit.WriteExport(&out, audit.FormatJSON, about, events))
	var back audit.Exported
	require.NoError(t, json.Unmarshal(out.Bytes(), &back))
	assert.NoError(t, audit.Verify(back.Events), "whoever receives an export can check its chain")
}

func TestSealRecordsTheSecond(t *testing.T) {
	e := audit.Seal(audit.Event{Time: time.Date(2026, 11, 27, 10, 0, 0, 999_999_999, time.FixedZone("CET", 3600)),
		Action: audit.KeyCopied}, nil)
	assert.Equal(t, time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC), e.Time)
	assert.NoError(t, audit.Verify([]audit.Event{e}))
}

func TestAboutNamesTheExport(t *testing.T) {
	assert.Equal(t, "proofkeys-inventory-Acme-Co-2026-11-30.csv", about.FileName("inventory", "csv"))
	assert.Equal(t, "proofkeys-audit-2026-11-30.json", audit.About{GeneratedAt: about.GeneratedAt}.FileName("audit", "json"))
	assert.Equal(t, "/tmp/x/log.about.txt", audit.AboutPath("/tmp/x/log.csv"))
	text := about.Text("the audit log")
	for _, want := range []string{"Acme & Co", "org_1", "2026-11-30T04:05:06Z", "replace keys every 90 days", "byte-order mark"} {
		assert.Contains(t, text, want)
	}
	assert.Equal(t, "no rotation policy", audit.About{}.Policy())
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

// A stamp is the time to the second in UTC, whatever its zone, never rounded up.
func TestStampIsToTheSecondInUTC(t *testing.T) {
	paris := time.FixedZone("CET", 3600)
	for _, c := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 11, 30, 4, 5, 6, 999_999_999, time.UTC), "2026-11-30T04:05:06Z"},
		{time.Date(2026, 1, 1, 0, 30, 0, 500_000_000, paris), "2025-12-31T23:30:00Z"},
		{time.Date(1999, 12, 31, 23, 59, 59, 0, time.UTC), "1999-12-31T23:59:59Z"},
		{time.Time{}, ""},
	} {
		assert.Equal(t, c.want, audit.Stamp(c.at), c.at.String())
		assert.Equal(t, "x"+c.want, string(audit.AppendStamp([]byte("x"), c.at)))
	}
}
