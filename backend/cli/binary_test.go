package cli_test

import (
	"bytes"
	"crypto/rand"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/inventory"
	"proofkeys/backend/store"
)

// bin is the proofkeys binary, built once for these tests as `make build` builds it.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "proofkeys-cli-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "proofkeys")
	build := exec.Command("go", "build", "-tags", "desktop,production,webkit2_41", "-o", bin, "proofkeys")
	build.Stderr = os.Stderr
	code := 1
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build the proofkeys binary:", err)
	} else {
		code = m.Run()
	}
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// run runs the binary with args and stdin, with no display, vault or default data folder.
func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "DBUS_SESSION_BUS_ADDRESS=disabled:"}
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{cmd.ProcessState.ExitCode(), out.String(), errOut.String(), time.Since(start)}
}

// seeded is a data folder filled by `proofkeys seed`, shared by the tests that only read.
func seeded(t *testing.T, keys, events int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	r := run(t, "", "seed", "--keys", fmt.Sprint(keys), "--events", fmt.Sprint(events), "--data-dir", dir)
	require.Equal(t, 0, r.code, r.stderr)
	require.Contains(t, r.stdout, fmt.Sprintf("seeded %d keys and %d events", keys, events))
	return dir
}

func TestInventoryFormats(t *testing.T) {
	dir := seeded(t, 300, 2000)

	r := run(t, "", "inventory", "--format", "csv", "--data-dir", dir)
	require.Equal(t, 0, r.code, r.stderr)
	records, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 301)
	for i, c := range inventory.Columns {
		assert.Equal(t, c.Header, records[0][i])
	}
	copies := 0
	for _, rec := range records[1:] {
		assert.True(t, strings.HasPrefix(rec[1], "Seeded key "), "seeded keys say so: %q", rec[1])
		var n int
		fmt.Sscan(rec[13], &n)
		copies += n
	}
	assert.Equal(t, 2000-300, copies, "every event after the generates is a copy")

	r = run(t, "", "inventory", "--format", "json", "--env", "sandbox", "--data-dir", dir)
	require.Equal(t, 0, r.code, r.stderr)
	var rep inventory.Report
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	require.NotEmpty(t, rep.Rows)
	assert.Equal(t, len(rep.Rows), rep.Summary.Total)
	for _, row := range rep.Rows {
		assert.Equal(t, "sandbox", row.Environment)
	}

	r = run(t, "", "inventory", "--data-dir", dir)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Seeded organization: 300 keys")
	assert.Contains(t, r.stdout, "NAME")
	assert.Equal(t, 300+3, strings.Count(r.stdout, "\n"), "summary, blank line, header, a line per key")
}

func TestCommandLineMistakes(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"inventory", "--help"}, 0, "Exit codes"},
		{[]string{"check-key", "--help"}, 0, "standard input"},
		{[]string{"seed", "--help"}, 0, "benchmarks"},
		{[]string{"inventory", "--format", "xml"}, 2, "--format must be"},
		{[]string{"inventory", "--env", "staging"}, 2, "--env must be"},
		{[]string{"inventory", "extra"}, 2, "unexpected argument"},
		{[]string{"check-key", "--env", "staging"}, 2, "--env must be"},
		{[]string{"seed"}, 2, "--data-dir is required"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := run(t, "", tt.args...)
			assert.Equal(t, tt.code, r.code)
			assert.Contains(t, r.stdout+r.stderr, tt.says)
		})
	}
}

func TestUnreadableData(t *testing.T) {
	t.Run("no data", func(t *testing.T) {
		dir := t.TempDir()
		r := run(t, "", "inventory", "--data-dir", dir)
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stderr, "no proofkeys data")
		entries, _ := os.ReadDir(dir)
		assert.Empty(t, entries, "the command line creates nothing")
	})
	t.Run("the app holds the file", func(t *testing.T) {
		dir := seeded(t, 10, 10)
		s, err := store.Open(dir)
		require.NoError(t, err)
		defer s.Close()
		for _, args := range [][]string{{"inventory"}, {"check-key"}} {
			r := run(t, "prf_x\n", append(args, "--data-dir", dir)...)
			assert.Equal(t, 1, r.code)
			assert.Contains(t, r.stderr, "proofkeys is open")
			assert.Less(t, r.took, 2*time.Second, "says so within two seconds")
		}
	})
	t.Run("truncated", func(t *testing.T) {
		dir := seeded(t, 10, 10)
		db := filepath.Join(dir, store.FileName)
		require.NoError(t, os.Truncate(db, 1000))
		r := run(t, "", "inventory", "--data-dir", dir)
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stderr, "proofkeys inventory: the data file is damaged")
		assert.Contains(t, r.stderr, "proofkeys doctor")
		info, err := os.Stat(db)
		require.NoError(t, err)
		assert.Equal(t, int64(1000), info.Size(), "left untouched")
	})
	t.Run("seed refuses a real organization", func(t *testing.T) {
		dir := seeded(t, 1, 1)
		s, err := store.Open(dir)
		require.NoError(t, err)
		require.NoError(t, s.Update(func(tx *store.Tx) error {
			o, err := tx.Org()
			require.NoError(t, err)
			o.Name = "Acme"
			return tx.PutOrg(o)
		}))
		require.NoError(t, s.Close())
		r := run(t, "", "seed", "--keys", "5", "--data-dir", dir)
		assert.Equal(t, 1, r.code)
		assert.Contains(t, r.stderr, "real organization")
	})
}

func TestCheckKey(t *testing.T) {
	dir := seeded(t, 20, 20)
	secret, err := apikey.Generate(apikey.Production, rand.Reader)
	require.NoError(t, err)
	p, err := apikey.Parse(secret)
	require.NoError(t, err)
	s, err := store.Open(dir)
	require.NoError(t, err)
	require.NoError(t, s.Update(func(tx *store.Tx) error {
		return tx.PutKey(apikey.Key{ID: "key_real", Environment: apikey.Production, State: apikey.Active,
			Fingerprint: p.Fingerprint, Last4: p.Last4, Settings: apikey.DefaultSettings("Salesforce sync"),
			CreatedAt: time.Now(), CreatedBy: "mem_seeded1"})
	}))
	require.NoError(t, s.Close())
	other, err := apikey.Generate(apikey.Production, rand.Reader)
	require.NoError(t, err)
	typo := secret[:len(secret)-1] + "x"
	if typo == secret {
		typo = secret[:len(secret)-1] + "y" // a slip must change the key
	}

	for _, tt := range []struct {
		name, stdin string
		args        []string
		code        int
		says        string
	}{
		{"active", secret + "\n", nil, 0, `active: "Salesforce sync"`},
		{"wrong environment", secret, []string{"--env", "sandbox"}, 3, "wrong environment"},
		{"unknown", other, nil, 3, "unknown"},
		{"typo", typo, nil, 3, "invalid"},
		{"empty", "", nil, 3, "invalid"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.stdin, append([]string{"check-key", "--data-dir", dir}, tt.args...)...)
			assert.Equal(t, tt.code, r.code, r.stderr)
			assert.Contains(t, r.stdout, tt.says)
			assert.NotContains(t, r.stdout+r.stderr, secret[4:], "never prints the key")
		})
	}
}
