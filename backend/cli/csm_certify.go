package cli

import (
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"proofkeys/backend/enablement"
)

// csmCertify is run by whoever holds a Proof root key: it turns a staff member's request
// into a certificate, printed alone on standard output; what it says goes to standard
// error, to be read before the certificate is sent.
func csmCertify(env Env, args []string) int {
	f, keyName := csmFlags("certify", env)
	reqText := f.String("request", "", "the request `proofkeys csm keygen` printed, or - to read it from standard input (required)")
	grants := f.String("grant", "", "what the staff member may issue, comma-separated: api_access, payer_invoice, payer_organization (required)")
	valid := f.String("valid", "365d", "how long the certificate is valid: 365d, 720h, or until a date 2027-12-31")
	revokes := f.String("revoke", "", "comma-separated certificate IDs (crt_...) this root revokes; codes signed under the new certificate carry the news")
	if code, ok := f.parse(args); !ok {
		return code
	}
	now := time.Now()
	terms, err := certTerms(*grants, *valid, *revokes, now)
	if err != nil {
		return usageError(env, "certify", err)
	}
	text, err := textArg(env, *reqText)
	if err != nil || text == "" {
		return usageError(env, "certify", fmt.Errorf("--request: give the request `proofkeys csm keygen` printed, or - to read it from standard input"))
	}
	req, err := enablement.ReadCertRequest(text)
	if err != nil {
		return failed(env, "certify", fmt.Errorf("the request: %w", err))
	}
	root, err := loadKey(rootKind, *keyName)
	if err != nil {
		return keyFailed(env, "certify", err)
	}
	cert, c, err := enablement.Certify(root.signer, req, terms, rand.Reader)
	if err != nil {
		return failed(env, "certify", err)
	}
	fmt.Fprintf(env.Stderr, "Certificate %s for %s (staff key %s)\n", c.ID, c.Name, keyIDOf(c.Key))
	fmt.Fprintf(env.Stderr, "  may issue: %s\n  valid:     %s to %s\n  root:      %s (%s)\n",
		strings.Join(grantNames(c.Grants), ", "), stamp(c.NotBefore), stamp(c.NotAfter), root.signer.Name, c.RootID)
	if len(c.Revokes) > 0 {
		fmt.Fprintf(env.Stderr, "  revokes:   %s\n", strings.Join(c.Revokes, ", "))
	}
	fmt.Fprintln(env.Stdout, cert)
	return ExitOK
}

// certTerms checks certify's command line.
func certTerms(grants, valid, revokes string, now time.Time) (enablement.Terms, error) {
	t := enablement.Terms{NotBefore: now}
	var err error
	if t.Grants, err = parseGrants(grants); err != nil {
		return t, err
	}
	if t.NotAfter, err = parseUntil("--valid", valid, now); err != nil {
		return t, err
	}
	for _, id := range strings.Split(revokes, ",") {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		if !strings.HasPrefix(id, "crt_") {
			return t, fmt.Errorf("--revoke: %q is not a certificate ID (crt_...)", id)
		}
		t.Revokes = append(t.Revokes, id)
	}
	return t, nil
}

func keyIDOf(publicKey string) string {
	pub, err := enablement.ParsePublicKey(publicKey)
	if err != nil {
		return "unreadable"
	}
	return enablement.KeyID(pub)
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }
