package passphrase

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"proofkeys/backend/access"
)

// A recovery code sets a new passphrase for an Owner who forgot theirs. It is shown once,
// to print or store, and kept only as a hash (HashRecoveryCode), like a passphrase.
// Its 25 characters come from an alphabet without look-alikes (no 0, O, 1, I), in groups
// of five: 125 random bits, beyond guessing even offline.
const (
	recoveryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	recoveryLength   = 25
	recoveryGroup    = 5
)

// ErrRecoveryCodeForm means the text is not a recovery code (wrong length or characters).
var ErrRecoveryCodeForm = errors.New("this is not a recovery code")

// NewRecoveryCode makes a recovery code from random, such as "K7QMX-2RHTA-…".
func NewRecoveryCode(random io.Reader) (string, error) {
	raw := make([]byte, recoveryLength)
	if _, err := io.ReadFull(random, raw); err != nil {
		return "", fmt.Errorf("recovery code: %w", err)
	}
	var b strings.Builder
	for i, r := range raw {
		if i > 0 && i%recoveryGroup == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(recoveryAlphabet[int(r)%len(recoveryAlphabet)]) // 256 is a multiple of 32: no bias
	}
	return b.String(), nil
}

// normalizeRecoveryCode reads a code as a person types it back: any case, with or
// without the dashes, with spaces.
func normalizeRecoveryCode(code string) (string, error) {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		switch {
		case r == '-' || r == ' ' || r == '\t':
		case strings.ContainsRune(recoveryAlphabet, r):
			b.WriteRune(r)
		default:
			return "", ErrRecoveryCodeForm
		}
	}
	if b.Len() != recoveryLength {
		return "", ErrRecoveryCodeForm
	}
	return b.String(), nil
}

// HashRecoveryCode hashes code with argon2id, as Hash does a passphrase.
func HashRecoveryCode(code string, params Params, random io.Reader) (access.Passphrase, error) {
	n, err := normalizeRecoveryCode(code)
	if err != nil {
		return access.Passphrase{}, err
	}
	return Hash(n, params, random)
}

// VerifyRecoveryCode reports whether code, as typed, matches h.
func VerifyRecoveryCode(code string, h access.Passphrase) (bool, error) {
	n, err := normalizeRecoveryCode(code)
	if err != nil {
		return false, nil // not even the form of a code: simply not the right one
	}
	return Verify(n, h)
}
