package main

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDependenciesPointInward holds ARCHITECTURE.md's rules with `go list`: the domain
// packages import nothing of the project, the vault and the store never import each
// other, and only package main imports Wails.
func TestDependenciesPointInward(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Deps", "./backend/...").Output()
	require.NoError(t, err)
	deps := map[string][]string{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath string
			Deps       []string
		}
		require.NoError(t, dec.Decode(&p))
		deps[strings.TrimPrefix(p.ImportPath, "proofkeys/backend/")] = p.Deps
	}
	require.Contains(t, deps, "keys")

	forbidden := map[string][]string{
		"apikey":    {"proofkeys/"},
		"access":    {"proofkeys/"},
		"vault":     {"proofkeys/backend/store", "proofkeys/backend/keys"},
		"store":     {"proofkeys/backend/vault", "proofkeys/backend/keys"},
		"clipboard": {"proofkeys/"},
	}
	for pkg, bad := range forbidden {
		for _, d := range deps[pkg] {
			for _, b := range bad {
				assert.False(t, strings.HasPrefix(d, b), "%s imports %s", pkg, d)
			}
		}
	}
	for pkg, list := range deps {
		for _, d := range list {
			assert.False(t, strings.HasPrefix(d, "github.com/wailsapp/"), "%s imports Wails (%s); only package main may", pkg, d)
		}
	}
}
