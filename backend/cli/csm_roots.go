package cli

import (
	"fmt"

	"proofkeys/backend/enablement"
)

// csmRoots prints the Proof roots this binary trusts, one line each, so a release can be
// checked for the roots it was built with.
func csmRoots(env Env, args []string) int {
	f, _ := csmFlags("roots", env)
	if code, ok := f.parse(args); !ok {
		return code
	}
	roots := enablement.Roots()
	if len(roots) == 0 {
		fmt.Fprintln(env.Stderr, "This copy of proofkeys trusts no Proof root: it accepts no enablement code. Release builds list Proof's roots (README: Proof's root keys).")
	}
	for _, r := range roots {
		fmt.Fprintf(env.Stdout, "%s  (%s)\n", enablement.FormatRoot(r), r.ID)
	}
	return ExitOK
}
