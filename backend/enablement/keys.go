package enablement

import (
	"crypto/ed25519"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	publicPrefix  = "pkstaff1_"
	privatePrefix = "pkstaffsecret1_"
)

// ErrBadKey: the text is not a staff public (or private) key.
var ErrBadKey = errors.New("not a proofkeys staff key")

var b64 = base64.RawURLEncoding

// StaffKey is a public key the organization trusts to sign its codes.
type StaffKey struct {
	ID   string
	Name string
	Key  ed25519.PublicKey
	Demo bool
}

// KeyID names a public key by its SHA-256, short enough to read out on a call.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return "stk_" + hex.EncodeToString(sum[:8])
}

// FormatPublicKey is the text form of a public key, as staff hand it out.
func FormatPublicKey(pub ed25519.PublicKey) string { return publicPrefix + b64.EncodeToString(pub) }

// ParsePublicKey reads the text form of a public key; spaces around it are ignored.
func ParsePublicKey(text string) (ed25519.PublicKey, error) {
	raw, ok := strings.CutPrefix(strings.TrimSpace(text), publicPrefix)
	if !ok {
		return nil, fmt.Errorf("%w: a staff public key starts with %s", ErrBadKey, publicPrefix)
	}
	b, err := b64.DecodeString(raw)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: the key is cut short or mistyped", ErrBadKey)
	}
	return ed25519.PublicKey(b), nil
}

// Signer is a staff member's private key and the name their codes carry.
type Signer struct {
	Name string
	Key  ed25519.PrivateKey
}

// NewSigner makes a fresh signing key from random.
func NewSigner(name string, random io.Reader) (Signer, error) {
	_, priv, err := ed25519.GenerateKey(random)
	if err != nil {
		return Signer{}, fmt.Errorf("generate staff key: %w", err)
	}
	return Signer{Name: name, Key: priv}, nil
}

// Public is the signer's public key.
func (s Signer) Public() ed25519.PublicKey { return s.Key.Public().(ed25519.PublicKey) }

// Staff is the signer's public key as a trusted StaffKey.
func (s Signer) Staff() StaffKey {
	return StaffKey{ID: KeyID(s.Public()), Name: s.Name, Key: s.Public()}
}

// FormatPrivateKey is the text a vault keeps: the seed, never shown to anyone.
func FormatPrivateKey(k ed25519.PrivateKey) string {
	return privatePrefix + b64.EncodeToString(k.Seed())
}

// ParsePrivateKey reads what FormatPrivateKey wrote.
func ParsePrivateKey(text string) (ed25519.PrivateKey, error) {
	raw, ok := strings.CutPrefix(strings.TrimSpace(text), privatePrefix)
	if !ok {
		return nil, ErrBadKey
	}
	seed, err := b64.DecodeString(raw)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, ErrBadKey
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

//go:embed staff_keys.txt
var builtInText string

// BuiltIn are the Proof staff keys every copy of the app trusts, from staff_keys.txt.
func BuiltIn() []StaffKey {
	keys, err := parseKeyList(builtInText)
	if err != nil {
		panic("enablement: staff_keys.txt: " + err.Error()) // held by a test
	}
	return keys
}

// parseKeyList reads lines of "PUBLIC-KEY NAME"; blank lines and # comments are skipped.
func parseKeyList(text string) ([]StaffKey, error) {
	var out []StaffKey
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		keyText, name, _ := strings.Cut(line, " ")
		pub, err := ParsePublicKey(keyText)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		out = append(out, StaffKey{ID: KeyID(pub), Name: strings.TrimSpace(name), Key: pub})
	}
	return out, nil
}
