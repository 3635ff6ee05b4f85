package vault

import "errors"

var (
	// ErrLocked means the vault is locked; the person must unlock it (log in to the desktop
	// keyring, unlock the Keychain) and try again.
	ErrLocked = errors.New("the credential vault is locked")
	// ErrUnavailable means no vault answered (no Secret Service running, no session bus).
	ErrUnavailable = errors.New("the credential vault is not available")
	// ErrNotFound means the vault holds no secret under that ID.
	ErrNotFound = errors.New("the secret is not in the credential vault")
	// ErrUnknownBackend means PROOFKEYS_VAULT names a backend this build does not know.
	ErrUnknownBackend = errors.New("unknown vault backend")
)
