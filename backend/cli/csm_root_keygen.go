package cli

import (
	"fmt"

	"proofkeys/backend/enablement"
)

// csmRootKeygen makes a Proof root key in the vault of whoever is to hold it, and prints
// the line the release build lists among its roots (and the dev build reads from
// PROOFKEYS_DEV_ROOTS).
func csmRootKeygen(env Env, args []string) int {
	f, keyName := csmFlags("root-keygen", env)
	name := f.String("name", "", "the root's name, e.g. \"Proof root 2026\" (required)")
	replace := f.Bool("replace", false, "replace an existing root key of this --key-name")
	if code, ok := f.parse(args); !ok {
		return code
	}
	h, err := makeKey(rootKind, *keyName, *name, *replace)
	if err != nil {
		return keyFailed(env, "root-keygen", err)
	}
	fmt.Fprintf(env.Stderr, "Made root key %s in %s. The release build lists the line below among its roots\n",
		enablement.RootID(h.signer.Public()), h.vault.Backend())
	fmt.Fprintf(env.Stderr, "(see README: Proof's root keys); a dev build reads it from %s.\n", enablement.DevRootsEnv)
	fmt.Fprintln(env.Stdout, enablement.FormatRoot(h.signer.Root()))
	return ExitOK
}
