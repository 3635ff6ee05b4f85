//go:build dev

package enablement

import (
	"fmt"
	"os"
)

// devRoots reads DevRootsEnv; a broken list is said on standard error and trusts
// nothing, so that a typo cannot silently widen trust.
func devRoots() []Root {
	roots, err := ParseRoots(os.Getenv(DevRootsEnv))
	if err != nil {
		fmt.Fprintf(os.Stderr, "proofkeys (dev build): %s: %v\n", DevRootsEnv, err)
		return nil
	}
	return roots
}
