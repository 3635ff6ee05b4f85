package keys_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
	"proofkeys/backend/vault/vaulttest"
)

// fixture is a set-up organization on a real database and the real vault.
type fixture struct {
	dir   string
	store *store.Store
	vault *vault.Vault
	clip  *recordingClipboard
	svc   *keys.Service
	owner string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	_, owner, err := org.New(st).Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	// a new org has no API access until Proof's code; these tests start after it
	require.NoError(t, st.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		o.Enablement.APIAccess = true
		return errors.Join(err, tx.PutOrg(o))
	}))
	f := &fixture{dir: dir, store: st, vault: vaulttest.New(t), clip: &recordingClipboard{}, owner: owner.ID}
	f.svc = keys.New(st, f.vault, f.clip)
	return f
}

// addMember adds a member with role (and the Manage API keys grant) and returns its ID.
func (f *fixture) addMember(t *testing.T, id string, role access.Role, grant bool) string {
	t.Helper()
	m := access.Member{ID: id, Name: id, Email: id + "@example.com", Role: role, ManageAPIKeys: grant}
	require.NoError(t, f.store.Update(func(tx *store.Tx) error { return tx.PutMember(m) }))
	return id
}

// setEnablement changes what Proof has enabled for the org.
func (f *fixture) setEnablement(t *testing.T, e access.Enablement) {
	t.Helper()
	require.NoError(t, f.store.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return err
		}
		o.Enablement = e
		return tx.PutOrg(o)
	}))
}

// allKeys returns every record, whatever its state.
func (f *fixture) allKeys(t *testing.T) []apikey.Key {
	t.Helper()
	var all []apikey.Key
	require.NoError(t, f.store.View(func(tx *store.Tx) error {
		var err error
		all, err = tx.Keys(func(apikey.Key) bool { return true })
		return err
	}))
	return all
}

// recordingClipboard keeps every secret it was given, for the test to compare.
type recordingClipboard struct {
	mu      sync.Mutex
	secrets []string
}

func (c *recordingClipboard) WriteSecret(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.secrets = append(c.secrets, s)
	return nil
}

func (c *recordingClipboard) last() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.secrets) == 0 {
		return ""
	}
	return c.secrets[len(c.secrets)-1]
}
