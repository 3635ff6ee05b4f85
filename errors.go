package main

import (
	"errors"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// UIError is what the UI shows for a failed call: what happened, what to do, and for a
// form, a message per field. It never carries a secret: the backends' errors do not hold
// one, and the message is chosen here from known sentinels.
type UIError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Hint    string            `json:"hint"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// problem is one row of the table below: a sentinel and the words a person reads.
type problem struct {
	err           error
	code          string
	message, hint string
}

// problems maps each sentinel to plain words, with the help article's troubleshooting
// advice where it fits. The first match wins, so the more specific errors come first.
var problems = []problem{
	{store.ErrInUse, "in_use", "proofkeys is already open.",
		"Switch to the proofkeys window that is already open, or close it and start again."},
	{store.ErrNewerSchema, "newer_database", "This data was saved by a newer version of proofkeys.",
		"Install the latest proofkeys; your data has not been changed."},
	{store.ErrCorrupt, "database_unreadable", "proofkeys cannot read its data file.",
		"Your data has not been changed. Contact your CSM with the data folder shown on the Home page."},
	{vault.ErrLocked, "vault_locked", "The credential vault is locked.",
		"Unlock your system keyring (log in to your desktop session or open the keyring app), then try again. Nothing was changed."},
	{vault.ErrUnavailable, "vault_unavailable", "The credential vault is not available.",
		"Make sure your system keyring is running (GNOME Keyring or KWallet on Linux), then try again. Nothing was changed."},
	{vault.ErrUnknownBackend, "vault_unknown", "The chosen credential vault is unknown.",
		"Set PROOFKEYS_VAULT to secret-service, keychain, wincred, file or keyctl, or unset it."},
	{keys.ErrSecretMissing, "secret_missing", "This key's secret is missing from the credential vault.",
		"Someone may have removed it with the keyring app. Generate a new key, update your integration, and delete this one."},
	{keys.ErrSecretMismatch, "secret_mismatch", "The secret in the credential vault does not match this key.",
		"It was changed outside proofkeys. Treat the key as exposed: generate a new one, update your integration, and delete this one."},
	{keys.ErrNotFound, "key_not_found", "This key no longer exists.",
		"It may have been deleted a moment ago. The list has been refreshed."},
	{access.ErrNoAPIAccess, "no_api_access", "API access is not enabled for your organization.",
		"Proof enables API access. Contact your Customer Success Manager or Sales representative."},
	{access.ErrForbidden, "forbidden", "You don't have permission to manage API keys.",
		"Only organization owners, administrators, or members with the Manage API keys permission can generate and manage keys. Ask one of them."},
	{org.ErrAlreadySetUp, "already_set_up", "The organization is already set up.",
		"Reload the app."},
	{org.ErrSignInNeeded, "sign_in", "Sign in first.", "Choose your name and enter your passphrase."},
	{apikey.ErrUnknownEnvironment, "bad_request", "The app sent a request it should not have.",
		"Reload the app; if it happens again, contact your CSM."},
}

// toUIError turns any error from a bound method into what the UI shows. Unknown errors
// get a generic message; their text is kept as the hint for support, since no error of
// the backend carries a secret.
func toUIError(err error) UIError {
	var fields apikey.FieldErrors
	if errors.As(err, &fields) {
		return UIError{Code: "invalid", Message: "Some fields need your attention.",
			Hint: "Fix the fields marked below, then save again.", Fields: fields}
	}
	for _, p := range problems {
		if errors.Is(err, p.err) {
			return UIError{Code: p.code, Message: p.message, Hint: p.hint}
		}
	}
	return UIError{Code: "unexpected", Message: "Something went wrong: " + err.Error(),
		Hint: "Try again. If it keeps happening, contact your CSM with this message."}
}

// formatError is Wails' ErrorFormatter: rejected promises carry a UIError object.
func formatError(err error) any { return toUIError(err) }
