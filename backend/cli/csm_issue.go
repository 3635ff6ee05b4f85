package cli

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
)

// csmIssue prints a code for an organization, alone on standard output so it can be
// piped; what the code says (organization, grants, expiry, staff name) goes to standard
// error. A mistyped Organization ID is refused before anything is signed.
func csmIssue(env Env, args []string, withdraw bool) int {
	name := map[bool]string{false: "issue", true: "withdraw"}[withdraw]
	f, keyName := csmFlags(name, env)
	orgID := f.String("org", "", "the Organization ID, as the organization's Organization page shows it (required)")
	grants := f.String("grant", "", "comma-separated: api_access, payer_invoice, payer_organization (required)")
	expires := f.String("expires", "", "last moment the code may be applied: 7d, 72h, or a date 2026-12-31 (default: no limit)")
	if code, ok := f.parse(args); !ok {
		return code
	}
	now := time.Now()
	req, err := codeRequest(*orgID, *grants, *expires, withdraw, now)
	if err != nil {
		return usageError(env, name, err)
	}
	staff, err := loadKey(staffKind, *keyName)
	if err != nil {
		return keyFailed(env, name, err)
	}
	if staff.item.Cert == "" {
		return failed(env, name, errors.New("your key has no certificate yet: send the request `proofkeys csm request` prints to whoever holds Proof's root key, then run `proofkeys csm install-cert --cert CERT`"))
	}
	code, err := enablement.Issue(staff.signer, staff.item.Cert, req, now, rand.Reader)
	if err != nil {
		return failed(env, name, err)
	}
	describeCode(env.Stderr, req, staff)
	fmt.Fprintln(env.Stdout, code)
	return ExitOK
}

// describeCode says what a code holds, for the staff member to read before sending it.
func describeCode(w io.Writer, r enablement.Request, staff heldKey) {
	c, _ := enablement.ReadCertificate(staff.item.Cert) // Issue has just read it
	what := map[bool]string{false: "given", true: "withdrawn"}[r.Withdraw]
	expiry := "never (it can be applied once, at any time)"
	if !r.ExpiresAt.IsZero() {
		expiry = stamp(r.ExpiresAt)
	}
	fmt.Fprintf(w, "Organization: %s\n", r.Org)
	if access.LegacyOrgID(r.Org) {
		fmt.Fprintln(w, "              (an ID of the old form, without a check character: compare it with the customer's Organization page character by character)")
	}
	fmt.Fprintf(w, "Grants:       %s (%s)\nExpires:      %s\nStaff:        %s (certificate %s, valid until %s)\n",
		strings.Join(grantNames(r.Grants), ", "), what, expiry, c.Name, c.ID, stamp(c.NotAfter))
}

// codeRequest checks the command line of issue and withdraw.
func codeRequest(orgID, grants, expires string, withdraw bool, now time.Time) (enablement.Request, error) {
	r := enablement.Request{Withdraw: withdraw}
	org, err := access.ParseOrgID(orgID)
	if err != nil {
		return r, fmt.Errorf("--org %q: %w; ask the customer to read it again from their Organization page, or to copy it from there", orgID, err)
	}
	r.Org = org
	if r.Grants, err = parseGrants(grants); err != nil {
		return r, err
	}
	if expires != "" {
		r.ExpiresAt, err = parseUntil("--expires", expires, now)
	}
	return r, err
}

func parseGrants(list string) ([]access.Grant, error) {
	var out []access.Grant
	var e access.Enablement
	for _, g := range strings.Split(list, ",") {
		g := access.Grant(strings.TrimSpace(g))
		if !e.Set(g, true) {
			return nil, fmt.Errorf("--grant: %q is not one of api_access, payer_invoice, payer_organization", g)
		}
		out = append(out, g)
	}
	return out, nil
}

func grantNames(grants []access.Grant) []string {
	out := make([]string, len(grants))
	for i, g := range grants {
		out[i] = string(g)
	}
	return out
}

// parseUntil reads "7d", "72h" (from now) or a date (the end of that day, UTC).
func parseUntil(flagName, s string, now time.Time) (time.Time, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n > 0 {
			return now.AddDate(0, 0, n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(d), nil
	}
	if day, err := time.Parse(time.DateOnly, s); err == nil && day.After(now) {
		return day.Add(24*time.Hour - time.Second), nil
	}
	return time.Time{}, fmt.Errorf("%s %q: use 7d, 72h or a date to come such as %s", flagName, s, now.AddDate(0, 1, 0).Format(time.DateOnly))
}
