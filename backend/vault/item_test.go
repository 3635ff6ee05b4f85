package vault_test

import (
	"crypto/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/vault"
	"proofkeys/backend/vault/vaulttest"
)

// A key's item carries a label a person can read and attributes that find it again, on
// the real Secret Service; the secret is still read by its ID.
func TestSetKeyLabelsTheItem(t *testing.T) {
	v := vaulttest.New(t)
	folder, _ := apikey.NewID("dir_", rand.Reader)
	id, _ := apikey.NewID("key_", rand.Reader)
	secret, _ := apikey.Generate(apikey.Sandbox, rand.Reader)
	it := vault.Item{KeyID: id, Label: "proofkeys: Proof API key Payments (sandbox)", Environment: "sandbox",
		Folder: folder, Org: "org_test"}
	require.NoError(t, v.SetKey(secret, it))
	t.Cleanup(func() { _ = v.Delete(id) })

	got, err := v.Get(id)
	require.NoError(t, err)
	assert.Equal(t, secret, got)
	items, err := v.Items(folder, "")
	require.NoError(t, err)
	assert.Equal(t, []vault.Item{it}, items)
	items, err = v.Items("dir_other", "org_test")
	require.NoError(t, err)
	assert.Equal(t, []vault.Item{it}, items, "found by its organization too")
	items, err = v.Items("dir_other", "org_other")
	require.NoError(t, err)
	assert.Empty(t, items, "another folder's items are not listed")

	require.NoError(t, v.Delete(id))
	items, err = v.Items(folder, "")
	require.NoError(t, err)
	assert.Empty(t, items)
}

// An item stored before items were labelled (its label the bare ID) is labelled in place.
func TestDescribeAnExistingItem(t *testing.T) {
	v := vaulttest.New(t)
	folder, _ := apikey.NewID("dir_", rand.Reader)
	id, _ := apikey.NewID("key_", rand.Reader)
	require.NoError(t, v.Set(id, "prf_test_old", "Proof API key "+id+" (sandbox)"))
	t.Cleanup(func() { _ = v.Delete(id) })
	items, err := v.Items(folder, "")
	require.NoError(t, err)
	assert.Empty(t, items, "an unlabelled item names no folder")

	it := vault.Item{KeyID: id, Label: "proofkeys: Proof API key Old (sandbox)", Environment: "sandbox", Folder: folder}
	require.NoError(t, v.Describe(it))
	items, err = v.Items(folder, "")
	require.NoError(t, err)
	assert.Equal(t, []vault.Item{it}, items)
	got, err := v.Get(id)
	require.NoError(t, err)
	assert.Equal(t, "prf_test_old", got, "the secret is untouched")

	assert.ErrorIs(t, v.Describe(vault.Item{KeyID: "key_gone"}), vault.ErrNotFound)
}
