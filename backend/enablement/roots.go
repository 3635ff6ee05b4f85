package enablement

import (
	"crypto/ed25519"
	"fmt"
	"strings"
)

// Root is a Proof root public key: the start of trust. A root signs staff certificates;
// it never signs codes itself.
type Root struct {
	ID   string
	Name string
	Key  ed25519.PublicKey
	// Demo marks the root a demo organization made for itself; it is never Proof's.
	Demo bool
}

// builtInRoots is the list of Proof's roots, empty in the source. Proof's release build
// sets it, so that only its own binaries trust its roots:
//
//	go build -ldflags "-X 'proofkeys/backend/enablement.builtInRoots=pkroot1_... Proof root 2026;pkroot1_... Proof root 2027'"
//
// Entries are "PUBLIC-KEY NAME", separated by ";" or new lines. Two roots at once let a
// root be rotated: certificates from the old one keep working until they expire.
var builtInRoots string

// DevRootsEnv names the environment variable that the dev build (-tags dev), and only
// it, reads for more roots, in the same form as builtInRoots: the end-to-end tests and a
// developer's own root. A release build never reads it.
const DevRootsEnv = "PROOFKEYS_DEV_ROOTS"

// BuiltInRoots are the roots this binary was built with.
func BuiltInRoots() []Root {
	roots, err := ParseRoots(builtInRoots)
	if err != nil {
		// a release built with a broken list must not start trusting less than it says
		panic("enablement: the built-in roots: " + err.Error())
	}
	return roots
}

// Roots are the roots this copy of proofkeys trusts: the built-in ones, and in the dev
// build those of DevRootsEnv.
func Roots() []Root { return append(BuiltInRoots(), devRoots()...) }

// ParseRoots reads entries of "PUBLIC-KEY NAME", separated by ";" or new lines; blank
// entries and # comments are skipped.
func ParseRoots(text string) ([]Root, error) {
	var out []Root
	for n, entry := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '\n' }) {
		entry = strings.TrimSpace(entry)
		if entry == "" || strings.HasPrefix(entry, "#") {
			continue
		}
		keyText, name, _ := strings.Cut(entry, " ")
		pub, err := ParseRootKey(keyText)
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", n+1, err)
		}
		out = append(out, Root{ID: RootID(pub), Name: strings.TrimSpace(name), Key: pub})
	}
	return out, nil
}

// FormatRoot is the entry ParseRoots reads for r.
func FormatRoot(r Root) string { return strings.TrimSpace(FormatRootKey(r.Key) + " " + r.Name) }
