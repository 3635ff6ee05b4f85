package enablement

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// Every signed thing here is "<base64url of JSON>.<base64url of the signature>", signed
// over a context string and the base64 text as it appears, so nothing is re-encoded
// before it is checked, and a signature made for one kind of thing (a certificate) can
// never pass as another (a code).
const (
	requestContext    = "proofkeys certificate request v1\n"
	certContext       = "proofkeys staff certificate v1\n"
	codeContext       = "proofkeys enablement code v2\n"
	revocationContext = "proofkeys certificate revocation v1\n"
)

// sealed is one signed part: the body as written and its signature.
type sealed struct {
	body string
	sig  []byte
}

// String is s as it appears in a text.
func (s sealed) String() string { return s.body + "." + b64.EncodeToString(s.sig) }

// seal signs v's JSON under context.
func seal(key ed25519.PrivateKey, context string, v any) (string, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	body := b64.EncodeToString(raw)
	return body + "." + b64.EncodeToString(ed25519.Sign(key, []byte(context+body))), nil
}

// verify checks s's signature by pub under context.
func (s sealed) verify(pub ed25519.PublicKey, context string) bool {
	return ed25519.Verify(pub, []byte(context+s.body), s.sig)
}

// decode reads s's JSON into v.
func (s sealed) decode(v any) error {
	raw, err := b64.DecodeString(s.body)
	if err != nil || json.Unmarshal(raw, v) != nil {
		// a changed byte usually breaks the JSON before the signature is checked
		return fmt.Errorf("%w: it is cut short or mistyped", ErrMalformed)
	}
	return nil
}

// splitText takes a text apart into its prefix and signed parts; whitespace (a text
// wrapped in an email) is ignored. It wants exactly n signed parts.
func splitText(text, prefix string, n int) ([]sealed, error) {
	text = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
	parts := strings.Split(text, ".")
	if len(parts) != 1+2*n || parts[0] != prefix {
		return nil, fmt.Errorf("%w: it starts with %s. and has %d parts", ErrMalformed, prefix, 1+2*n)
	}
	out := make([]sealed, n)
	for i := range out {
		sig, err := b64.DecodeString(parts[2+2*i])
		if err != nil || len(sig) != ed25519.SignatureSize {
			return nil, fmt.Errorf("%w: a signature in it is cut short", ErrMalformed)
		}
		out[i] = sealed{body: parts[1+2*i], sig: sig}
	}
	return out, nil
}

// prefixOf is the text's first part, so a caller can tell a code from a revocation.
func prefixOf(text string) string {
	head, _, _ := strings.Cut(strings.TrimSpace(text), ".")
	return head
}
