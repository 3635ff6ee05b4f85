package enablement

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"proofkeys/backend/access"
)

const (
	codePrefix = "PKEN2"
	// oldCodePrefix marks the codes of earlier versions, signed by a staff key alone.
	oldCodePrefix = "PKEN1"
)

var (
	// ErrMalformed means the text is not an enablement code (cut short, or not one at all).
	ErrMalformed = errors.New("this is not an enablement code")
	// ErrOldForm means a code in the form of earlier versions, without Proof's certificate.
	ErrOldForm = errors.New("this code is in an old form that proofkeys no longer accepts")
	// ErrTampered means the code or the certificate it carries was changed after signing.
	ErrTampered = errors.New("the code was changed after Proof signed it")
	// ErrUntrusted means the code's certificate is signed by a root this copy of proofkeys does not know.
	ErrUntrusted = errors.New("the code is not signed by a Proof key this copy of proofkeys knows")
	// ErrOtherOrg means the code was issued for another organization.
	ErrOtherOrg = errors.New("the code is for another organization")
	// ErrExpired means the code was not applied in time.
	ErrExpired = errors.New("the code has expired")
	// ErrUnknownGrant means the code names something the app does not know.
	ErrUnknownGrant = errors.New("the code names an unknown grant")
)

// Request is what a staff member asks for: grants given (or withdrawn) for one org.
type Request struct {
	Org      string
	Grants   []access.Grant
	Withdraw bool
	// ExpiresAt, if set, is the last moment the code may be applied.
	ExpiresAt time.Time
}

// Payload is what a code says, once verified, and the chain that vouches for it.
type Payload struct {
	Version   int            `json:"v"`
	Org       string         `json:"org"`
	Grants    []access.Grant `json:"grants"`
	Withdraw  bool           `json:"withdraw,omitempty"`
	IssuedAt  time.Time      `json:"iat"`
	ExpiresAt time.Time      `json:"exp,omitzero"`
	CodeID    string         `json:"id"`
	// CertID binds the code to the certificate it travels with.
	CertID string `json:"cert"`

	// Issuer and KeyID are the certified staff member and their key; Certificate and Root
	// the chain. They come from the certificate, never from the code itself.
	Issuer      string      `json:"-"`
	KeyID       string      `json:"-"`
	Certificate Certificate `json:"-"`
	Root        Root        `json:"-"`
}

// Refusal is a refused code together with what it says about itself, so the person is
// told which organization it was made for and by whom. It unwraps to the reason, one of
// the sentinel errors.
type Refusal struct {
	Reason error
	Org    string
	Issuer string
}

// Error is the reason, then the organization and the staff member the code names.
func (r *Refusal) Error() string {
	return fmt.Sprintf("%v (a code made for organization %s by %s)", r.Reason, r.Org, r.Issuer)
}

// Unwrap is the reason, so errors.Is finds the sentinel.
func (r *Refusal) Unwrap() error { return r.Reason }

// Issue signs r as a code, issued now by staff, who holds the certificate cert. It refuses
// a code the certificate does not cover, and a mistyped Organization ID.
func Issue(staff Signer, cert string, r Request, now time.Time, random io.Reader) (string, error) {
	certParts, err := splitText(cert, certPrefix, 1)
	if err != nil {
		return "", fmt.Errorf("your certificate: %w", err)
	}
	c, err := decodeCert(certParts[0])
	if err != nil {
		return "", fmt.Errorf("your certificate: %w", err)
	}
	if c.Key != FormatPublicKey(staff.Public()) {
		return "", fmt.Errorf("%w: the certificate is for another staff key", ErrTampered)
	}
	if err := checkGrants(r.Grants); err != nil {
		return "", err
	}
	if err := c.allows(r.Grants, now); err != nil {
		return "", err
	}
	org, err := access.ParseOrgID(r.Org)
	if err != nil {
		return "", err
	}
	id, err := randomID("enc_", random)
	if err != nil {
		return "", err
	}
	p := Payload{Version: 2, Org: org, Grants: r.Grants, Withdraw: r.Withdraw,
		IssuedAt: now.UTC().Truncate(time.Second), CodeID: id, CertID: c.ID}
	if !r.ExpiresAt.IsZero() {
		p.ExpiresAt = r.ExpiresAt.UTC().Truncate(time.Second)
	}
	body, err := seal(staff.Key, codeContext, p)
	if err != nil {
		return "", err
	}
	return codePrefix + "." + certParts[0].String() + "." + body, nil
}

