package cli_test

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/cli"
)

// BenchmarkInventoryJSON10k is `proofkeys inventory --format json` on 10,000 keys and
// 100,000 events, in process: what the command reads, builds and writes, without the
// process's start (scripts/bench-cli-run.sh times the whole process). Target for the
// whole process: at most 60 ms.
func BenchmarkInventoryJSON10k(b *testing.B) {
	dir := b.TempDir()
	require.NoError(b, cli.Seed(dir, 10_000, 100_000))
	env := cli.Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
	for b.Loop() {
		if code := cli.Run(env, []string{"inventory", "--format", "json", "--data-dir", dir}); code != cli.ExitOK {
			b.Fatal(code)
		}
	}
}
