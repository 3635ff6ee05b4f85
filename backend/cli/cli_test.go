package cli_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/cli"
)

func TestHelpFlagsShowTheOverview(t *testing.T) {
	code, overview, _ := runCLI("help")
	require.Equal(t, cli.ExitOK, code)
	require.Contains(t, overview, "Commands:")
	for _, arg := range []string{"--help", "-h", "-help"} {
		assert.True(t, cli.Has(arg), arg)
		code, out, _ := runCLI(arg)
		assert.Equal(t, cli.ExitOK, code, arg)
		assert.Equal(t, overview, out, "%s shows the same overview as help", arg)
	}
}

func TestUnknownCommandIsRefusedWithTheList(t *testing.T) {
	for _, args := range [][]string{{"inventroy"}, {"open"}, {"inventroy", "--data-dir", "x"}} {
		assert.True(t, cli.Wants(args), "%v is for the command line, never the window", args)
		code, out, errs := runCLI(args...)
		assert.Equal(t, cli.ExitUsage, code, "%v", args)
		assert.Empty(t, out)
		assert.Contains(t, errs, `proofkeys: unknown command "`+args[0]+`"`)
		assert.Contains(t, errs, "check-key", "the list of commands")
	}
	for _, args := range [][]string{nil, {}, {"--data-dir", "/tmp/x"}, {"--data-dir=/tmp/x"}} {
		assert.False(t, cli.Wants(args), "%v opens the window", args)
	}
	assert.True(t, cli.Wants([]string{"--help"}))
	assert.True(t, cli.Wants([]string{"inventory", "--format", "json"}))
}

func TestEveryCommandsHelpShowsTwoDashes(t *testing.T) {
	oneDash := regexp.MustCompile(`(^|\s)-[a-z]`)
	for _, args := range [][]string{
		{"audit", "--help"}, {"audit", "verify", "--help"}, {"audit", "export", "--help"},
		{"inventory", "--help"}, {"check-key", "--help"}, {"seed", "--help"},
		{"csm", "--help"}, {"csm", "issue", "--help"}, {"csm", "keygen", "-h"},
	} {
		code, out, errs := runCLI(args...)
		assert.Equal(t, cli.ExitOK, code, "%v", args)
		assert.Empty(t, errs, "%v: help is not an error", args)
		assert.True(t, strings.HasPrefix(out, "Usage"), "%v", args)
		assert.Contains(t, out, "proofkeys "+args[0], "%v", args)
		assert.NotRegexp(t, oneDash, out, "%v shows a flag with one dash", args)
	}
	_, out, _ := runCLI("inventory", "--help")
	assert.Contains(t, out, "--data-dir DIR")
	assert.Contains(t, out, "--format string")
}

func TestEveryErrorNamesItsCommand(t *testing.T) {
	dir := auditFolder(t, 1)
	for _, tt := range []struct {
		args   []string
		prefix string
	}{
		{[]string{"audit", "verify", "--no-such-flag"}, "proofkeys audit verify: "},
		{[]string{"audit", "verify", "extra", "--data-dir", dir}, "proofkeys audit verify: "},
		{[]string{"audit", "export", "--data-dir", dir}, "proofkeys audit export: "},
		{[]string{"audit", "shred"}, "proofkeys audit: "},
		{[]string{"audit"}, "proofkeys audit: "},
		{[]string{"audit", "verify", "--data-dir", t.TempDir()}, "proofkeys audit verify: "},
		{[]string{"inventory", "--format", "xml"}, "proofkeys inventory: "},
		{[]string{"inventory", "--data-dir", t.TempDir()}, "proofkeys inventory: "},
		{[]string{"check-key", "--env", "staging"}, "proofkeys check-key: "},
		{[]string{"seed"}, "proofkeys seed: "},
		{[]string{"seed", "--keys", "many", "--data-dir", t.TempDir()}, "proofkeys seed: "},
		{[]string{"csm", "issue", "--org", "acme", "--grant", "api_access"}, "proofkeys csm issue: "},
	} {
		code, _, errs := runCLI(tt.args...)
		assert.NotEqual(t, cli.ExitOK, code, "%v", tt.args)
		assert.True(t, strings.HasPrefix(errs, tt.prefix), "%v: %q", tt.args, errs)
	}
	_, _, errs := runCLI("audit", "verify", "--no-such-flag")
	assert.Contains(t, errs, "flag provided but not defined: --no-such-flag")
	_, _, errs = runCLI("seed", "--keys", "many", "--data-dir", t.TempDir())
	assert.Contains(t, errs, "for flag --keys")
}
