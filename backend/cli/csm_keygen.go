package cli

import (
	"fmt"
	"time"

	"proofkeys/backend/enablement"
)

// csmKeygen makes a staff member's signing key in their vault and prints the request to
// send to whoever holds a Proof root key.
func csmKeygen(env Env, args []string) int {
	f, keyName := csmFlags("keygen", env)
	name := f.String("name", "", "your name as codes show it, e.g. \"Sam Lee, Proof CSM\" (required)")
	replace := f.Bool("replace", false, "replace an existing key of this --key-name (its certificate goes with it)")
	if code, ok := f.parse(args); !ok {
		return code
	}
	h, err := makeKey(staffKind, *keyName, *name, *replace)
	if err != nil {
		return keyFailed(env, "keygen", err)
	}
	fmt.Fprintf(env.Stderr, "Made staff key %s in %s.\n", enablement.KeyID(h.signer.Public()), h.vault.Backend())
	fmt.Fprintln(env.Stderr, "Send the request below to whoever holds Proof's root key (it holds no secret);")
	fmt.Fprintln(env.Stderr, "then keep the certificate you get back with `proofkeys csm install-cert --cert CERT`.")
	return printRequest(env, h)
}

// csmRequest prints the request of an existing staff key again.
func csmRequest(env Env, args []string) int {
	f, keyName := csmFlags("request", env)
	if code, ok := f.parse(args); !ok {
		return code
	}
	h, err := loadKey(staffKind, *keyName)
	if err != nil {
		return keyFailed(env, "request", err)
	}
	return printRequest(env, h)
}

func printRequest(env Env, h heldKey) int {
	req, err := enablement.NewCertRequest(h.signer, time.Now())
	if err != nil {
		return failed(env, "request", err)
	}
	fmt.Fprintln(env.Stdout, req)
	return ExitOK
}
