package access

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Organization IDs are read aloud on calls and typed into `proofkeys csm issue`, so they
// use Crockford's base32 alphabet (no I, L, O or U: nothing to confuse with 1, 0 or V) and
// end with a check character:
//
//	org_7XK2M9QHD4V1T   twelve random characters (60 bits) and one check character
//
// The check character makes the weighted sum of all thirteen values zero in GF(32), the
// field of 32 elements, with weights a^1, a^2, ... a^13 for a primitive element a. So a
// single wrong character always changes the sum (each weight is non-zero), and so does a
// swap of any two different characters (a has order 31, so no two weights among thirteen
// are equal), neighbours included: every such slip is caught before a code is made.
//
// Reading is forgiving where Crockford says so: lower case is upper case, O is 0, I and L
// are 1, and hyphens or spaces a person adds are ignored.
//
// Organizations set up before these IDs keep their ID: sixteen base62 characters after
// org_ (org_v4pukOcO7xwgicz1). Such an ID is accepted as it is, case and all; it has no
// check character.

const (
	orgPrefix     = "org_"
	orgRandomLen  = 12
	orgIDLen      = orgRandomLen + 1
	legacyOrgLen  = 16
	crockford     = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	base62Letters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)

var (
	// ErrOrgIDMalformed means the text is not an Organization ID.
	ErrOrgIDMalformed = errors.New("this is not an Organization ID")
	// ErrOrgIDMistyped means the ID has the right form, but its check character does not match:
	// a character is wrong or two are swapped.
	ErrOrgIDMistyped = errors.New("this Organization ID is mistyped")
)

// NewOrgID draws a new Organization ID from random.
func NewOrgID(random io.Reader) (string, error) {
	b := make([]byte, orgRandomLen)
	if _, err := io.ReadFull(random, b); err != nil {
		return "", fmt.Errorf("organization ID: %w", err)
	}
	values := make([]byte, orgIDLen)
	for i, x := range b {
		values[i] = x & 31 // 256 is a multiple of 32: every character equally likely
	}
	values[orgRandomLen] = checkValue(values[:orgRandomLen])
	return orgPrefix + spell(values), nil
}

// ParseOrgID reads an Organization ID as a person typed it and returns it in the form
// the app stores. A new-form ID whose check character does not match is ErrOrgIDMistyped;
// an old-form ID (LegacyOrgID) is returned exactly as given.
func ParseOrgID(text string) (string, error) {
	text = strings.TrimSpace(text)
	if len(text) < len(orgPrefix) || !strings.EqualFold(text[:len(orgPrefix)], orgPrefix) {
		return "", fmt.Errorf("%w: it starts with %s", ErrOrgIDMalformed, orgPrefix)
	}
	rest := text[len(orgPrefix):]
	if LegacyOrgID(orgPrefix + rest) {
		return orgPrefix + rest, nil
	}
	values, err := readCrockford(strings.NewReplacer("-", "", " ", "").Replace(rest))
	if err != nil {
		return "", err
	}
	if weightedSum(values) != 0 {
		return "", fmt.Errorf("%w: a character is wrong or two are swapped", ErrOrgIDMistyped)
	}
	return orgPrefix + spell(values), nil
}

// LegacyOrgID reports whether id is in the form organizations had before check
// characters: org_ and sixteen base62 characters.
func LegacyOrgID(id string) bool {
	rest, ok := strings.CutPrefix(id, orgPrefix)
	if !ok || len(rest) != legacyOrgLen {
		return false
	}
	for _, r := range rest {
		if !strings.ContainsRune(base62Letters, r) {
			return false
		}
	}
	return true
}

// readCrockford turns the characters after org_ into their values.
func readCrockford(s string) ([]byte, error) {
	if len(s) != orgIDLen {
		return nil, fmt.Errorf("%w: it has %d characters after %s, not %d", ErrOrgIDMalformed, len(s), orgPrefix, orgIDLen)
	}
	out := make([]byte, len(s))
	for i := range len(s) {
		c := strings.NewReplacer("O", "0", "I", "1", "L", "1").Replace(strings.ToUpper(s[i : i+1]))
		v := strings.Index(crockford, c)
		if v < 0 {
			return nil, fmt.Errorf("%w: %q is not one of its characters (0-9 and A-Z without I, L, O, U)", ErrOrgIDMalformed, s[i:i+1])
		}
		out[i] = byte(v)
	}
	return out, nil
}

func spell(values []byte) string {
	b := make([]byte, len(values))
	for i, v := range values {
		b[i] = crockford[v]
	}
	return string(b)
}

// checkValue is the one value that makes the weighted sum of body and itself zero.
func checkValue(body []byte) byte {
	values := append(append([]byte(nil), body...), 0)
	for c := range byte(32) {
		values[len(body)] = c
		if weightedSum(values) == 0 {
			return c
		}
	}
	panic("access: no check character") // cannot happen: the last weight is non-zero
}

// weightedSum is the sum of a^(i+1)*v[i] in GF(32); addition there is XOR.
func weightedSum(values []byte) byte {
	var sum, weight byte = 0, 1
	for _, v := range values {
		weight = gfMul(weight, 2)
		sum ^= gfMul(weight, v)
	}
	return sum
}

// gfMul multiplies in GF(32) built on x^5 + x^2 + 1, a primitive polynomial: x (here 2)
// then has order 31.
func gfMul(a, b byte) byte {
	var p byte
	for range 5 {
		if b&1 != 0 {
			p ^= a
		}
		b >>= 1
		a <<= 1
		if a&32 != 0 {
			a ^= 0b100101
		}
	}
	return p
}
