package vault_test

import (
	"crypto/rand"
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/vault"
	"proofkeys/backend/vault/vaulttest"
)

func TestSetGetDelete(t *testing.T) {
	v := vaulttest.New(t)
	id, _ := apikey.NewID("key_", rand.Reader)
	secret, _ := apikey.Generate(apikey.Production, rand.Reader)

	require.NoError(t, v.Set(id, secret, "Proof API key test"))
	got, err := v.Get(id)
	require.NoError(t, err)
	assert.Equal(t, secret, got)

	require.NoError(t, v.Delete(id))
	_, err = v.Get(id)
	assert.ErrorIs(t, err, vault.ErrNotFound)
	assert.NoError(t, v.Delete(id), "deleting a secret that is gone is not an error")
}

func TestUnknownBackend(t *testing.T) {
	_, err := vault.New("floppy", t.TempDir())
	assert.ErrorIs(t, err, vault.ErrUnknownBackend)
}

func TestChosenBackend(t *testing.T) {
	t.Setenv(vault.EnvBackend, "")
	assert.Equal(t, vault.DefaultBackend(), vault.ChosenBackend())
	t.Setenv(vault.EnvBackend, "keyctl")
	assert.Equal(t, "keyctl", vault.ChosenBackend())
}

func TestFileBackendNeedsPassphrase(t *testing.T) {
	t.Setenv(vault.EnvFilePassphrase, "")
	v, err := vault.New("file", t.TempDir())
	require.NoError(t, err)
	err = v.Set("key_x", "s3cr3t", "label")
	assert.ErrorIs(t, err, vault.ErrLocked)
	assert.NotContains(t, err.Error(), "s3cr3t")
}

func TestFileBackendRoundTrip(t *testing.T) {
	t.Setenv(vault.EnvFilePassphrase, "correct horse")
	v, err := vault.New("file", t.TempDir())
	require.NoError(t, err)
	require.NoError(t, v.Set("key_x", "s3cr3t", "label"))
	got, err := v.Get("key_x")
	require.NoError(t, err)
	assert.Equal(t, "s3cr3t", got)
}

// TestUnavailableSecretService runs in a child process: the D-Bus session connection is
// made once per process, so the bus address can only be changed before the first use.
func TestUnavailableSecretService(t *testing.T) {
	if os.Getenv("VAULT_TEST_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestUnavailableSecretService$", "-test.v")
		cmd.Env = append(os.Environ(), "VAULT_TEST_CHILD=1", "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		assert.Contains(t, string(out), "--- PASS")
		return
	}
	v, err := vault.New("secret-service", t.TempDir())
	require.NoError(t, err)
	err = v.Set("key_x", "s3cr3t", "label")
	require.ErrorIs(t, err, vault.ErrUnavailable)
	assert.NotContains(t, err.Error(), "s3cr3t")
}
