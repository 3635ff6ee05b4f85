package vault

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/99designs/keyring"
)

// EnvBackend names the environment variable that picks a backend other than the OS's.
const EnvBackend = "PROOFKEYS_VAULT"

// EnvFilePassphrase holds the passphrase of the "file" backend, which encrypts each secret
// in a file of the data folder; meant for machines without an OS vault.
const EnvFilePassphrase = "PROOFKEYS_VAULT_PASSPHRASE"

// ServiceName groups proofkeys' items in the vault.
const ServiceName = "proofkeys"

var backends = map[string]keyring.BackendType{
	"secret-service": keyring.SecretServiceBackend,
	"keychain":       keyring.KeychainBackend,
	"wincred":        keyring.WinCredBackend,
	"file":           keyring.FileBackend,
	"keyctl":         keyring.KeyCtlBackend,
}

// DefaultBackend is the OS's own vault.
func DefaultBackend() string {
	switch runtime.GOOS {
	case "darwin":
		return "keychain"
	case "windows":
		return "wincred"
	}
	return "secret-service"
}

// ChosenBackend is the backend PROOFKEYS_VAULT names, or the OS's own.
func ChosenBackend() string {
	if b := os.Getenv(EnvBackend); b != "" {
		return b
	}
	return DefaultBackend()
}

// config builds keyring's configuration for one pinned backend.
func config(name, dataDir string) (keyring.Config, error) {
	bt, ok := backends[name]
	if !ok {
		return keyring.Config{}, fmt.Errorf("%w %q: use secret-service, keychain, wincred, file or keyctl", ErrUnknownBackend, name)
	}
	return keyring.Config{
		ServiceName:              ServiceName,
		AllowedBackends:          []keyring.BackendType{bt},
		LibSecretCollectionName:  "login",
		KeychainTrustApplication: true,
		KeyCtlScope:              "user",
		FileDir:                  filepath.Join(dataDir, "vault"),
		FilePasswordFunc:         filePassphrase,
		WinCredPrefix:            ServiceName,
	}, nil
}

func filePassphrase(string) (string, error) {
	if p := os.Getenv(EnvFilePassphrase); p != "" {
		return p, nil
	}
	return "", fmt.Errorf("%w: set %s to the file vault's passphrase", ErrLocked, EnvFilePassphrase)
}
