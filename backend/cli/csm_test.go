package cli_test

import (
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

// staffKeyName is a fresh --key-name in the real vault, removed after the test.
func staffKeyName(t *testing.T) string {
	t.Helper()
	v := vaulttest.New(t)
	id, err := apikey.NewID("test_", rand.Reader)
	require.NoError(t, err)
	t.Cleanup(func() {
		if real, err := vault.New(v.Backend(), store.DefaultDir()); err == nil {
			_ = real.Delete("proofkeys-staff-signing-key:" + id)
		}
	})
	return id
}

func TestCSMKeygenIssueWithdraw(t *testing.T) {
	name := staffKeyName(t)
	code, out, errs := runCLI("csm", "issue", "--org", "org_acme", "--grant", "api_access", "--key-name", name)
	assert.Equal(t, cli.ExitFailed, code)
	assert.Contains(t, errs, "csm keygen")

	code, _, errs = runCLI("csm", "keygen", "--key-name", name)
	assert.Equal(t, cli.ExitUsage, code)
	assert.Contains(t, errs, "--name is required")

	code, out, errs = runCLI("csm", "keygen", "--name", "Sam Lee, Proof CSM", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	pubLine := lines[len(lines)-1]
	assert.Regexp(t, `^pkstaff1_[A-Za-z0-9_-]{43} Sam Lee, Proof CSM$`, pubLine)
	assert.NotContains(t, out, "pkstaffsecret1_", "the private key is never printed")

	code, _, errs = runCLI("csm", "keygen", "--name", "Other", "--key-name", name)
	assert.Equal(t, cli.ExitFailed, code, "an existing key is not overwritten by accident")
	assert.Contains(t, errs, "--replace")

	code, out, _ = runCLI("csm", "pubkey", "--key-name", name)
	require.Equal(t, cli.ExitOK, code)
	assert.Equal(t, pubLine+"\n", out)

	pub, err := enablement.ParsePublicKey(strings.Fields(pubLine)[0])
	require.NoError(t, err)
	trusted := []enablement.StaffKey{{ID: enablement.KeyID(pub), Key: pub}}

	code, out, errs = runCLI("csm", "issue", "--org", "org_acme", "--grant", "api_access, payer_invoice",
		"--expires", "7d", "--key-name", name)
	require.Equal(t, cli.ExitOK, code, errs)
	p, err := enablement.Verify(strings.TrimSpace(out), "org_acme", trusted, time.Now())
	require.NoError(t, err)
	assert.Equal(t, []access.Grant{access.GrantAPIAccess, access.GrantPayerInvoice}, p.Grants)
	assert.False(t, p.Withdraw)
	assert.Equal(t, "Sam Lee, Proof CSM", p.Issuer)
	assert.WithinDuration(t, time.Now().AddDate(0, 0, 7), p.ExpiresAt, time.Minute)

	code, out, _ = runCLI("csm", "withdraw", "--org", "org_acme", "--grant", "payer_invoice", "--key-name", name)
	require.Equal(t, cli.ExitOK, code)
	p, err = enablement.Verify(strings.TrimSpace(out), "org_acme", trusted, time.Now())
	require.NoError(t, err)
	assert.True(t, p.Withdraw)
	assert.True(t, p.ExpiresAt.IsZero())
}

func TestCSMCommandLineMistakes(t *testing.T) {
	name := staffKeyName(t)
	for _, args := range [][]string{
		{"csm"},
		{"csm", "sign"},
		{"csm", "issue", "--org", "acme", "--grant", "api_access", "--key-name", name},
		{"csm", "issue", "--org", "org_acme", "--grant", "payer_moon", "--key-name", name},
		{"csm", "issue", "--org", "org_acme", "--grant", "", "--key-name", name},
		{"csm", "issue", "--org", "org_acme", "--grant", "api_access", "--expires", "soon", "--key-name", name},
		{"csm", "pubkey", "extra"},
	} {
		code, _, errs := runCLI(args...)
		assert.Equal(t, cli.ExitUsage, code, "%v", args)
		assert.NotEmpty(t, errs, "%v says what is wrong", args)
	}
	code, out, _ := runCLI("csm", "help")
	assert.Equal(t, cli.ExitOK, code)
	assert.Contains(t, out, "proofkeys csm issue")
}
