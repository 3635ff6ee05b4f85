package enablement

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"proofkeys/backend/access"
)

const (
	codePrefix = "PKEN1"
	// context is signed with the payload, so a signature made for anything else (another
	// format, another program using the same key) can never pass as a code.
	context = "proofkeys enablement code v1\n"
)

var (
	// ErrMalformed: the text is not an enablement code (cut short, or not one at all).
	ErrMalformed = errors.New("this is not an enablement code")
	// ErrTampered: the code was changed after it was signed.
	ErrTampered = errors.New("the code was changed after Proof signed it")
	// ErrUntrusted: the code was signed by a key this organization does not trust.
	ErrUntrusted = errors.New("the code is signed by a key this organization does not trust")
	// ErrOtherOrg: the code was issued for another organization.
	ErrOtherOrg = errors.New("the code is for another organization")
	// ErrExpired: the code was not applied in time.
	ErrExpired = errors.New("the code has expired")
	// ErrUnknownGrant: the code names something the app does not know.
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

// Payload is what a code says, once verified.
type Payload struct {
	Version   int            `json:"v"`
	Org       string         `json:"org"`
	Grants    []access.Grant `json:"grants"`
	Withdraw  bool           `json:"withdraw,omitempty"`
	IssuedAt  time.Time      `json:"iat"`
	ExpiresAt time.Time      `json:"exp,omitzero"`
	Issuer    string         `json:"iss"`
	KeyID     string         `json:"kid"`
	CodeID    string         `json:"id"`
}

// Issue signs r as a code, issued now by s.
func Issue(s Signer, r Request, now time.Time, random io.Reader) (string, error) {
	if err := checkGrants(r.Grants); err != nil {
		return "", err
	}
	if strings.TrimSpace(r.Org) == "" {
		return "", fmt.Errorf("%w: no organization ID", ErrMalformed)
	}
	nonce := make([]byte, 12)
	if _, err := io.ReadFull(random, nonce); err != nil {
		return "", fmt.Errorf("code ID: %w", err)
	}
	p := Payload{
		Version: 1, Org: strings.TrimSpace(r.Org), Grants: r.Grants, Withdraw: r.Withdraw,
		IssuedAt: now.UTC().Truncate(time.Second), Issuer: s.Name,
		KeyID: KeyID(s.Public()), CodeID: "enc_" + hex.EncodeToString(nonce),
	}
	if !r.ExpiresAt.IsZero() {
		p.ExpiresAt = r.ExpiresAt.UTC().Truncate(time.Second)
	}
	raw, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	body := b64.EncodeToString(raw)
	sig := ed25519.Sign(s.Key, signed(body))
	return codePrefix + "." + body + "." + b64.EncodeToString(sig), nil
}

// Verify checks code for organization org against the trusted keys at time now, and
// returns what it says. Each refusal is one of the sentinel errors above.
func Verify(code, org string, trusted []StaffKey, now time.Time) (Payload, error) {
	body, sig, err := split(code)
	if err != nil {
		return Payload{}, err
	}
	p, err := decode(body)
	if err != nil {
		return Payload{}, err
	}
	i := slices.IndexFunc(trusted, func(k StaffKey) bool { return k.ID == p.KeyID })
	if i < 0 {
		return p, fmt.Errorf("%w (key %s, issued by %q)", ErrUntrusted, p.KeyID, p.Issuer)
	}
	if !ed25519.Verify(trusted[i].Key, signed(body), sig) {
		return p, ErrTampered
	}
	if err := checkGrants(p.Grants); err != nil {
		return p, err
	}
	if p.Org != org {
		return p, fmt.Errorf("%w (%s, this one is %s)", ErrOtherOrg, p.Org, org)
	}
	if !p.ExpiresAt.IsZero() && now.After(p.ExpiresAt) {
		return p, fmt.Errorf("%w (it was valid until %s)", ErrExpired, p.ExpiresAt.Format(time.RFC3339))
	}
	return p, nil
}

// split takes the code apart; whitespace (a code wrapped in an email) is ignored.
func split(code string) (string, []byte, error) {
	code = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, code)
	parts := strings.Split(code, ".")
	if len(parts) != 3 || parts[0] != codePrefix {
		return "", nil, fmt.Errorf("%w: a code starts with %s. and has three parts", ErrMalformed, codePrefix)
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil || len(sig) != ed25519.SignatureSize {
		return "", nil, fmt.Errorf("%w: its signature is cut short", ErrMalformed)
	}
	return parts[1], sig, nil
}

func decode(body string) (Payload, error) {
	raw, err := b64.DecodeString(body)
	if err != nil {
		return Payload{}, fmt.Errorf("%w: it is cut short or mistyped", ErrMalformed)
	}
	var p Payload
	if err := json.Unmarshal(raw, &p); err != nil || p.Version != 1 {
		// a changed byte usually breaks the JSON before the signature is checked
		return Payload{}, fmt.Errorf("%w: it is cut short or mistyped", ErrMalformed)
	}
	return p, nil
}

func signed(body string) []byte { return []byte(context + body) }

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
