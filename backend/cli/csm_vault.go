package cli

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// signingKey is a signing key as the vault keeps it: never printed, never in a file.
type signingKey struct {
	Name string `json:"name"`
	Key  string `json:"key"`
	// Cert is a staff key's certificate from a Proof root, once installed.
	Cert string `json:"cert,omitempty"`
}

// keyKind tells staff keys from root keys in the vault and in what commands say.
type keyKind struct {
	item, label, keygen string
}

var (
	staffKind = keyKind{"proofkeys-staff-signing-key:", "staff signing key",
		`proofkeys csm keygen --name "Your Name"`}
	rootKind = keyKind{"proofkeys-root-signing-key:", "root signing key",
		`proofkeys csm root-keygen --name "Proof root 2026"`}
)

// staffVault opens the OS vault the app itself uses; the file backend keeps its files in
// the default data folder.
var staffVault = func() (*vault.Vault, error) { return vault.New("", store.DefaultDir()) }

// heldKey is a signing key read from the vault, with the vault to write it back.
type heldKey struct {
	signer enablement.Signer
	item   signingKey
	vault  *vault.Vault
	kind   keyKind
	name   string
}

// loadKey reads the key keyName of kind; a missing key says how to make one.
func loadKey(kind keyKind, keyName string) (heldKey, error) {
	v, err := staffVault()
	if err != nil {
		return heldKey{}, err
	}
	h := heldKey{vault: v, kind: kind, name: keyName}
	raw, err := v.Get(kind.item + keyName)
	if errors.Is(err, vault.ErrNotFound) {
		return h, fmt.Errorf("no %s named %q in your vault; make one with `%s`: %w", kind.label, keyName, kind.keygen, err)
	}
	if err != nil {
		return h, err
	}
	if err := json.Unmarshal([]byte(raw), &h.item); err != nil {
		return h, fmt.Errorf("the %s in the vault is unreadable: %w", kind.label, enablement.ErrBadKey)
	}
	k, err := enablement.ParsePrivateKey(h.item.Key)
	if err != nil {
		return h, fmt.Errorf("the %s in the vault is unreadable: %w", kind.label, err)
	}
	h.signer = enablement.Signer{Name: h.item.Name, Key: k}
	return h, nil
}

// save writes the key back to the vault.
func (h heldKey) save() error {
	raw, err := json.Marshal(h.item)
	if err != nil {
		return err
	}
	return h.vault.Set(h.kind.item+h.name, string(raw), "proofkeys "+h.kind.label+" ("+h.name+")")
}

// makeKey is keygen for either kind: a fresh key named name, kept under keyName, unless
// one is there and replace is false.
func makeKey(kind keyKind, keyName, name string, replace bool) (heldKey, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return heldKey{}, errUsage("--name is required")
	}
	h, err := loadKey(kind, keyName)
	there := err == nil || errors.Is(err, enablement.ErrBadKey) // an unreadable key is still there
	switch {
	case there && !replace:
		return h, fmt.Errorf("a %s named %q is already in your vault; pass --replace to make a new one", kind.label, keyName)
	case !there && !errors.Is(err, vault.ErrNotFound):
		return h, err
	}
	h.signer, err = enablement.NewSigner(name, rand.Reader)
	if err != nil {
		return h, err
	}
	h.item = signingKey{Name: name, Key: enablement.FormatPrivateKey(h.signer.Key)}
	return h, h.save()
}

// errUsage marks a mistake on the command line (exit 2), as opposed to a failure (exit 1).
type errUsage string

func (e errUsage) Error() string { return string(e) }

// keyFailed reports err from loadKey or makeKey with the right exit code.
func keyFailed(env Env, name string, err error) int {
	var u errUsage
	if errors.As(err, &u) {
		return usageError(env, name, err)
	}
	return failed(env, name, err)
}
