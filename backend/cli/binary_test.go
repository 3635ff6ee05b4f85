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

// testVersion is the version bin is built as, the way the Makefile sets it.
const testVersion = "v1.2.3-4-gabcdef0-dirty"

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "proofkeys-cli-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "proofkeys")
	build := exec.Command("go", "build", "-tags", "desktop,production,webkit2_41",
		"-ldflags", "-X main.version="+testVersion, "-o", bin, "proofkeys")
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
	body, ok := strings.CutPrefix(r.stdout, "\uFEFF")
	require.True(t, ok, "UTF-8 with a byte-order mark, for Excel")
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 301)
	copyCount := -1
	for i, c := range inventory.Columns {
		assert.Equal(t, c.Header, records[0][i])
		if c.Header == "copyCount" {
			copyCount = i
		}
	}
	copies := 0
	for _, rec := range records[1:] {
		assert.True(t, strings.HasPrefix(rec[1], "Seeded key "), "seeded keys say so: %q", rec[1])
		var n int
		fmt.Sscan(rec[copyCount], &n)
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
			assert.Contains(t, r.stderr, "proofkeys is already open.")
			assert.Less(t, r.took, 10*time.Second, "says so after the one-second lock wait, never waits for the app")
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
	secret := putKey(t, dir, func(k *apikey.Key) { k.CreatedAt, k.CreatedBy = time.Now(), "mem_seeded1" })
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

// The release binary trusts its built-in roots alone: the dev build's variable changes
// nothing, so a root anyone can make is never trusted outside the dev build.
func TestReleaseBinaryIgnoresTheDevRoots(t *testing.T) {
	home := t.TempDir()
	csm := func(stdin string, args ...string) result {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"csm"}, args...)...)
		cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "DBUS_SESSION_BUS_ADDRESS=disabled:",
			"PROOFKEYS_VAULT=file", "PROOFKEYS_VAULT_PASSPHRASE=test", "PROOFKEYS_DEV_ROOTS=" + os.Getenv("ROOT_LINE")}
		cmd.Stdin = strings.NewReader(stdin)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		_ = cmd.Run()
		return result{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errOut.String()}
	}
	root := csm("", "root-keygen", "--name", "Anyone's root")
	require.Equal(t, 0, root.code, root.stderr)
	t.Setenv("ROOT_LINE", strings.TrimSpace(root.stdout))
	req := csm("", "keygen", "--name", "Sam")
	require.Equal(t, 0, req.code, req.stderr)
	cert := csm(req.stdout, "certify", "--request", "-", "--grant", "api_access")
	require.Equal(t, 0, cert.code, cert.stderr)
	installed := csm(cert.stdout, "install-cert", "--cert", "-")
	require.Equal(t, 0, installed.code, installed.stderr)
	assert.Contains(t, installed.stderr, "does not know root", "PROOFKEYS_DEV_ROOTS was set, and ignored")
	roots := csm("", "roots")
	assert.Equal(t, 0, roots.code)
	assert.Empty(t, roots.stdout)
	assert.Contains(t, roots.stderr, "trusts no Proof root")
}
