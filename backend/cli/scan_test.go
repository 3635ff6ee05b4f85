package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/cli"
	"proofkeys/backend/scan"
	"proofkeys/backend/scan/scantest"
)

// scanned is an organization's data folder and a tree with its keys planted.
type scanned struct {
	org  scantest.Org
	tree string
}

func plantScan(t *testing.T) scanned {
	t.Helper()
	o, err := scantest.NewOrg(filepath.Join(t.TempDir(), "data"), 1)
	require.NoError(t, err)
	tree := t.TempDir()
	_, err = o.PlantTree(tree)
	require.NoError(t, err)
	return scanned{org: o, tree: tree}
}

// runIn runs a command in this process and returns its exit code, stdout and stderr.
func runIn(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := cli.Run(cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

// TestScanNeverPrintsASecret greps every format's output for every planted key, typo,
// and the random part of each.
func TestScanNeverPrintsASecret(t *testing.T) {
	s := plantScan(t)
	for _, format := range []string{"table", "json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runIn("scan", "--format", format, "--env", "production", "--data-dir", s.org.Dir, s.tree)
			require.Equal(t, cli.ExitProblem, code, errOut)
			for _, k := range s.org.Keys {
				sh, _ := apikey.ShapeOf(k.Secret)
				for _, secret := range []string{k.Secret, scantest.Typo(k.Secret), k.Secret[len(sh.Prefix) : len(sh.Prefix)+apikey.RandomLength]} {
					assert.NotContains(t, out+errOut, secret, "a planted %s key", k.Verdict)
				}
				assert.Contains(t, out, "…"+k.Secret[len(k.Secret)-4:], "the hint names it")
			}
		})
	}
}

func TestScanTableSaysEachVerdict(t *testing.T) {
	s := plantScan(t)
	code, out, errOut := runIn("scan", "--env", "production", "--data-dir", s.org.Dir, s.tree)
	require.Equal(t, cli.ExitProblem, code, errOut)
	for _, v := range []scan.Verdict{scan.Active, scan.Expiring, scan.Deleted, scan.Replaced, scan.AnotherEnvironment, scan.NotOurs, scan.ClientOnly} {
		assert.Contains(t, out, string(v)+" ")
	}
	assert.Contains(t, out, "src/active/config.env:2:15")
	assert.Contains(t, out, "Replace it now")
	assert.Contains(t, out, "the checksum fails")
	assert.Contains(t, out, "7 keys found, 4 live; 7 shaped like a key but with a typo.")
}

func TestScanJSONIsTheResult(t *testing.T) {
	s := plantScan(t)
	code, out, errOut := runIn("scan", "--format", "json", "--data-dir", s.org.Dir, s.tree)
	require.Equal(t, cli.ExitProblem, code, errOut)
	var r scan.Result
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Len(t, r.Findings, len(s.org.Keys))
	assert.Equal(t, len(s.org.Keys), r.Counts.Typos)
}

func TestScanExitCodes(t *testing.T) {
	s := plantScan(t)
	clean := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(clean, "a.txt"), []byte("nothing here"), 0o644))
	harmless := t.TempDir()
	for _, k := range s.org.Keys {
		if k.Verdict == scan.Deleted || k.Verdict == scan.Replaced || k.Verdict == scan.ClientOnly {
			require.NoError(t, os.WriteFile(filepath.Join(harmless, string(k.Verdict)), []byte(k.Secret), 0o644))
		}
	}
	cases := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"nothing found", []string{clean}, cli.ExitOK, "0 keys found"},
		{"only harmless keys", []string{harmless}, cli.ExitOK, "3 keys found, 0 live"},
		{"live keys", []string{s.tree}, cli.ExitProblem, "4 live"},
		{"flags after the path", []string{s.tree, "--format", "json"}, cli.ExitProblem, `"findings"`},
		{"a missing path", []string{filepath.Join(clean, "nope")}, cli.ExitFailed, "cannot read the path"},
		{"history outside a repository", []string{"--git", clean}, cli.ExitFailed, "not a git repository"},
		{"bad format", []string{"--format", "xml", clean}, cli.ExitUsage, "--format must be"},
		{"both git and staged", []string{"--git", "--staged", clean}, cli.ExitUsage, "choose one"},
		{"two repositories", []string{"--git", clean, harmless}, cli.ExitUsage, "one PATH"},
		{"bad size", []string{"--max-size", "lots", clean}, cli.ExitUsage, "--max-size"},
		{"bad env", []string{"--env", "prod", clean}, cli.ExitUsage, "--env"},
		{"unknown flag", []string{"--fast", clean}, cli.ExitUsage, "flag provided but not defined"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runIn(append([]string{"scan", "--data-dir", s.org.Dir}, tc.args...)...)
			assert.Equal(t, tc.code, code, out+errOut)
			assert.Contains(t, out+errOut, tc.says)
		})
	}
}

func TestScanWithoutInventory(t *testing.T) {
	s := plantScan(t)
	code, out, errOut := runIn("scan", "--no-inventory", "--format", "json", s.tree)
	require.Equal(t, cli.ExitProblem, code, errOut)
	var r scan.Result
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	for _, f := range r.Findings {
		assert.Contains(t, []scan.Verdict{scan.NotOurs, scan.ClientOnly}, f.Verdict)
	}
	code, _, errOut = runIn("scan", "--no-inventory", "--data-dir", s.org.Dir, s.tree)
	assert.Equal(t, cli.ExitUsage, code, errOut)
}

// TestScanBinaryStagedAsAPreCommitHook runs the built binary as the README's hook does.
func TestScanBinaryStagedAsAPreCommitHook(t *testing.T) {
	s := plantScan(t)
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	require.NoError(t, err)
	wt, err := repo.Worktree()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "settings.env"), []byte("KEY="+s.org.Keys[0].Secret+"\n"), 0o644))

	r := run(t, "", "scan", "--staged", "--data-dir", s.org.Dir, dir)
	assert.Equal(t, cli.ExitOK, r.code, "nothing staged yet: "+r.stdout+r.stderr)

	_, err = wt.Add("settings.env")
	require.NoError(t, err)
	r = run(t, "", "scan", "--staged", "--data-dir", s.org.Dir, dir)
	assert.Equal(t, cli.ExitProblem, r.code, r.stderr)
	assert.Contains(t, r.stdout, "active ")
	assert.Contains(t, r.stdout, "settings.env:1:5")
	assert.NotContains(t, r.stdout+r.stderr, s.org.Keys[0].Secret)
}
