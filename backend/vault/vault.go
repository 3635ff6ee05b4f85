package vault

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/99designs/keyring"
)

// Vault stores secrets under an ID. It opens the OS vault lazily, at first use, so that
// starting the app (or `wails generate`) never touches it.
type Vault struct {
	backend string
	dataDir string

	mu   sync.Mutex
	ring keyring.Keyring
}

// New returns a vault on the named backend ("" for the chosen one); dataDir is where the
// file backend keeps its files.
func New(backend, dataDir string) (*Vault, error) {
	if backend == "" {
		backend = ChosenBackend()
	}
	if _, err := config(backend, dataDir); err != nil {
		return nil, err
	}
	return &Vault{backend: backend, dataDir: dataDir}, nil
}

// Backend names the backend in use, for the UI and support.
func (v *Vault) Backend() string { return v.backend }

// Set stores secret under id; label is what the OS vault's own UI shows (never the secret).
func (v *Vault) Set(id, secret, label string) error {
	ring, err := v.open()
	if err != nil {
		return err
	}
	err = ring.Set(keyring.Item{Key: id, Data: []byte(secret), Label: label, Description: "Proof API key"})
	return classify("store the secret", err)
}

// Get returns the secret stored under id.
func (v *Vault) Get(id string) (string, error) {
	ring, err := v.open()
	if err != nil {
		return "", err
	}
	item, err := ring.Get(id)
	if err != nil {
		return "", classify("read the secret", err)
	}
	return string(item.Data), nil
}

// Delete removes the secret stored under id. A secret that is already gone is not an
// error: delete and recovery may both try.
func (v *Vault) Delete(id string) error {
	ring, err := v.open()
	if err != nil {
		return err
	}
	err = classify("delete the secret", ring.Remove(id))
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

func (v *Vault) open() (keyring.Keyring, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.ring != nil {
		return v.ring, nil
	}
	cfg, err := config(v.backend, v.dataDir)
	if err != nil {
		return nil, err
	}
	ring, err := keyring.Open(cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrUnavailable, v.backend, err)
	}
	v.ring = ring
	return ring, nil
}

// classify maps the backends' many error texts to this package's sentinels. The backends'
// texts are kept for support; none of them contains the secret.
func classify(what string, err error) error {
	if err == nil {
		return nil
	}
	msg := strings.ToLower(err.Error())
	switch {
	case errors.Is(err, ErrLocked), errors.Is(err, ErrUnavailable):
		return fmt.Errorf("%s: %w", what, err)
	case errors.Is(err, keyring.ErrKeyNotFound):
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	case strings.Contains(msg, "locked"), strings.Contains(msg, "dismissed"):
		return fmt.Errorf("%s: %w: %w", what, ErrLocked, err)
	case strings.Contains(msg, "dbus"), strings.Contains(msg, "secret service"),
		strings.Contains(msg, "no such interface"), strings.Contains(msg, "serviceunknown"):
		return fmt.Errorf("%s: %w: %w", what, ErrUnavailable, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}
