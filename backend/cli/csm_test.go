package cli_test

import (
	"bytes"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/cli"
	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
	"proofkeys/backend/vault/vaulttest"
)

// keyName is a fresh --key-name in the real vault; its staff and root keys are removed
// after the test.
func keyName(t *testing.T) string {
	t.Helper()
	v := vaulttest.New(t)
	id, err := apikey.NewID("test_", rand.Reader)
	require.NoError(t, err)
	t.Cleanup(func() {
		if real, err := vault.New(v.Backend(), store.DefaultDir()); err == nil {
			_ = real.Delete("proofkeys-staff-signing-key:" + id)
			_ = real.Delete("proofkeys-root-signing-key:" + id)
		}
	})
	return id
}

func runWithInput(input string, args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := cli.Run(cli.Env{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &errs}, args)
	return code, out.String(), errs.String()
}

func newOrg(t *testing.T) string {
	t.Helper()
	id, err := access.NewOrgID(rand.Reader)
	require.NoError(t, err)
	return id
}

// certifiedStaff makes a root and a staff key under name, certified for grants; it
// returns the roots to verify with.
func certifiedStaff(t *testing.T, name, grants string) []enablement.Root {
	t.Helper()
	code, rootLine, errs := runCLI("csm", "root-keygen", "--name", "Proof test root", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	roots, err := enablement.ParseRoots(rootLine)
	require.NoError(t, err)
	require.Len(t, roots, 1)
	assert.Equal(t, "Proof test root", roots[0].Name)

	code, req, errs := runCLI("csm", "keygen", "--name", "Sam Lee, Proof CSM", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	assert.Regexp(t, `^PKREQ1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$`, req, "the request alone on standard output")
	assert.Contains(t, errs, "install-cert")
	assert.NotContains(t, req+errs, "pkstaffsecret1_", "the private key is never printed")

	code, cert, errs := runWithInput(req, "csm", "certify", "--request", "-", "--grant", grants, "--valid", "30d", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	assert.Contains(t, errs, "Sam Lee, Proof CSM")
	assert.Contains(t, errs, "may issue: "+strings.ReplaceAll(grants, ",", ", "))
	code, _, errs = runCLI("csm", "install-cert", "--cert", strings.TrimSpace(cert), "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	assert.Contains(t, errs, "does not know root", "a copy without the root says so")
	return roots
}

func TestCSMFromKeygenToACodeThatVerifiesFromTheRoot(t *testing.T) {
	name := keyName(t)
	org := newOrg(t)
	code, _, errs := runCLI("csm", "issue", "--org", org, "--grant", "api_access", "--key-name", name)
	assert.Equal(t, cli.ExitFailed, code)
	assert.Contains(t, errs, "csm keygen")

	roots := certifiedStaff(t, name, "api_access,payer_invoice")
	trust := enablement.Trust{Roots: roots}

	code, out, errs := runCLI("csm", "issue", "--org", strings.ToLower(org), "--grant", "api_access, payer_invoice",
		"--expires", "7d", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	assert.Regexp(t, `^PKEN2(\.[A-Za-z0-9_-]+){4}\n$`, out, "the code alone on standard output")
	p, err := enablement.Verify(out, org, trust, time.Now())
	require.NoError(t, err)
	assert.Equal(t, []access.Grant{access.GrantAPIAccess, access.GrantPayerInvoice}, p.Grants)
	assert.False(t, p.Withdraw)
	assert.Equal(t, "Sam Lee, Proof CSM", p.Issuer)
	assert.WithinDuration(t, time.Now().AddDate(0, 0, 7), p.ExpiresAt, time.Minute)
	for _, said := range []string{"Organization: " + org, "api_access, payer_invoice", "Expires:", "Sam Lee, Proof CSM", p.Certificate.ID} {
		assert.Contains(t, errs, said, "standard error says what the code holds")
	}

	code, out, _ = runCLI("csm", "withdraw", "--org", org, "--grant", "payer_invoice", "--key-name", name)
	require.Equal(t, cli.ExitOK, code)
	p, err = enablement.Verify(out, org, trust, time.Now())
	require.NoError(t, err)
	assert.True(t, p.Withdraw)
	assert.True(t, p.ExpiresAt.IsZero())

	code, _, errs = runCLI("csm", "issue", "--org", org, "--grant", "payer_organization", "--key-name", name)
	assert.Equal(t, cli.ExitFailed, code, "a grant the certificate does not allow")
	assert.Contains(t, errs, "does not allow")

	code, out, errs = runCLI("csm", "issue", "--org", "org_v4pukOcO7xwgicz1", "--grant", "api_access", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	assert.Contains(t, errs, "old form", "an old-form ID is taken, with a word of care")
	_, err = enablement.Verify(out, "org_v4pukOcO7xwgicz1", trust, time.Now())
	assert.NoError(t, err)

	code, out, errs = runCLI("csm", "revoke", "--cert", p.Certificate.ID, "--reason", "key lost", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	r, err := enablement.VerifyRevocation(out, trust)
	require.NoError(t, err)
	assert.Equal(t, []string{p.Certificate.ID}, r.Certs)
	assert.Equal(t, "key lost", r.Reason)
}

func TestCSMIssueRefusesAMistypedOrganizationID(t *testing.T) {
	name := keyName(t)
	certifiedStaff(t, name, "api_access")
	org := []byte(newOrg(t))
	org[5], org[6] = org[6], org[5]
	if org[5] == org[6] {
		org[5] = map[bool]byte{true: 'A', false: 'B'}[org[5] != 'A']
	}
	for _, bad := range []string{string(org), "org_bogus", "acme", ""} {
		code, out, errs := runCLI("csm", "issue", "--org", bad, "--grant", "api_access", "--key-name", name)
		assert.Equal(t, cli.ExitUsage, code, bad)
		assert.Empty(t, out, "no code is made for %q", bad)
		assert.Contains(t, errs, "Organization ID", bad)
	}
	_, _, errs := runCLI("csm", "issue", "--org", string(org), "--grant", "api_access", "--key-name", name)
	assert.Contains(t, errs, "mistyped")
}

func TestCSMKeyWithoutItsOwnCertificate(t *testing.T) {
	mine, theirs := keyName(t), keyName(t)
	certifiedStaff(t, theirs, "api_access")
	code, _, errs := runCLI("csm", "keygen", "--name", "Me", "--key-name", mine)
	require.Equal(t, cli.ExitOK, code, errs)
	code, _, errs = runCLI("csm", "issue", "--org", newOrg(t), "--grant", "api_access", "--key-name", mine)
	assert.Equal(t, cli.ExitFailed, code, "no certificate yet")
	assert.Contains(t, errs, "no certificate yet")
	code, _, errs = runCLI("csm", "keygen", "--name", "Other", "--key-name", mine)
	assert.Equal(t, cli.ExitFailed, code, "an existing key is not overwritten by accident")
	assert.Contains(t, errs, "--replace")

	code, req, _ := runCLI("csm", "request", "--key-name", theirs)
	require.Equal(t, cli.ExitOK, code)
	code, cert, errs := runCLI("csm", "certify", "--request", req, "--grant", "api_access", "--key-name", theirs)
	require.Equal(t, cli.ExitOK, code, errs)
	code, _, errs = runCLI("csm", "install-cert", "--cert", cert, "--key-name", mine)
	assert.Equal(t, cli.ExitFailed, code)
	assert.Contains(t, errs, "is for staff key")
}

func TestCSMCommandLineMistakes(t *testing.T) {
	name := keyName(t)
	org := newOrg(t)
	for _, args := range [][]string{
		{"csm"},
		{"csm", "sign"},
		{"csm", "keygen", "--key-name", name},
		{"csm", "root-keygen", "--key-name", name},
		{"csm", "issue", "--org", org, "--grant", "payer_moon", "--key-name", name},
		{"csm", "issue", "--org", org, "--grant", "", "--key-name", name},
		{"csm", "issue", "--org", org, "--grant", "api_access", "--expires", "soon", "--key-name", name},
		{"csm", "issue", "--org", org, "--grant", "api_access", "--expires", "2001-01-01", "--key-name", name},
		{"csm", "certify", "--grant", "api_access", "--key-name", name},
		{"csm", "certify", "--request", "x", "--grant", "api_access", "--valid", "forever", "--key-name", name},
		{"csm", "certify", "--request", "x", "--grant", "api_access", "--revoke", "stk_1", "--key-name", name},
		{"csm", "install-cert", "--key-name", name},
		{"csm", "revoke", "--key-name", name},
		{"csm", "request", "extra"},
	} {
		code, _, errs := runCLI(args...)
		assert.Equal(t, cli.ExitUsage, code, "%v", args)
		assert.NotEmpty(t, errs, "%v says what is wrong", args)
	}
	code, out, _ := runCLI("csm", "help")
	assert.Equal(t, cli.ExitOK, code)
	assert.Contains(t, out, "proofkeys csm certify")
	code, out, errs := runCLI("csm", "roots")
	assert.Equal(t, cli.ExitOK, code)
	assert.Empty(t, out, "the source lists no root")
	assert.Contains(t, errs, "accepts no enablement code")
}
