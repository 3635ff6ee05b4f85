package keys

import "errors"

var (
	// ErrNotFound means no live key with that ID (it may have been deleted meanwhile).
	ErrNotFound = errors.New("no such key")
	// ErrSecretMismatch means the vault holds a secret that is not the one recorded for the key.
	ErrSecretMismatch = errors.New("the secret in the vault does not match the key's record")
	// ErrSecretMissing means the vault has no secret for a key the database says is active.
	ErrSecretMissing = errors.New("the key's secret is missing from the vault")
)

var (
	// ErrGracePeriod means a grace period that is not one of GracePeriods.
	ErrGracePeriod = errors.New("the grace period is not one of the choices")
	// ErrAlreadyReplaced means the key was replaced already; replace its replacement instead.
	ErrAlreadyReplaced = errors.New("the key has already been replaced")
	// ErrOldKeyKept means the new key is ready, but the old key's secret could not be removed
	// yet. It still works until the next attempt (on the app's ticker or next start).
	ErrOldKeyKept = errors.New("the replaced key could not be deleted yet")
)
