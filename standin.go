//go:build !dev

package main

import "time"

// The release build has no stand-ins: the real clock, and save and folder dialogs that always
// ask the person. The dev build's pair lets end-to-end tests control both.

func appClock() func() time.Time { return time.Now }

func saveDialogStandIn(string) (string, bool) { return "", false }

func folderDialogStandIn() (string, bool) { return "", false }
