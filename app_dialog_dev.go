//go:build dev

package main

import (
	"os"
	"path/filepath"
)

// EnvSaveDialogDir makes the dev build's save dialog answer at once with the suggested
// file name in this folder, so that headless end-to-end tests can export through the real
// bound methods and read the file. Only the dev build (`-tags dev`) has this.
const EnvSaveDialogDir = "PROOFKEYS_SAVE_DIALOG_DIR"

func saveDialogStandIn(defaultName string) (string, bool) {
	dir := os.Getenv(EnvSaveDialogDir)
	if dir == "" {
		return "", false
	}
	return filepath.Join(dir, filepath.Base(defaultName)), true
}
