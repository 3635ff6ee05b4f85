package inventory_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/inventory"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// now is the fixed time of every report here.
var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func daysAgo(d int) time.Time { return now.AddDate(0, 0, -d) }

func key(id, name string, env apikey.Environment, createdDays int, by string) apikey.Key {
	return apikey.Key{ID: id, Environment: env, Access: apikey.FullAccess, Last4: "ab" + id[len(id)-2:],
		Fingerprint: strings.Repeat("0", 64), State: apikey.Active, Settings: apikey.DefaultSettings(name),
		CreatedAt: daysAgo(createdDays), CreatedBy: by, UpdatedAt: daysAgo(createdDays)}
}

// fixture has one key of each kind the review must tell apart.
func fixture() inventory.Input {
	fresh := key("key_01", "Salesforce sync", apikey.Production, 10, "mem_dana")
	soon := key("key_02", "EasyLink", apikey.Production, 80, "mem_lee")
	overdue := key("key_03", "=HYPERLINK(\"x\")", apikey.Production, 200, "mem_gone")
	old := key("key_04", "Old script", apikey.Sandbox, 120, "mem_dana")
	old.ReplacedBy, old.ExpiresAt = "key_05", now.Add(24*time.Hour)
	successor := key("key_05", "Old script (new)", apikey.Sandbox, 1, "mem_dana")
	successor.Replaces = "key_04"
	gone := key("key_06", "<b>Test</b>", apikey.Sandbox, 400, "mem_lee")
	gone.State, gone.DeletedAt, gone.DeletedBy = apikey.Deleted, daysAgo(5), "mem_dana"
	longGone := key("key_07", "Pilot", apikey.Production, 500, "mem_dana")
	longGone.State, longGone.DeletedAt, longGone.DeletedBy = apikey.Deleted, daysAgo(300), "mem_lee"
	pending := key("key_08", "Half made", apikey.Production, 0, "mem_dana")
	pending.State = apikey.Pending
	o := access.Org{ID: "org_1", Name: "Acme & Co", Settings: access.DefaultSettings}
	return inventory.Input{
		Org: o, Now: now,
		Members: map[string]access.Member{
			"mem_dana": {ID: "mem_dana", Name: "Dana"},
			"mem_lee":  {ID: "mem_lee", Name: "Lee"},
		},
		Keys: []apikey.Key{gone, fresh, soon, overdue, old, successor, longGone, pending},
		Copies: []audit.Copies{ // of gone, fresh (key_01), soon, overdue, old (key_04)
			{}, {Count: 3, LastAt: daysAgo(1), LastBy: "Dana"}, {}, {}, {Count: 1, LastAt: daysAgo(100), LastBy: "Lee"},
		},
	}
}

func TestBuild(t *testing.T) {
	r := inventory.Build(fixture())
	require.Len(t, r.Rows, 7, "the pending key was never usable and is left out")
	byID := map[string]inventory.Row{}
	for _, row := range r.Rows {
		byID[row.ID] = row
	}
	tests := []struct {
		id       string
		state    inventory.State
		rotation inventory.Rotation
		age      int
		by       string
	}{
		{"key_01", inventory.Active, inventory.RotationOK, 10, "Dana"},
		{"key_02", inventory.Active, inventory.RotationDueSoon, 80, "Lee"},
		{"key_03", inventory.Active, inventory.RotationOverdue, 200, "a former member"},
		{"key_04", inventory.Expiring, inventory.RotationNone, 120, "Dana"},
		{"key_06", inventory.Deleted, inventory.RotationNone, 395, "Lee"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			row := byID[tt.id]
			assert.Equal(t, tt.state, row.State)
			assert.Equal(t, tt.rotation, row.Rotation)
			assert.Equal(t, tt.age, row.AgeDays)
			assert.Equal(t, tt.by, row.CreatedBy)
		})
	}
	assert.Equal(t, inventory.Summary{Total: 7, InUse: 5, Active: 4, Overdue: 1, DueSoon: 1, Expiring: 1,
		DeletedLast30: 1, NeverCopied: 3}, r.Summary)
	assert.Equal(t, "key_07", r.Rows[0].ID, "oldest first")
	assert.Equal(t, []int{2, 0, 1, 1, 1, 0}, counts(r.Chart))
}

func counts(c inventory.Chart) []int {
	var out []int
	for _, b := range c.Bands {
		out = append(out, b.Count)
	}
	return out
}

func TestChartWithoutPolicy(t *testing.T) {
	in := fixture()
	in.Org.Settings.RotationDays = 0
	r := inventory.Build(in)
	assert.Equal(t, 0, r.Chart.PolicyDays)
	for _, b := range r.Chart.Bands {
		assert.False(t, b.Overdue)
	}
	assert.Equal(t, inventory.RotationOff, r.Rows[len(r.Rows)-1].Rotation)
}

func TestKeysOfEnvironment(t *testing.T) {
	r := inventory.Build(fixture())
	for _, tt := range []struct {
		env           string
		rows, overdue int
	}{{"all", 7, 1}, {"", 7, 1}, {"production", 4, 1}, {"sandbox", 3, 0}} {
		got, err := r.Only(tt.env)
		require.NoError(t, err)
		assert.Len(t, got.Rows, tt.rows, tt.env)
		assert.Equal(t, tt.rows, got.Summary.Total, tt.env)
		assert.Equal(t, tt.overdue, got.Summary.Overdue, tt.env)
	}
	_, err := r.Only("staging")
	assert.ErrorIs(t, err, apikey.ErrUnknownEnvironment)
}

