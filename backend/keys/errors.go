package keys

import "errors"

var (
	// ErrNotFound: no live key with that ID (it may have been deleted meanwhile).
	ErrNotFound = errors.New("no such key")
	// ErrSecretMismatch: the vault holds a secret that is not the one recorded for the key.
	ErrSecretMismatch = errors.New("the secret in the vault does not match the key's record")
	// ErrSecretMissing: the vault has no secret for a key the database says is active.
	ErrSecretMissing = errors.New("the key's secret is missing from the vault")
)
