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
// other, each package depends only on the ones below it, and only package main imports
// Wails.
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

	// allowed lists, for each package, the project packages it may depend on at all
	// (directly or not): the picture in ARCHITECTURE.md.
	domain := []string{"access", "apikey", "audit"}
	allowed := map[string][]string{
		"apikey": nil, "access": nil, "audit": nil, "vault": nil, "clipboard": nil,
		"store":      domain,
		"enablement": {"access"},
		"passphrase": {"access"},
		"keys":       append([]string{"store", "vault"}, domain...),
		"inventory":  append([]string{"store"}, domain...),
		"org":        append([]string{"store", "enablement", "passphrase"}, domain...),
		"support":    append([]string{"store", "enablement"}, domain...),
		"cli":        append([]string{"store", "vault", "keys", "inventory", "enablement"}, domain...),
	}
	for pkg, list := range deps {
		want, known := allowed[pkg]
		if !known {
			continue // test helpers and internal packages
		}
		for _, d := range list {
			if name, ok := strings.CutPrefix(d, "proofkeys/backend/"); ok {
				assert.Contains(t, want, name, "%s depends on %s", pkg, name)
			}
		}
	}
	for _, pkg := range []string{"apikey", "access", "audit", "vault", "store", "keys", "org"} {
		assert.Contains(t, deps, pkg, "the rules above name a package that no longer exists")
	}
	for pkg, list := range deps {
		for _, d := range list {
			assert.False(t, strings.HasPrefix(d, "github.com/wailsapp/"), "%s imports Wails (%s); only package main may", pkg, d)
		}
	}
}
