package enablement

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

const revocationPrefix = "PKRV1"

// Revocation is a root's word that staff certificates must no longer be trusted. An
// organization hears of it when an Owner or Admin pastes it like a code, or when a code
// arrives whose certificate lists it (Certificate.Revokes).
type Revocation struct {
	Version   int       `json:"v"`
	Certs     []string  `json:"certs"`
	Reason    string    `json:"reason,omitempty"`
	RevokedAt time.Time `json:"iat"`
	RootID    string    `json:"root"`
}

// Revoke signs a revocation of the certificates certIDs with root.
func Revoke(root Signer, certIDs []string, reason string, now time.Time) (string, error) {
	if len(certIDs) == 0 {
		return "", fmt.Errorf("%w: no certificate to revoke", ErrMalformed)
	}
	for _, id := range certIDs {
		if !strings.HasPrefix(id, "crt_") {
			return "", fmt.Errorf("%w: %q is not a certificate ID (crt_...)", ErrMalformed, id)
		}
	}
	r := Revocation{Version: 1, Certs: certIDs, Reason: strings.TrimSpace(reason),
		RevokedAt: now.UTC().Truncate(time.Second), RootID: RootID(root.Public())}
	body, err := seal(root.Key, revocationContext, r)
	return revocationPrefix + "." + body, err
}

// IsRevocation reports whether text is a revocation rather than a code, so the page
// that takes codes can take both.
func IsRevocation(text string) bool { return prefixOf(text) == revocationPrefix }

// VerifyRevocation checks a revocation against the roots of t.
func VerifyRevocation(text string, t Trust) (Revocation, error) {
	parts, err := splitText(text, revocationPrefix, 1)
	if err != nil {
		return Revocation{}, err
	}
	var r Revocation
	if err := parts[0].decode(&r); err != nil {
		return r, err
	}
	i := slices.IndexFunc(t.Roots, func(root Root) bool { return root.ID == r.RootID })
	if i < 0 {
		return r, fmt.Errorf("%w (the revocation names root %s)", ErrUntrusted, r.RootID)
	}
	if r.Version != 1 || !parts[0].verify(t.Roots[i].Key, revocationContext) {
		return r, fmt.Errorf("%w: the revocation was changed after Proof signed it", ErrTampered)
	}
	return r, nil
}
