package apikey

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

const (
	base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

	// RandomLength base62 characters carry 30*log2(62) ≈ 178 bits, well over the 128 asked.
	RandomLength = 30
	// ChecksumLength base62 characters hold any uint32 (62^6 > 2^32).
	ChecksumLength = 6
)

// Generate makes a new secret for env from r, which must be a cryptographic source
// (crypto/rand.Reader in the app; tests pass their own).
func Generate(env Environment, r io.Reader) (string, error) {
	return Shape{Prefix: env.Prefix()}.Generate(r)
}

// NewID makes a random identifier such as "key_3kTq9..." for records and vault items.
// IDs are not secret; 16 base62 characters make collisions negligible.
func NewID(prefix string, r io.Reader) (string, error) {
	random, err := randomBase62(r, 16)
	return prefix + random, err
}

// randomBase62 draws n characters by rejection sampling so that all 62 are equally likely.
func randomBase62(r io.Reader, n int) (string, error) {
	out := make([]byte, 0, n)
	buf := make([]byte, 64)
	for len(out) < n {
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("read randomness: %w", err)
		}
		for _, b := range buf {
			// 248 = 4*62: bytes at or above it would favour the first characters.
			if b < 248 && len(out) < n {
				out = append(out, base62[b%62])
			}
		}
	}
	return string(out), nil
}

// Parsed is what Parse learns from a well-formed secret, without keeping the secret.
type Parsed struct {
	Environment Environment
	Access      Access // FullAccess, or ClientOnly from ParseAny
	Fingerprint string
	Last4       string
}

// Parse checks that s is a well-formed secret of a full-access key, the kind this app
// makes: known prefix, right length, base62 only, matching checksum. The error says which
// check failed and never contains s.
func Parse(s string) (Parsed, error) {
	if s == "" {
		return Parsed{}, ErrEmpty
	}
	env, ok := environmentOf(s)
	if !ok {
		return Parsed{}, ErrPrefix
	}
	return parseShape(s, Shape{Prefix: env.Prefix(), Environment: env, Access: FullAccess})
}

// parseShape checks what follows sh's prefix in s: length, alphabet, checksum.
func parseShape(s string, sh Shape) (Parsed, error) {
	want := len(sh.Prefix) + RandomLength + ChecksumLength
	if len(s) != want {
		return Parsed{}, fmt.Errorf("%w: %d characters instead of %d", ErrLength, len(s), want)
	}
	if i := strings.IndexFunc(s[len(sh.Prefix):], notBase62); i >= 0 {
		return Parsed{}, fmt.Errorf("%w: at position %d", ErrCharset, len(sh.Prefix)+i+1)
	}
	body := s[:len(s)-ChecksumLength]
	if checksum(body) != s[len(body):] {
		return Parsed{}, ErrChecksum
	}
	return Parsed{Environment: sh.Environment, Access: sh.Access, Fingerprint: Fingerprint(s), Last4: s[len(s)-4:]}, nil
}

// Fingerprint is the hex SHA-256 of the secret: what the database keeps to recognise a key.
func Fingerprint(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// Hint is the form the list shows: the environment's prefix, an ellipsis, the last four.
func Hint(env Environment, last4 string) string {
	return env.Prefix() + "…" + last4
}

func environmentOf(s string) (Environment, bool) {
	// The sandbox prefix starts with the production one, so it is tried first.
	for _, env := range []Environment{Sandbox, Production} {
		if strings.HasPrefix(s, env.Prefix()) {
			return env, true
		}
	}
	return "", false
}

func notBase62(r rune) bool { return !strings.ContainsRune(base62, r) }

// checksum is the CRC32 (IEEE) of body in base62, left-padded with zeros to ChecksumLength.
func checksum(body string) string {
	n := crc32.ChecksumIEEE([]byte(body))
	out := make([]byte, ChecksumLength)
	for i := ChecksumLength - 1; i >= 0; i-- {
		out[i] = base62[n%62]
		n /= 62
	}
	return string(out)
}