// Verify checks code for organization org at time now, from the roots of t alone: the
// root signed the certificate, the certificate is in force and covers the grants, its key
// signed the code, and the code is for org and not expired. Each refusal is one of the
// sentinel errors above, inside a Refusal once the code can be read.
func Verify(code, org string, t Trust, now time.Time) (Payload, error) {
	if prefixOf(code) == oldCodePrefix {
		return Payload{}, ErrOldForm
	}
	parts, err := splitText(code, codePrefix, 2)
	if err != nil {
		return Payload{}, err
	}
	c, err := decodeCert(parts[0])
	if err != nil {
		return Payload{}, err
	}
	var p Payload
	if err := parts[1].decode(&p); err != nil || p.Version != 2 {
		return Payload{}, fmt.Errorf("%w: it is cut short or mistyped", ErrMalformed)
	}
	p.Issuer, p.Certificate = c.Name, c
	if err := verifyChain(&p, parts, t, now); err != nil {
		return p, &Refusal{Reason: err, Org: p.Org, Issuer: p.Issuer}
	}
	if p.Org != org {
		return p, &Refusal{Reason: fmt.Errorf("%w (this one is %s)", ErrOtherOrg, org), Org: p.Org, Issuer: p.Issuer}
	}
	if !p.ExpiresAt.IsZero() && now.After(p.ExpiresAt) {
		err := fmt.Errorf("%w (it was valid until %s)", ErrExpired, p.ExpiresAt.Format(time.RFC3339))
		return p, &Refusal{Reason: err, Org: p.Org, Issuer: p.Issuer}
	}
	return p, nil
}

// verifyChain checks root, certificate and code signature, in that order, and fills in
// what the certificate vouches for.
func verifyChain(p *Payload, parts []sealed, t Trust, now time.Time) error {
	c := p.Certificate
	i := slices.IndexFunc(t.Roots, func(r Root) bool { return r.ID == c.RootID })
	if i < 0 {
		return fmt.Errorf("%w (its certificate names root %s)", ErrUntrusted, c.RootID)
	}
	if !parts[0].verify(t.Roots[i].Key, certContext) {
		return fmt.Errorf("%w: the staff certificate in it was changed", ErrTampered)
	}
	pub, err := ParsePublicKey(c.Key)
	if err != nil {
		return err
	}
	if !parts[1].verify(pub, codeContext) || p.CertID != c.ID {
		return ErrTampered
	}
	p.Root, p.KeyID = t.Roots[i], KeyID(pub)
	if err := checkGrants(p.Grants); err != nil {
		return err
	}
	if t.Revoked != nil && t.Revoked(c.ID) {
		return fmt.Errorf("%w (%s, certificate %s)", ErrRevoked, c.Name, c.ID)
	}
	if p.IssuedAt.Before(c.NotBefore) {
		return fmt.Errorf("%w: the code is dated before the certificate", ErrCertExpired)
	}
	return c.allows(p.Grants, now)
}

func checkGrants(grants []access.Grant) error {
	if len(grants) == 0 {
		return fmt.Errorf("%w: none given", ErrUnknownGrant)
	}
	var e access.Enablement
	for _, g := range grants {
		if !e.Set(g, true) {
			return fmt.Errorf("%w %q", ErrUnknownGrant, g)
		}
	}
	return nil
}
