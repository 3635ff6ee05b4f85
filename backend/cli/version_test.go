package cli_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"

	"proofkeys/backend/cli"
)

func TestVersionOfTheBinary(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		r := run(t, "", args...)
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, "proofkeys "+testVersion+"\n", r.stdout, "the version given with -ldflags -X main.version")
		assert.Empty(t, r.stderr)
	}
	r := run(t, "", "version", "extra")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stderr, "unexpected argument")
	r = run(t, "", "help")
	assert.Contains(t, r.stdout, "version ", "listed among the commands")
}

func TestVersionWithoutOne(t *testing.T) {
	assert.True(t, cli.Has("--version"))
	assert.False(t, cli.Has("--versions"))
	for _, tt := range []struct{ given, says string }{
		{"", "proofkeys dev\n"},
		{"v0.2.0", "proofkeys v0.2.0\n"},
	} {
		var out, errOut bytes.Buffer
		code := cli.Run(cli.Env{Stdout: &out, Stderr: &errOut, Version: tt.given}, []string{"--version"})
		assert.Equal(t, cli.ExitOK, code)
		assert.Equal(t, tt.says, out.String())
	}
}