func TestExportsMatchGoldenFiles(t *testing.T) {
	r := inventory.Build(fixture())
	r.AuditAnchor = strings.Repeat("a1", 32)
	for _, tt := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"inventory.csv", func(b *bytes.Buffer) error { return inventory.WriteCSV(b, r.Rows) }},
		{"inventory.json", func(b *bytes.Buffer) error { return inventory.WriteJSON(b, r) }},
		{"inventory.html", func(b *bytes.Buffer) error { return inventory.WriteHTML(b, r) }},
		{"empty.csv", func(b *bytes.Buffer) error { return inventory.WriteCSV(b, nil) }},
		{"empty.json", func(b *bytes.Buffer) error {
			return inventory.WriteJSON(b, inventory.Build(inventory.Input{Now: now}))
		}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tt.write(&b))
			golden := filepath.Join("testdata", tt.file)
			if *update {
				require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), b.String())
		})
	}
}

func TestHTMLReportIsSelfContainedAndEscaped(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, inventory.WriteHTML(&b, inventory.Build(fixture())))
	page := b.String()
	assert.NotContains(t, strings.ToLower(page), "<script")
	assert.NotContains(t, page, "<b>Test</b>", "a key's name is text, never markup")
	assert.Contains(t, page, "&lt;b&gt;Test&lt;/b&gt;")
	for _, outside := range []string{"src=", "href=", "url(", "@import"} {
		assert.NotContains(t, page, outside, "nothing is fetched")
	}
	assert.Contains(t, page, "<svg")
	assert.Contains(t, page, "Policy: 90 days")
}

func TestCSVDefusesFormulas(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, inventory.WriteCSV(&b, inventory.Build(fixture()).Rows))
	assert.Contains(t, b.String(), `"'=HYPERLINK(""x"")"`)
}

// The JSON export writes its keys row by row rather than through encoding/json: it must
// still be what encoding/json writes, for names with quotes, non-ASCII letters, control
// characters and the line separators JavaScript cares about.
func TestJSONRowsAreEncodedAsEncodingJSONWould(t *testing.T) {
	in := fixture()
	names := []string{"Café \"prod\"", "tab\there\nnew line", "sep\u2028\u2029", "back\\slash", "<&>", "日本",
		"bad \xff byte", "cut \xe2\x80", "…", "\x7f del", "𝄞 clef"}
	for i, n := range names {
		in.Keys = append(in.Keys, key(fmt.Sprintf("key_9%d", i), n, apikey.Production, 3, "mem_dana"))
	}
	var b bytes.Buffer
	require.NoError(t, inventory.WriteJSON(&b, inventory.Build(in)))

	var doc struct {
		Keys []map[string]any `json:"keys"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	got := map[string]bool{}
	for _, k := range doc.Keys {
		got[k["name"].(string)] = true
	}
	for _, n := range names {
		assert.True(t, got[n] || !utf8.ValidString(n), "%q comes back as it was", n)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(n))
		assert.Contains(t, b.String(), `"name": `+strings.TrimSuffix(want.String(), "\n")+",", "%q written byte for byte as encoding/json writes it", n)
	}
	var again bytes.Buffer
	require.NoError(t, json.Indent(&again, compact(t, b.Bytes()), "", "  "))
	again.WriteByte('\n')
	assert.Equal(t, again.String(), b.String(), "indented as encoding/json indents")
}

func compact(t *testing.T, doc []byte) []byte {
	var b bytes.Buffer
	require.NoError(t, json.Compact(&b, doc))
	return b.Bytes()
}

// Rows are sorted, built and written in parts at once (one per processor) and in
// blocks: the report of thousands of keys is the same, byte for byte, on one processor,
// three or four, and still indented as encoding/json indents.
func TestManyRowsAreTheSameInPartsAsInOne(t *testing.T) {
	in := fixture()
	for i := range 33_000 { // three blocks of WriteJSON
		k := key(fmt.Sprintf("key_x%05d", i), fmt.Sprintf("Key %d", i), apikey.Sandbox, i%700, "mem_dana")
		if i%7 == 0 {
			k.State, k.DeletedAt, k.DeletedBy = apikey.Deleted, daysAgo(i%5), "mem_lee"
		}
		in.Keys = append(in.Keys, k)
	}
	write := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var b bytes.Buffer
		require.NoError(t, inventory.WriteJSON(&b, inventory.Build(in)))
		return b.String()
	}
	one, three, four := write(1), write(3), write(4)
	assert.Equal(t, one, three)
	assert.Equal(t, one, four)
	var again bytes.Buffer
	require.NoError(t, json.Indent(&again, compact(t, []byte(one)), "", "  "))
	again.WriteByte('\n')
	assert.Equal(t, again.String(), one, "indented as encoding/json indents")
	assert.Equal(t, len(inventory.Build(in).Rows)-1, strings.Count(one, "\n    },"), "every key once")
}
