package invite

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// prefix starts every code, so that a code pasted in the wrong place is recognized.
const prefix = "proofkeys-invite-1:"

// Code is what an invite code carries. None of it is secret except Token, which is good
// once, until Expires.
type Code struct {
	// Endpoints are the etcd client addresses (host:port), several for a cluster.
	Endpoints []string `json:"endpoints"`
	// Join is the address (host:port) of the server's join service.
	Join string `json:"join"`
	// CA is the SHA-256 of the DER of the server's certificate authority, hex.
	CA string `json:"ca"`
	// Prefix is the organization's place on the server.
	Prefix string `json:"prefix"`
	// Member is the member the code is for: "" for the first desktop of an organization
	// (set up on the server, or moved to it).
	Member  string    `json:"member,omitempty"`
	Token   string    `json:"token"`
	Expires time.Time `json:"expires"`
}

// String is the code as a person copies it: one line, no spaces.
func (c Code) String() string {
	raw, _ := json.Marshal(c) // a struct of strings and a time: cannot fail
	return prefix + base64.RawURLEncoding.EncodeToString(raw)
}

// Parse reads a pasted code, forgiving spaces and line breaks a mail program adds.
func Parse(s string) (Code, error) {
	s = strings.Join(strings.Fields(s), "")
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return Code{}, ErrBadCode
	}
	raw, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil {
		return Code{}, fmt.Errorf("%w: %w", ErrBadCode, err)
	}
	var c Code
	if err := json.Unmarshal(raw, &c); err != nil {
		return Code{}, fmt.Errorf("%w: %w", ErrBadCode, err)
	}
	if len(c.Endpoints) == 0 || c.Join == "" || len(c.CA) != 64 || c.Token == "" || c.Prefix == "" {
		return Code{}, ErrBadCode
	}
	return c, nil
}

// Fingerprint is how a code names a certificate: the SHA-256 of its DER, hex.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

// TokenID is what the server keeps of a token: its hash, so that a copy of the server's
// data cannot be turned back into a working code.
func TokenID(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
