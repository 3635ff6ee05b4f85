//go:build dev

package main

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// EnvClockFile names a file holding a Go duration ("745h") that the dev build's clock runs
// ahead of the real one, read at every tick, so that an end-to-end test can let a month
// pass (rotation due, grace periods over) without waiting. Without the variable, or with an
// empty or unreadable file, the clock is real.
const EnvClockFile = "PROOFKEYS_CLOCK_FILE"

// EnvSaveDialogDir makes the dev build's save dialog answer at once with the suggested
// file name in this folder, so that headless end-to-end tests can export through the real
// bound methods and read the file.
const EnvSaveDialogDir = "PROOFKEYS_SAVE_DIALOG_DIR"

// EnvFolderDialogDir makes the dev build's folder picker answer at once with this folder,
// so that headless end-to-end tests can scan a folder they planted.
const EnvFolderDialogDir = "PROOFKEYS_FOLDER_DIALOG_DIR"

func appClock() func() time.Time {
	path := os.Getenv(EnvClockFile)
	if path == "" {
		return time.Now
	}
	return func() time.Time {
		raw, err := os.ReadFile(path)
		if err != nil {
			return time.Now()
		}
		ahead, err := time.ParseDuration(strings.TrimSpace(string(raw)))
		if err != nil {
			return time.Now()
		}
		return time.Now().Add(ahead)
	}
}

func saveDialogStandIn(defaultName string) (string, bool) {
	dir := os.Getenv(EnvSaveDialogDir)
	if dir == "" {
		return "", false
	}
	return filepath.Join(dir, filepath.Base(defaultName)), true
}

func folderDialogStandIn() (string, bool) {
	dir := os.Getenv(EnvFolderDialogDir)
	return dir, dir != ""
}
