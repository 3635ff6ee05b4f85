//go:build builtbinary

package main

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The built app (make test-smoke: PROOFKEYS_BIN=build/bin/proofkeys) names no GUI library
// and imports no GUI function, and a command run loads no library but the C library's. A
// failure means the build lost --as-needed (make build has it) or Wails, GTK or WebKitGTK
// calls a function without a trampoline (make lazygui).
func TestBuiltBinaryCommandLoadsNoGUILibrary(t *testing.T) {
	bin := os.Getenv("PROOFKEYS_BIN")
	require.NotEmpty(t, bin, "PROOFKEYS_BIN names the binary to check (make test-smoke sets it)")

	imp, err := ReadImports(bin)
	require.NoError(t, err)
	assert.Empty(t, imp.Libs, "GUI libraries are DT_NEEDED: link with --as-needed, as make build does")
	assert.Empty(t, imp.Funcs, "GUI functions without a trampoline: run make lazygui")

	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "LD_DEBUG=files")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	assert.Regexp(t, `^proofkeys \S+\n$`, stdout.String())
	files := regexp.MustCompile(`file=(\S+) \[0\];  needed by`).FindAllStringSubmatch(stderr.String(), -1)
	require.NotEmpty(t, files, "LD_DEBUG=files says which libraries the loader opens")
	var gui []string
	for _, f := range files {
		if !isSystem(f[1]) {
			gui = append(gui, f[1])
		}
	}
	assert.Empty(t, gui, "proofkeys --version loads these libraries")
}
