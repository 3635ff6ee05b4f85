package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"proofkeys/backend/enablement"
)

// csmInstallCert keeps the certificate a root holder sent back next to the staff key it
// certifies, so `csm issue` can put it in every code.
func csmInstallCert(env Env, args []string) int {
	f, keyName := csmFlags("install-cert", env)
	certText := f.String("cert", "", "the certificate `proofkeys csm certify` printed, or - to read it from standard input (required)")
	if code, ok := f.parse(args); !ok {
		return code
	}
	text, err := textArg(env, *certText)
	if err != nil || text == "" {
		return usageError(env, "install-cert", errors.New("--cert: give the certificate you got back, or - to read it from standard input"))
	}
	c, err := enablement.ReadCertificate(text)
	if err != nil {
		return failed(env, "install-cert", fmt.Errorf("the certificate: %w", err))
	}
	h, err := loadKey(staffKind, *keyName)
	if err != nil {
		return keyFailed(env, "install-cert", err)
	}
	if c.Key != enablement.FormatPublicKey(h.signer.Public()) {
		return failed(env, "install-cert", fmt.Errorf("this certificate is for staff key %s, not for your key %q (%s): check --key-name, or ask for a certificate of your own request",
			keyIDOf(c.Key), *keyName, enablement.KeyID(h.signer.Public())))
	}
	h.item.Cert = text
	if err := h.save(); err != nil {
		return failed(env, "install-cert", err)
	}
	fmt.Fprintf(env.Stderr, "Installed certificate %s for %s: may issue %s until %s.\n",
		c.ID, c.Name, strings.Join(grantNames(c.Grants), ", "), stamp(c.NotAfter))
	if !slices.ContainsFunc(enablement.Roots(), func(r enablement.Root) bool { return r.ID == c.RootID }) {
		fmt.Fprintf(env.Stderr, "Note: this copy of proofkeys does not know root %s; organizations need a build that lists it (a release of Proof's, or a dev build given %s).\n",
			c.RootID, enablement.DevRootsEnv)
	}
	return ExitOK
}
