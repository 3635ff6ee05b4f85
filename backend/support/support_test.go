package support_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/enablement"
	"proofkeys/backend/enablement/enablementtest"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/store"
	"proofkeys/backend/support"
	"proofkeys/backend/vault/vaulttest"
)

type noClipboard struct{}

func (noClipboard) WriteSecret(string) error { return nil }

// TestBundleHoldsNoSecret makes an org with members, passphrases, an enablement and keys in
// both environments (one deleted), then looks for every secret, fingerprint, last four
// characters, passphrase hash and salt, and member name in the bundle's bytes.
func TestBundleHoldsNoSecret(t *testing.T) {
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer st.Close()
	v := vaulttest.New(t)
	orgs := org.New(st)
	orgs.Hashing = passphrase.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	o, owner, err := orgs.Setup("Acme", "Dana Owner", "dana@example.com")
	require.NoError(t, err)
	_, err = orgs.SetPassphrase(owner.ID, owner.ID, "", "correct horse battery")
	require.NoError(t, err)
	_, err = orgs.AddMember(owner.ID, org.NewMember{Name: "Gus Granted", Email: "gus@example.com",
		Role: access.TeamMember, ManageAPIKeys: true, Passphrase: "another passphrase"})
	require.NoError(t, err)

	proof := enablementtest.New(t, 3)
	orgs.Roots = proof.Roots()
	code := proof.Code(enablement.Request{Org: o.ID, Grants: []access.Grant{access.GrantAPIAccess}}, time.Now())
	_, err = orgs.ApplyEnablement(owner.ID, code)
	require.NoError(t, err)

	svc := keys.New(st, v, noClipboard{})
	var made []apikey.Key
	for _, env := range []apikey.Environment{apikey.Production, apikey.Production, apikey.Sandbox} {
		k, err := svc.Generate(owner.ID, env)
		require.NoError(t, err)
		made = append(made, k)
	}
	var secrets []string
	for _, k := range made {
		s, err := v.Get(k.ID)
		require.NoError(t, err)
		secrets = append(secrets, s)
	}
	require.NoError(t, svc.Delete(owner.ID, made[1].ID))
	_, err = svc.Replace(owner.ID, made[2].ID, time.Hour)
	require.NoError(t, err, "the sandbox key is expiring, its replacement active")

	b := support.Make(st, v, "1.2.3", time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	raw := b.JSON()

	var forbidden []string
	forbidden = append(forbidden, secrets...)
	for _, k := range made {
		forbidden = append(forbidden, k.Fingerprint, k.Hint())
	}
	members, err := orgs.Members(owner.ID)
	require.NoError(t, err)
	for _, m := range members {
		require.NotNil(t, m.Passphrase)
		forbidden = append(forbidden, m.Name, m.Email,
			base64.StdEncoding.EncodeToString(m.Passphrase.Hash), base64.StdEncoding.EncodeToString(m.Passphrase.Salt))
	}
	forbidden = append(forbidden, code, "pkstaffsecret1_")
	for _, f := range forbidden {
		assert.False(t, bytes.Contains(raw, []byte(f)), "the bundle holds %q", f)
	}

	// and it says what a CSM needs
	assert.True(t, b.Vault.Answers, b.Vault.Problem)
	assert.True(t, b.Database.Readable)
	assert.True(t, b.Database.AuditChainIntact)
	assert.Equal(t, o.ID, b.Organization.ID)
	assert.True(t, b.Enablement.APIAccess)
	require.Len(t, b.Enablement.Latest, 1)
	assert.Equal(t, "Sam at Proof", b.Enablement.Latest[0].IssuedBy)
	assert.Equal(t, proof.CertID(), b.Enablement.Latest[0].CertID)
	assert.Equal(t, support.Members{Owners: 1, TeamMembers: 1, TeamMembersWithKeys: 1, WithPassphrase: 2}, b.Members)
	assert.Equal(t, map[string]map[string]int{"production": {"active": 1, "deleted": 1}, "sandbox": {"active": 1, "expiring": 1}},
		b.Keys, "an expiring key is counted as expiring, as the Inventory page counts it")
	assert.NotContains(t, string(raw), st.Path(), "no path: the data folder's names the OS user")
	assert.NotContains(t, string(raw), `"path"`)

	text := b.Text()
	for _, want := range []string{"made Nov 27, 2026 10:00 UTC", "Vault: ", ", answers", "chain intact",
		"Organization: Acme (" + o.ID + ")", "API access on", "api_access enabled by Sam at Proof",
		"1 Owners, 0 Admins, 1 Team members (1 may manage API keys); 2 have a passphrase",
		"production: 1 in use (1 active, 0 expiring), 1 deleted", "sandbox: 2 in use (1 active, 1 expiring), 0 deleted"} {
		assert.Contains(t, text, want)
	}
	for _, f := range forbidden {
		assert.NotContains(t, text, f, "the summary holds no more than the file")
	}
	assert.Equal(t, "proofkeys-support-20261127-100000.json", b.FileName())
	var back support.Bundle
	require.NoError(t, json.Unmarshal(raw, &back))
	assert.Equal(t, "1.2.3", back.App.Version)
}

type deadVault struct{}

func (deadVault) Backend() string                  { return "secret-service" }
func (deadVault) Set(string, string, string) error { return errors.New("locked collection") }
func (deadVault) Get(string) (string, error)       { return "", errors.New("unreachable") }
func (deadVault) Delete(string) error              { return nil }

func TestBundleReportsWhatIsBroken(t *testing.T) {
	b := support.Make(nil, deadVault{}, "dev", time.Now())
	assert.False(t, b.Vault.Answers)
	assert.Contains(t, b.Vault.Problem, "locked collection")
	assert.False(t, b.Database.Readable)
	assert.NotEmpty(t, b.Database.Problem)
	assert.False(t, b.Organization.SetUp)
	assert.Contains(t, b.Text(), "does not answer: ")
	assert.Contains(t, b.Text(), "Organization: not set up yet")
}

func TestBundleLeavesOutTheHomeFolder(t *testing.T) {
	home, err := os.UserHomeDir()
	require.NoError(t, err)
	var b support.Bundle
	b.SetDatabaseProblem(fmt.Errorf("open %s: permission denied", filepath.Join(home, ".local", "share", "proofkeys", "proofkeys.db")))
	assert.Equal(t, "open "+filepath.Join("~", ".local", "share", "proofkeys", "proofkeys.db")+": permission denied", b.Database.Problem)
	assert.NotContains(t, string(b.JSON()), home)
}
