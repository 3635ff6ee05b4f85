package apikey

import (
	"io"
	"strings"
)

// ClientOnly is the access level of Proof's client-only keys, made for client-facing pages
// (an EasyLink): they may only create transactions and Proof says they can be freely
// exposed. This app never makes them; a scanner still has to tell them apart.
const ClientOnly Access = "client"

// Shape is one way a Proof key starts: its prefix, and what the prefix says the key is.
type Shape struct {
	Prefix      string
	Environment Environment
	Access      Access
}

// Shapes lists the prefix of every kind of Proof key: full-access keys (prf_, prf_test_)
// and client-only keys (prf_cli_, prf_cli_test_). No two are confused: a key's body is
// base62, which has no underscore, so "prf_cli_…" is never a production key's body.
var Shapes = []Shape{
	{Prefix: "prf_cli_test_", Environment: Sandbox, Access: ClientOnly},
	{Prefix: "prf_cli_", Environment: Production, Access: ClientOnly},
	{Prefix: "prf_test_", Environment: Sandbox, Access: FullAccess},
	{Prefix: "prf_", Environment: Production, Access: FullAccess},
}

// ShapeOf returns the shape whose prefix s starts with, the longest first.
func ShapeOf(s string) (Shape, bool) {
	for _, sh := range Shapes {
		if strings.HasPrefix(s, sh.Prefix) {
			return sh, true
		}
	}
	return Shape{}, false
}

// ParseAny is Parse for every kind of Proof key, client-only ones included: what a scanner
// looking for exposed keys needs. Parsed.Access says which kind it is.
func ParseAny(s string) (Parsed, error) {
	if s == "" {
		return Parsed{}, ErrEmpty
	}
	sh, ok := ShapeOf(s)
	if !ok {
		return Parsed{}, ErrPrefix
	}
	return parseShape(s, sh)
}

// Generate makes a new secret of this shape from r, a cryptographic source. The app makes
// full-access keys only (Generate); tests and benchmarks make the other shapes with it.
func (sh Shape) Generate(r io.Reader) (string, error) {
	random, err := randomBase62(r, RandomLength)
	if err != nil {
		return "", err
	}
	body := sh.Prefix + random
	return body + checksum(body), nil
}

// Hint is the form a list shows, such as "prf_cli_…x7Qa": the key's prefix, an ellipsis,
// its last four characters.
func (p Parsed) Hint() string {
	for _, sh := range Shapes {
		if sh.Environment == p.Environment && sh.Access == p.Access {
			return sh.Prefix + "…" + p.Last4
		}
	}
	return Hint(p.Environment, p.Last4)
}
