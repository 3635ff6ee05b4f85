package seal

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"filippo.io/age"
)

// Seal encrypts secret to every recipient (age X25519 public keys, "age1..."). The
// envelope holds no trace of the secret but its length.
func Seal(secret string, recipients []string) ([]byte, error) {
	if len(recipients) == 0 {
		return nil, ErrNoRecipients
	}
	rs := make([]age.Recipient, len(recipients))
	for i, s := range recipients {
		r, err := age.ParseX25519Recipient(s)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadRecipient, err)
		}
		rs[i] = r
	}
	var out bytes.Buffer
	w, err := age.Encrypt(&out, rs...)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	if _, err := io.WriteString(w, secret); err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	return out.Bytes(), nil
}

// Open decrypts an envelope with id. ErrNotForYou means it was sealed to others only.
func Open(envelope []byte, id Identity) (string, error) {
	if id.x == nil {
		return "", ErrNoIdentity
	}
	r, err := age.Decrypt(bytes.NewReader(envelope), id.x)
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		return "", ErrNotForYou
	}
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrBroken, err)
	}
	secret, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrBroken, err)
	}
	return string(secret), nil
}
