package ui

import (
	"errors"
	"strings"

	"proofkeys/backend/apikey"
)

// errCopyKeyText: CopyText was given something shaped like an API key.
var errCopyKeyText = errors.New("a key is copied only with its Copy button, which clears the clipboard again")

// CopyText puts a text that is no secret, such as the Organization ID or the audit log's
// anchor, on the clipboard through the desktop (Wails' clipboard, which also fills the
// middle-click selection: fine for these, never for a key). Anything that starts like a
// key is refused, so a secret cannot take this path by mistake; keys go through CopyKey.
func (x *Session) CopyText(text string) error {
	if _, err := x.c.services(); err != nil {
		return err
	}
	if _, err := apikey.Parse(strings.TrimSpace(text)); !errors.Is(err, apikey.ErrPrefix) && !errors.Is(err, apikey.ErrEmpty) {
		return errCopyKeyText
	}
	return x.c.desktop.CopyText(text)
}
