// Package passphrase hashes and checks the passphrases members sign in with, with
// argon2id (RFC 9106). The parameters are stored with each hash, so raising them for new
// passphrases never locks out a member whose hash was made with the old ones. It is pure:
// randomness is passed in.
package passphrase

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"proofkeys/backend/access"
)

// Algorithm is the only one this package writes or reads.
const Algorithm = "argon2id"

// Length limits of a passphrase, in characters.
const (
	MinLength = 8
	MaxLength = 1024
)

// Params are argon2id's cost parameters.
type Params struct {
	Time      uint32
	MemoryKiB uint32
	Threads   uint8
}

// Default is what new passphrases are hashed with: RFC 9106's second recommended option
// (64 MiB, 3 passes), which takes a fraction of a second on a laptop and makes guessing
// from a stolen database file slow. See BenchmarkHash.
var Default = Params{Time: 3, MemoryKiB: 64 * 1024, Threads: 2}

var (
	// ErrTooShort means the passphrase is shorter than MinLength (or longer than MaxLength).
	ErrTooShort = errors.New("the passphrase must be at least 8 characters")
	// ErrUnknownAlgorithm means the stored hash was not made by this package.
	ErrUnknownAlgorithm = errors.New("the stored passphrase uses an unknown algorithm")
)

const saltLen, keyLen = 16, 32

// Check says whether p is acceptable as a new passphrase.
func Check(p string) error {
	if n := utf8.RuneCountInString(p); n < MinLength || n > MaxLength {
		return ErrTooShort
	}
	return nil
}

// Hash checks p and hashes it with a fresh salt from random.
func Hash(p string, params Params, random io.Reader) (access.Passphrase, error) {
	if err := Check(p); err != nil {
		return access.Passphrase{}, err
	}
	salt := make([]byte, saltLen)
	if _, err := io.ReadFull(random, salt); err != nil {
		return access.Passphrase{}, fmt.Errorf("passphrase salt: %w", err)
	}
	return access.Passphrase{
		Algorithm: Algorithm, Time: params.Time, MemoryKiB: params.MemoryKiB, Threads: params.Threads,
		Salt: salt, Hash: argon2.IDKey([]byte(p), salt, params.Time, params.MemoryKiB, params.Threads, keyLen),
	}, nil
}

// Verify reports whether p matches h, in constant time for a given h.
func Verify(p string, h access.Passphrase) (bool, error) {
	if h.Algorithm != Algorithm || h.Time == 0 || h.Threads == 0 || len(h.Hash) == 0 {
		return false, ErrUnknownAlgorithm
	}
	got := argon2.IDKey([]byte(p), h.Salt, h.Time, h.MemoryKiB, h.Threads, uint32(len(h.Hash)))
	return subtle.ConstantTimeCompare(got, h.Hash) == 1, nil
}
