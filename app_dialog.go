//go:build !dev

package main

// saveDialogStandIn answers the save dialog instead of the person in the dev build's
// end-to-end tests (app_dialog_dev.go). The production build always asks the person.
func saveDialogStandIn(string) (string, bool) { return "", false }
