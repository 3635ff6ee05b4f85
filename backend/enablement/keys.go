package enablement

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/edwards25519"
)

const (
	staffPrefix = "pkstaff1_"
	rootPrefix  = "pkroot1_"
	// privatePrefix marks the seed of a signing key, staff or root, as a vault keeps it.
	privatePrefix = "pkstaffsecret1_"
)

// ErrBadKey means the text is not a proofkeys public (or private) signing key, or the key is
// one no honest key generator makes (all zeros, or a point of small order).
var ErrBadKey = errors.New("not a proofkeys signing key")

var b64 = base64.RawURLEncoding

// KeyID names a staff public key by its SHA-256, short enough to read out on a call.
func KeyID(pub ed25519.PublicKey) string { return keyID("stk_", pub) }

// RootID names a root public key the same way, with its own prefix.
func RootID(pub ed25519.PublicKey) string { return keyID("rtk_", pub) }

func keyID(prefix string, pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return prefix + hex.EncodeToString(sum[:8])
}

// FormatPublicKey is the text form of a staff public key, as certificates carry it.
func FormatPublicKey(pub ed25519.PublicKey) string { return staffPrefix + b64.EncodeToString(pub) }

// ParsePublicKey reads the text form of a staff public key; spaces around it are ignored.
func ParsePublicKey(text string) (ed25519.PublicKey, error) {
	return parseKey(staffPrefix, "staff", text)
}

// FormatRootKey is the text form of a root public key, as release builds list them.
func FormatRootKey(pub ed25519.PublicKey) string { return rootPrefix + b64.EncodeToString(pub) }

// ParseRootKey reads the text form of a root public key.
func ParseRootKey(text string) (ed25519.PublicKey, error) { return parseKey(rootPrefix, "root", text) }

func parseKey(prefix, what, text string) (ed25519.PublicKey, error) {
	raw, ok := strings.CutPrefix(strings.TrimSpace(text), prefix)
	if !ok {
		return nil, fmt.Errorf("%w: a %s public key starts with %s", ErrBadKey, what, prefix)
	}
	b, err := b64.DecodeString(raw)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: the key is cut short or mistyped", ErrBadKey)
	}
	if weak(b) {
		return nil, fmt.Errorf("%w: this %s key is not a usable key (all zeros or a point of small order)", ErrBadKey, what)
	}
	return ed25519.PublicKey(b), nil
}

// weak reports a public key that a signature check must not rely on: bytes that are no
// point of the curve, a point written in a non-canonical way, or a point of small order
// (all zeros is one). Signatures "by" a small-order key can be forged without any private
// key, so such a key never enters a certificate or the list of roots.
func weak(pub []byte) bool {
	p, err := new(edwards25519.Point).SetBytes(pub)
	if err != nil || !bytes.Equal(p.Bytes(), pub) {
		return true
	}
	return new(edwards25519.Point).MultByCofactor(p).Equal(edwards25519.NewIdentityPoint()) == 1
}

// Signer is a private signing key, staff or root, and the name it signs as.
type Signer struct {
	Name string
	Key  ed25519.PrivateKey
}

// NewSigner makes a fresh signing key from random.
func NewSigner(name string, random io.Reader) (Signer, error) {
	_, priv, err := ed25519.GenerateKey(random)
	if err != nil {
		return Signer{}, fmt.Errorf("generate signing key: %w", err)
	}
	return Signer{Name: name, Key: priv}, nil
}

// Public is the signer's public key.
func (s Signer) Public() ed25519.PublicKey { return s.Key.Public().(ed25519.PublicKey) }

// Root is the signer's public key as a root that certifies staff keys.
func (s Signer) Root() Root { return Root{ID: RootID(s.Public()), Name: s.Name, Key: s.Public()} }

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
