package seal

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"

	"filippo.io/age"

	"proofkeys/backend/vault"
)

// Identity is a member's private keys in a shared organization: the age identity that
// opens envelopes sealed to them, and the Ed25519 key that signs their audit events. Both
// live only in the member's OS vault; their public halves go in the member's record.
type Identity struct {
	x    *age.X25519Identity
	sign ed25519.PrivateKey
}

// NewIdentity makes a fresh identity.
func NewIdentity() (Identity, error) {
	x, err := age.GenerateX25519Identity()
	if err != nil {
		return Identity{}, fmt.Errorf("make a key for sealed secrets: %w", err)
	}
	_, sign, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return Identity{}, fmt.Errorf("make a key for signing: %w", err)
	}
	return Identity{x: x, sign: sign}, nil
}

// Recipient is the public half of the envelope key, published so that others can seal to
// this member.
func (i Identity) Recipient() string { return i.x.Recipient().String() }

// SigningKey is the public half of the signing key (base64), published so that every
// desktop can verify this member's events.
func (i Identity) SigningKey() string {
	return base64.StdEncoding.EncodeToString(i.sign.Public().(ed25519.PublicKey))
}

// Sign signs msg with the member's signing key.
func (i Identity) Sign(msg []byte) []byte { return ed25519.Sign(i.sign, msg) }

// Verify reports whether sig is the signature of msg by the holder of signingKey (as
// SigningKey gives it).
func Verify(signingKey string, msg, sig []byte) bool {
	pub, err := base64.StdEncoding.DecodeString(signingKey)
	return err == nil && len(pub) == ed25519.PublicKeySize && ed25519.Verify(pub, msg, sig)
}

// Vault keeps secrets by ID (vault.Vault).
type Vault interface {
	Set(id, secret, label string) error
	Get(id string) (string, error)
}

// Where memberID's keys live in the OS vault.
func ageID(memberID string) string  { return "age-identity-" + memberID }
func signID(memberID string) string { return "signing-key-" + memberID }

// LoadOrCreate returns memberID's identity from v, making and storing one the first time
// (when the member joins a shared organization on this computer).
func LoadOrCreate(v Vault, memberID string) (Identity, error) {
	s, err := v.Get(ageID(memberID))
	if errors.Is(err, vault.ErrNotFound) {
		return create(v, memberID)
	}
	if err != nil {
		return Identity{}, err
	}
	x, err := age.ParseX25519Identity(s)
	if err != nil {
		return Identity{}, ErrBadIdentity // the error would quote the identity
	}
	seed, err := v.Get(signID(memberID))
	if err != nil {
		return Identity{}, err
	}
	raw, err := base64.StdEncoding.DecodeString(seed)
	if err != nil || len(raw) != ed25519.SeedSize {
		return Identity{}, ErrBadIdentity
	}
	return Identity{x: x, sign: ed25519.NewKeyFromSeed(raw)}, nil
}

// create makes memberID's identity and stores it, the signing key first: an identity is
// looked up by its age half, so a failure in between leaves nothing half made.
func create(v Vault, memberID string) (Identity, error) {
	id, err := NewIdentity()
	if err != nil {
		return Identity{}, err
	}
	seed := base64.StdEncoding.EncodeToString(id.sign.Seed())
	if err := v.Set(signID(memberID), seed, "proofkeys: signing key of member "+memberID); err != nil {
		return Identity{}, err
	}
	if err := v.Set(ageID(memberID), id.x.String(), "proofkeys: key for sealed secrets of member "+memberID); err != nil {
		return Identity{}, err
	}
	return id, nil
}
