package store

import (
	"errors"
	"os"
	"path/filepath"
)

// EnvDir overrides the data folder, as the --data-dir flag does.
const EnvDir = "PROOFKEYS_DATA_DIR"

// ResolveDir picks the data folder: flagValue if set, then PROOFKEYS_DATA_DIR, then the
// OS's per-user configuration folder (~/.config/proofkeys on Linux).
func ResolveDir(flagValue string) (string, error) {
	for _, dir := range []string{flagValue, os.Getenv(EnvDir)} {
		if dir != "" {
			return filepath.Abs(dir)
		}
	}
	if dir := DefaultDir(); dir != "" {
		return dir, nil
	}
	return "", errors.New("no data folder: set --data-dir or " + EnvDir)
}

// DefaultDir is the OS's per-user folder for proofkeys, or "" when the OS has none.
func DefaultDir() string {
	base, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "proofkeys")
}
