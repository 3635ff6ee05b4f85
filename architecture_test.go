package main

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDependenciesPointInward holds ARCHITECTURE.md's rules with `go list`: the domain
// packages import nothing of the project, the vault and the store never import each
// other, each package depends only on the ones below it, only the top level imports
// Wails, and a package the rules do not name fails the test rather than going unchecked.
func TestDependenciesPointInward(t *testing.T) {
	deps := projectDeps(t)

	// allowed lists, for each package, the project packages it may depend on at all
	// (directly or not): the picture in ARCHITECTURE.md. "." is the top level.
	domain := []string{"access", "apikey", "audit"}
	useCases := []string{"keys", "org", "inventory", "support", "enablement", "passphrase", "scan"}
	stores := []string{"store", "vault", "clipboard", "privatefile"}
	// a shared organization: its store and vault, envelopes and signatures, invite codes
	sharing := []string{"shared", "seal", "invite"}
	allowed := map[string][]string{
		"apikey": nil, "access": nil, "audit": nil, "vault": nil, "clipboard": nil, "privatefile": nil,
		"lazygui":    nil,
		"gcpause":    nil,
		"store":      domain,
		"enablement": {"access"},
		"passphrase": {"access"},
		"keys":       append([]string{"store", "vault"}, domain...),
		"inventory":  append([]string{"store"}, domain...),
		"org":        append([]string{"store", "enablement", "passphrase"}, domain...),
		"support":    append([]string{"store", "enablement"}, domain...),
		"scan":       append([]string{"keys", "store", "vault"}, domain...),
		"seal":       {"vault"},
		"invite":     nil,
		"shared":     append([]string{"store", "seal", "vault"}, domain...),
		"server":     {"invite", "privatefile"}, // linked only into builds with the server tag
		"ui":         slices.Concat(domain, useCases, stores, sharing, []string{"gcpause"}),
		"cli":        slices.Concat(domain, useCases, stores, sharing, []string{"ui", "server", "gcpause"}),
		".":          slices.Concat(domain, useCases, stores, sharing, []string{"ui", "cli", "lazygui", "gcpause"}),
		// test helpers, never in the app's binary
		"vault/vaulttest":            {"vault", "apikey"},
		"enablement/enablementtest":  {"enablement", "access"},
		"scan/scantest":              slices.Concat(domain, []string{"scan", "keys", "org", "store", "vault", "enablement", "passphrase"}),
		"clipboard/internal/gtkloop": nil,
		// the release's own checks and tools, never in the app's binary
		"scripts/installer":  nil,
		"scripts/lazyguigen": nil,
		// the scan's benchmark, which plants an organization's keys in a corpus
		"scripts/scanbench": slices.Concat(domain, []string{"scan", "scan/scantest", "keys", "org", "store", "vault", "enablement", "passphrase"}),
	}
	for pkg, list := range deps {
		want, known := allowed[pkg]
		if !assert.True(t, known, "package %s is not in the rules: add it to ARCHITECTURE.md and here", pkg) {
			continue
		}
		for _, d := range list {
			if name, ok := strings.CutPrefix(d, "proofkeys/backend/"); ok {
				assert.Contains(t, want, name, "%s depends on %s", pkg, name)
			}
		}
	}
	for pkg := range allowed {
		assert.Contains(t, deps, pkg, "the rules name a package that no longer exists")
	}
	for _, d := range deps["."] {
		assert.False(t, strings.HasPrefix(d, "go.etcd.io/etcd/server/") || d == "proofkeys/backend/server",
			"the desktop app links etcd's server (%s): it belongs in builds with the server tag", d)
	}
	for pkg, list := range deps {
		for _, d := range list {
			if pkg != "." {
				assert.False(t, strings.HasPrefix(d, "github.com/wailsapp/"), "%s imports Wails (%s); only the top level may", pkg, d)
			}
		}
	}
}

// projectDeps is every package of the module, by its path under backend/ (or the module,
// for the others; "." for the top level), with everything it depends on.
func projectDeps(t *testing.T) map[string][]string {
	out, err := exec.Command("go", "list", "-json=ImportPath,Deps", "./...").Output()
	require.NoError(t, err)
	deps := map[string][]string{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			ImportPath string
			Deps       []string
		}
		require.NoError(t, dec.Decode(&p))
		name := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, "proofkeys/"), "backend/")
		if p.ImportPath == "proofkeys" {
			name = "."
		}
		deps[name] = p.Deps
	}
	return deps
}
