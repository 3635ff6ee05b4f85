package apikey

import "errors"

// Sentinel errors. Callers compare with errors.Is; the wrapped text adds the detail.
var (
	ErrUnknownEnvironment = errors.New("unknown environment")

	// Parse errors say why a pasted text is not a key. None of them repeats the text.
	ErrEmpty    = errors.New("the key is empty")
	ErrPrefix   = errors.New("the key does not start with prf_ or prf_test_")
	ErrLength   = errors.New("the key has the wrong length")
	ErrCharset  = errors.New("the key contains characters a key never has")
	ErrChecksum = errors.New("the key's checksum does not match")
)
