package keys_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

func TestGenerateListsNewKeyWithDefaults(t *testing.T) {
	f := newFixture(t)
	now := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	f.svc.Now = func() time.Time { return now }

	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	assert.Equal(t, apikey.Active, k.State)
	assert.Equal(t, apikey.FullAccess, k.Access)
	assert.Equal(t, "Full access key 1", k.Settings.Name)
	assert.Equal(t, f.owner, k.CreatedBy)
	assert.Equal(t, now, k.CreatedAt)
	assert.Regexp(t, `^prf_…[0-9A-Za-z]{4}$`, k.Hint())

	second, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	assert.Equal(t, "Full access key 2", second.Settings.Name)

	list, err := f.svc.List(f.owner, apikey.Production)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, []string{k.ID, second.ID}, []string{list[0].ID, list[1].ID})
}

func TestEnvironmentsAreListedApart(t *testing.T) {
	f := newFixture(t)
	p, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	s, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	assert.Regexp(t, `^prf_test_…`, s.Hint())

	prod, err := f.svc.List(f.owner, apikey.Production)
	require.NoError(t, err)
	sandbox, err := f.svc.List(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	assert.Equal(t, p.ID, prod[0].ID)
	assert.Equal(t, s.ID, sandbox[0].ID)
	assert.Len(t, prod, 1)
	assert.Len(t, sandbox, 1)
}

func TestCopyPutsTheVaultSecretOnTheClipboard(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)

	require.NoError(t, copyErr(f.svc.Copy(f.owner, k.ID)))
	secret := f.clip.last()
	p, err := apikey.Parse(secret)
	require.NoError(t, err)
	assert.Equal(t, k.Fingerprint, p.Fingerprint)
	assert.Equal(t, k.Last4, p.Last4)
}

func TestCopyRefusesATamperedOrMissingSecret(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	other, _ := apikey.Generate(apikey.Production, f.svc.Rand)
	require.NoError(t, f.vault.Set(k.ID, other, "changed behind the app's back"))
	assert.ErrorIs(t, copyErr(f.svc.Copy(f.owner, k.ID)), keys.ErrSecretMismatch)

	require.NoError(t, f.vault.Delete(k.ID))
	assert.ErrorIs(t, copyErr(f.svc.Copy(f.owner, k.ID)), keys.ErrSecretMissing)
	assert.Empty(t, f.clip.last(), "nothing reached the clipboard")
}

func TestConfigureSavesValidSettings(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	s := k.Settings
	s.Name, s.MinSigners, s.MaxSigners = "  Salesforce sync ", 2, 3
	s.ForceRedirect, s.RedirectURL = true, "https://example.com/done"
	saved, err := f.svc.Configure(f.owner, k.ID, s)
	require.NoError(t, err)
	assert.Equal(t, "Salesforce sync", saved.Settings.Name)

	list, err := f.svc.List(f.owner, apikey.Production)
	require.NoError(t, err)
	assert.Equal(t, saved.Settings, list[0].Settings)
}

func TestConfigureRejectsInvalidSettingsAndKeepsOld(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	s := k.Settings
	s.MinSigners, s.MaxSigners, s.RedirectURL = 3, 2, "http://example.com"
	_, err = f.svc.Configure(f.owner, k.ID, s)
	var fields apikey.FieldErrors
	require.ErrorAs(t, err, &fields)
	assert.Contains(t, fields, "maxSigners")
	assert.Contains(t, fields, "redirectUrl")

	list, err := f.svc.List(f.owner, apikey.Production)
	require.NoError(t, err)
	assert.Equal(t, k.Settings, list[0].Settings)
}

func TestConfigurePayerNeedsEnablement(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	s := k.Settings
	s.Payer = apikey.PayerInvoice

	_, err = f.svc.Configure(f.owner, k.ID, s)
	var fields apikey.FieldErrors
	require.ErrorAs(t, err, &fields)
	assert.Equal(t, "Ask your CSM to enable this payer.", fields["payer"])

	f.setEnablement(t, access.Enablement{APIAccess: true, PayerInvoice: true})
	_, err = f.svc.Configure(f.owner, k.ID, s)
	require.NoError(t, err)

	// Withdrawn later: the saved payer stays, and other edits still save.
	f.setEnablement(t, access.Enablement{APIAccess: true})
	s.Name = "Renamed"
	saved, err := f.svc.Configure(f.owner, k.ID, s)
	require.NoError(t, err)
	assert.Equal(t, apikey.PayerInvoice, saved.Settings.Payer)
}

