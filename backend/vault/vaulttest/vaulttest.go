// Package vaulttest gives tests a real vault: the backend the environment chooses
// (the Secret Service of `make test`'s private session bus, unless PROOFKEYS_VAULT says
// otherwise). A test that cannot reach it fails and says how to run it.
package vaulttest

import (
	"crypto/rand"
	"testing"

	"proofkeys/backend/apikey"
	"proofkeys/backend/vault"
)

// New returns a vault that answered a write, read and delete.
func New(t testing.TB) *vault.Vault {
	t.Helper()
	v, err := vault.New("", t.TempDir())
	if err != nil {
		t.Fatalf("vault: %v", err)
	}
	id, _ := apikey.NewID("probe_", rand.Reader)
	if err := v.Set(id, "probe", "proofkeys test probe"); err != nil {
		t.Fatalf("these tests need a real credential vault; run them with `make test-go` "+
			"(a private session bus with an unlocked Secret Service): %v", err)
	}
	if err := v.Delete(id); err != nil {
		t.Fatalf("vault delete: %v", err)
	}
	return v
}
