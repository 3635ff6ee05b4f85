package keys_test

import (
	"crypto/rand"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

func (f *fixture) folderID(t *testing.T) string {
	t.Helper()
	var id string
	require.NoError(t, f.store.View(func(tx *store.Tx) error { id = tx.FolderID(); return nil }))
	require.NotEmpty(t, id)
	return id
}

// A new key's vault item says what it is, on the real Secret Service.
func TestGenerateLabelsTheVaultItem(t *testing.T) {
	fx := newFixture(t)
	k, err := fx.svc.Generate(fx.owner, apikey.Sandbox)
	require.NoError(t, err)
	t.Cleanup(func() { _ = fx.vault.Delete(k.ID) })
	items, err := fx.vault.Items(fx.folderID(t), "")
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "proofkeys: Proof API key Full access key 1 (sandbox)", items[0].Label)
	assert.Equal(t, k.ID, items[0].KeyID)
	assert.Equal(t, "sandbox", items[0].Environment)
	assert.NotEmpty(t, items[0].Org)

	settings := k.Settings
	settings.Name = "Payments"
	_, err = fx.svc.Configure(fx.owner, k.ID, settings)
	require.NoError(t, err)
	items, err = fx.vault.Items(fx.folderID(t), "")
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "proofkeys: Proof API key Payments (sandbox)", items[0].Label, "a rename renames the item")
}

// Items stored before labels (the bare ID, one attribute) are labelled at start, once.
func TestLabelVaultItemsMigratesOldItems(t *testing.T) {
	fx := newFixture(t)
	secret, err := apikey.Generate(apikey.Production, rand.Reader)
	require.NoError(t, err)
	p, err := apikey.Parse(secret)
	require.NoError(t, err)
	id, _ := apikey.NewID("key_", rand.Reader)
	require.NoError(t, fx.vault.Set(id, secret, "Proof API key "+id+" (production)"))
	t.Cleanup(func() { _ = fx.vault.Delete(id) })
	require.NoError(t, fx.store.Update(func(tx *store.Tx) error {
		return tx.PutKey(apikey.Key{ID: id, Environment: apikey.Production, State: apikey.Active, Fingerprint: p.Fingerprint,
			Last4: p.Last4, Settings: apikey.DefaultSettings("Payments"), CreatedAt: time.Now()})
	}))
	items, err := fx.vault.Items(fx.folderID(t), "")
	require.NoError(t, err)
	assert.Empty(t, items, "an old item names no folder")

	n, err := fx.svc.LabelVaultItems()
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	items, err = fx.vault.Items(fx.folderID(t), "")
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "proofkeys: Proof API key Payments (production)", items[0].Label)
	got, err := fx.vault.Get(id)
	require.NoError(t, err)
	assert.Equal(t, secret, got, "the secret is untouched")

	n, err = fx.svc.LabelVaultItems()
	require.NoError(t, err)
	assert.Zero(t, n, "once per data file")
}

// After a restore of an older snapshot, the secrets of the keys made since are found,
// listed and given records again; a kept record with the same fingerprint is made active.
func TestOrphansAfterARestore(t *testing.T) {
	fx := newFixture(t)
	kept, err := fx.svc.Generate(fx.owner, apikey.Sandbox)
	require.NoError(t, err)
	day := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	snap, err := fx.store.Snapshot(day)
	require.NoError(t, err)
	later, err := fx.svc.Generate(fx.owner, apikey.Production)
	require.NoError(t, err)
	t.Cleanup(func() { _ = fx.vault.Delete(kept.ID); _ = fx.vault.Delete(later.ID) })
	orphans, err := fx.svc.Orphans(fx.owner)
	require.NoError(t, err)
	assert.Empty(t, orphans, "every secret has its record")
	require.NoError(t, fx.store.Close())

	_, err = store.Restore(fx.dir, snap.Name, day.Add(time.Hour))
	require.ErrorIs(t, err, store.ErrRestoreLoses, "the snapshot holds fewer keys than the file")
	assert.Contains(t, err.Error(), "it holds 1 key, and the data file holds 2")
	_, err = store.RestoreConfirmed(fx.dir, snap.Name, day.Add(time.Hour))
	require.NoError(t, err)
	st, err := store.Open(fx.dir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	fx.store, fx.svc = st, keys.New(st, fx.vault, fx.clip)
	// The kept key's record is marked deleted although its secret is still there.
	require.NoError(t, st.Update(func(tx *store.Tx) error {
		k, err := tx.Key(kept.ID)
		k.State, k.DeletedAt, k.DeletedBy = apikey.Deleted, day, fx.owner
		return errors.Join(err, tx.PutKey(k))
	}))

	orphans, err = fx.svc.Orphans(fx.owner)
	require.NoError(t, err)
	require.Len(t, orphans, 2)
	byID := map[string]keys.Orphan{}
	for _, o := range orphans {
		byID[o.KeyID] = o
	}
	assert.True(t, byID[kept.ID].Reattachable)
	assert.False(t, byID[later.ID].Reattachable)
	assert.Equal(t, "production", byID[later.ID].Environment)

	_, err = fx.svc.Orphans("mem_nobody")
	assert.Error(t, err, "only those who may manage keys")

	r, err := fx.svc.Reattach(fx.owner)
	require.NoError(t, err)
	assert.Equal(t, keys.Reattached{Reattached: 1, Recreated: 1}, r)
	orphans, err = fx.svc.Orphans(fx.owner)
	require.NoError(t, err)
	assert.Empty(t, orphans)

	prod, err := fx.svc.List(fx.owner, apikey.Production)
	require.NoError(t, err)
	require.Len(t, prod, 1)
	assert.Equal(t, later.ID, prod[0].ID)
	assert.Equal(t, later.Fingerprint, prod[0].Fingerprint)
	assert.Contains(t, prod[0].Settings.Name, "Recovered key")
	_, err = fx.svc.Copy(fx.owner, later.ID)
	require.NoError(t, err, "the recovered key can be copied again")
	assert.Equal(t, later.Fingerprint, apikey.Fingerprint(fx.clip.last()))
	require.NoError(t, st.View(func(tx *store.Tx) error {
		log, err := tx.AuditLog()
		require.NoError(t, err)
		return log.Verify()
	}))
}
