package cli

import (
	"fmt"
	"strings"
	"time"

	"proofkeys/backend/enablement"
)

// csmRevoke is run by whoever holds a Proof root key: it prints a revocation of staff
// certificates, which an organization's Owner or Admin pastes like a code. Certificates
// made later with `csm certify --revoke` carry it too.
func csmRevoke(env Env, args []string) int {
	f, keyName := csmFlags("revoke", env)
	certs := f.String("cert", "", "comma-separated certificate IDs (crt_...) to revoke (required)")
	reason := f.String("reason", "", "why, in a few words the organization will see, e.g. \"key lost\"")
	if code, ok := f.parse(args); !ok {
		return code
	}
	var ids []string
	for _, id := range strings.Split(*certs, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return usageError(env, "revoke", fmt.Errorf("--cert: name the certificates to revoke (crt_...)"))
	}
	root, err := loadKey(rootKind, *keyName)
	if err != nil {
		return keyFailed(env, "revoke", err)
	}
	text, err := enablement.Revoke(root.signer, ids, *reason, time.Now())
	if err != nil {
		return usageError(env, "revoke", err)
	}
	fmt.Fprintf(env.Stderr, "Revocation of %s by %s (%s)\n", strings.Join(ids, ", "), root.signer.Name,
		enablement.RootID(root.signer.Public()))
	fmt.Fprintln(env.Stdout, text)
	return ExitOK
}
