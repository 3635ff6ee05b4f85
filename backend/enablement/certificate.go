package enablement

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"proofkeys/backend/access"
)

const (
	requestPrefix = "PKREQ1"
	certPrefix    = "PKCERT1"
)

var (
	// ErrCertExpired means the staff certificate is not valid at this time.
	ErrCertExpired = errors.New("the Proof staff member's certificate has expired")
	// ErrRevoked means Proof has revoked the staff certificate.
	ErrRevoked = errors.New("the staff member's certificate was revoked by Proof")
	// ErrGrantNotCertified means the certificate does not let its staff member issue a grant.
	ErrGrantNotCertified = errors.New("the Proof staff member's certificate does not allow this grant")
)

// CertRequest is what a staff member sends to be certified: their name and public key,
// signed by that key, so the request cannot name a key its sender does not hold.
type CertRequest struct {
	Version  int       `json:"v"`
	Name     string    `json:"name"`
	Key      string    `json:"key"`
	IssuedAt time.Time `json:"iat"`
}

// NewCertRequest is s's request for a certificate, as text to send.
func NewCertRequest(s Signer, now time.Time) (string, error) {
	if strings.TrimSpace(s.Name) == "" {
		return "", fmt.Errorf("%w: a request needs the staff member's name", ErrMalformed)
	}
	r := CertRequest{Version: 1, Name: strings.TrimSpace(s.Name), Key: FormatPublicKey(s.Public()),
		IssuedAt: now.UTC().Truncate(time.Second)}
	body, err := seal(s.Key, requestContext, r)
	return requestPrefix + "." + body, err
}

// ReadCertRequest checks a request's signature by the key it names and returns it.
func ReadCertRequest(text string) (CertRequest, error) {
	parts, err := splitText(text, requestPrefix, 1)
	if err != nil {
		return CertRequest{}, err
	}
	var r CertRequest
	if err := parts[0].decode(&r); err != nil {
		return r, err
	}
	pub, err := ParsePublicKey(r.Key)
	if err != nil {
		return r, err
	}
	if r.Version != 1 || !parts[0].verify(pub, requestContext) {
		return r, fmt.Errorf("%w: the request was changed after it was made", ErrTampered)
	}
	return r, nil
}

// Certificate is a root's word that a staff key belongs to a named Proof staff member,
// who may issue the grants listed, from NotBefore to NotAfter.
type Certificate struct {
	Version   int            `json:"v"`
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Key       string         `json:"key"`
	Grants    []access.Grant `json:"grants"`
	NotBefore time.Time      `json:"nbf"`
	NotAfter  time.Time      `json:"exp"`
	RootID    string         `json:"root"`
	// Revokes are earlier certificates this root has revoked: every code this certificate
	// signs carries the news to the organizations that paste it.
	Revokes []string `json:"revokes,omitempty"`
}

// Terms are what a root grants in a certificate.
type Terms struct {
	Grants              []access.Grant
	NotBefore, NotAfter time.Time
	Revokes             []string
}

// Certify signs a certificate for the request's key with root, on t's terms.
func Certify(root Signer, r CertRequest, t Terms, random io.Reader) (string, Certificate, error) {
	if err := checkGrants(t.Grants); err != nil {
		return "", Certificate{}, err
	}
	if _, err := ParsePublicKey(r.Key); err != nil {
		return "", Certificate{}, err
	}
	if !t.NotAfter.After(t.NotBefore) {
		return "", Certificate{}, fmt.Errorf("%w: it would end before it starts", ErrCertExpired)
	}
	id, err := randomID("crt_", random)
	if err != nil {
		return "", Certificate{}, err
	}
	c := Certificate{Version: 1, ID: id, Name: r.Name, Key: r.Key, Grants: t.Grants,
		NotBefore: t.NotBefore.UTC().Truncate(time.Second), NotAfter: t.NotAfter.UTC().Truncate(time.Second),
		RootID: RootID(root.Public()), Revokes: t.Revokes}
	body, err := seal(root.Key, certContext, c)
	return certPrefix + "." + body, c, err
}

// ReadCertificate takes a certificate's text apart without checking its root: what a
// staff member installs next to their key. Codes are checked in full by Verify.
func ReadCertificate(text string) (Certificate, error) {
	parts, err := splitText(text, certPrefix, 1)
	if err != nil {
		return Certificate{}, err
	}
	return decodeCert(parts[0])
}

func decodeCert(s sealed) (Certificate, error) {
	var c Certificate
	if err := s.decode(&c); err != nil {
		return c, err
	}
	if c.Version != 1 {
		return c, fmt.Errorf("%w: an unknown kind of certificate", ErrMalformed)
	}
	return c, nil
}

// allows checks that c lets its holder sign grants at time now.
func (c Certificate) allows(grants []access.Grant, now time.Time) error {
	if now.Before(c.NotBefore) || now.After(c.NotAfter) {
		return fmt.Errorf("%w (%s's certificate is valid from %s to %s)", ErrCertExpired, c.Name,
			c.NotBefore.Format(time.DateOnly), c.NotAfter.Format(time.DateOnly))
	}
	for _, g := range grants {
		if !slices.Contains(c.Grants, g) {
			return fmt.Errorf("%w (%s may issue %s, not %s)", ErrGrantNotCertified, c.Name, grantList(c.Grants), g)
		}
	}
	return nil
}

func grantList(grants []access.Grant) string {
	s := make([]string, len(grants))
	for i, g := range grants {
		s[i] = string(g)
	}
	return strings.Join(s, ", ")
}

func randomID(prefix string, random io.Reader) (string, error) {
	b := make([]byte, 12)
	if _, err := io.ReadFull(random, b); err != nil {
		return "", fmt.Errorf("random ID: %w", err)
	}
	return prefix + hex.EncodeToString(b), nil
}
