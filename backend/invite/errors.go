package invite

import "errors"

var (
	// ErrBadCode means the pasted text is not an invite code (cut short, or something else).
	ErrBadCode = errors.New("this is not a proofkeys invite code; copy the whole code again")
	// ErrExpired means the code's time is over. It cannot be used; ask for a new one.
	ErrExpired = errors.New("this invite code has expired; ask an Owner or Admin for a new one")
	// ErrUsed means the code was used already (or never made). Each code joins one desktop.
	ErrUsed = errors.New("this invite code was already used or is not known to the server; ask for a new one")
	// ErrWrongServer means the server's certificate is not from the authority the code names:
	// someone may be in the way. Nothing was sent.
	ErrWrongServer = errors.New("the server is not the one the invite code names; nothing was sent")
	// ErrNoServer means the server could not be reached at any of the code's addresses.
	ErrNoServer = errors.New("the organization's server cannot be reached; check that it is running and try again")
)