func TestDeleteRemovesSecretAndKeepsHistory(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	require.NoError(t, f.svc.Delete(f.owner, k.ID))
	_, err = f.vault.Get(k.ID)
	assert.Error(t, err, "the secret is gone from the vault")
	list, err := f.svc.List(f.owner, apikey.Production)
	require.NoError(t, err)
	assert.Empty(t, list)

	all := f.allKeys(t)
	require.Len(t, all, 1)
	assert.Equal(t, apikey.Deleted, all[0].State)
	assert.Equal(t, f.owner, all[0].DeletedBy)
	assert.False(t, all[0].DeletedAt.IsZero())

	assert.ErrorIs(t, f.svc.Delete(f.owner, k.ID), keys.ErrNotFound)
	assert.ErrorIs(t, copyErr(f.svc.Copy(f.owner, k.ID)), keys.ErrNotFound)
	_, err = f.svc.Configure(f.owner, k.ID, k.Settings)
	assert.ErrorIs(t, err, keys.ErrNotFound)
}

// TestPermissions runs every role against every action, in Go, as a bound method would.
func TestPermissions(t *testing.T) {
	f := newFixture(t)
	target, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	actions := map[string]func(member string) error{
		"list": func(m string) error { _, err := f.svc.List(m, apikey.Production); return err },
		"generate": func(m string) error {
			k, err := f.svc.Generate(m, apikey.Sandbox)
			if err == nil {
				return f.svc.Delete(f.owner, k.ID)
			}
			return err
		},
		"configure": func(m string) error { _, err := f.svc.Configure(m, target.ID, target.Settings); return err },
		"copy":      func(m string) error { return copyErr(f.svc.Copy(m, target.ID)) },
	}
	members := []struct {
		id     string
		role   access.Role
		grant  bool
		manage bool
	}{
		{"owner2", access.Owner, false, true},
		{"admin", access.Admin, false, true},
		{"member", access.TeamMember, false, false},
		{"granted", access.TeamMember, true, true},
	}
	for _, m := range members {
		id := f.addMember(t, m.id, m.role, m.grant)
		for name, act := range actions {
			t.Run(m.id+"/"+name, func(t *testing.T) {
				err := act(id)
				if name == "list" || m.manage {
					assert.NoError(t, err)
				} else {
					assert.ErrorIs(t, err, access.ErrForbidden)
				}
			})
		}
		t.Run(m.id+"/delete", func(t *testing.T) {
			k, err := f.svc.Generate(f.owner, apikey.Production)
			require.NoError(t, err)
			if err := f.svc.Delete(id, k.ID); m.manage {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, access.ErrForbidden)
			}
		})
	}

	f.setEnablement(t, access.Enablement{})
	for name, act := range actions {
		assert.ErrorIs(t, act(f.owner), access.ErrNoAPIAccess, name)
	}
	_, err = f.svc.List("mem_unknown", apikey.Production)
	assert.Error(t, err)
}

func TestCopiesCountsEachKeysCopies(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for _, env := range []apikey.Environment{apikey.Production, apikey.Sandbox} {
		k, err := f.svc.Generate(f.owner, env)
		require.NoError(t, err)
		ids = append(ids, k.ID)
	}
	copied, never := ids[0], ids[1]
	for range 2 {
		require.NoError(t, copyErr(f.svc.Copy(f.owner, copied)))
	}

	got, err := f.svc.Copies(f.owner)
	require.NoError(t, err)
	assert.Equal(t, 2, got[copied].Count)
	assert.NotEmpty(t, got[copied].LastBy)
	assert.NotContains(t, got, never, "never copied")
	_, err = f.svc.Copies("nobody")
	assert.Error(t, err)
}

func TestCopiedNamesTheKeysWhoseSecretWasCopied(t *testing.T) {
	f := newFixture(t)
	used, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	unused, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	require.NoError(t, copyErr(f.svc.Copy(f.owner, used.ID)))

	list, err := f.svc.List(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	copied, err := f.svc.Copied(f.owner, list)
	require.NoError(t, err)
	assert.Equal(t, map[string]bool{used.ID: true}, copied, "%s was never copied", unused.ID)

	_, err = f.svc.Copied("mem_nobody", list)
	assert.ErrorIs(t, err, store.ErrNoMember)
}

func TestExpireDueWritesNothingWhenNothingIsDue(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	before, err := f.store.Version()
	require.NoError(t, err)
	n, err := f.svc.ExpireDue(time.Now())
	require.NoError(t, err)
	assert.Zero(t, n)
	after, err := f.store.Version()
	require.NoError(t, err)
	assert.Equal(t, before, after, "a run that finds nothing leaves the data as it was")
}

func TestKeysWhereDecodesOnlyTheKeysAsked(t *testing.T) {
	f := newFixture(t)
	live, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	gone, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	require.NoError(t, f.svc.Delete(f.owner, gone.ID))
	require.NoError(t, f.svc.Store.View(func(tx *store.Tx) error {
		got, err := tx.KeysWhere(func(k *apikey.Key) bool {
			return k.Environment == apikey.Sandbox && k.State == apikey.Active
		})
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, live.ID, got[0].ID)
		got, err = tx.KeysWhere(func(k *apikey.Key) bool { return k.State == apikey.Deleted })
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, gone.ID, got[0].ID)
		return nil
	}))
}
