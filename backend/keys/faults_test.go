package keys_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

var (
	errInjected = errors.New("injected failure")
	errCrashed  = errors.New("the process has stopped")
)

// faults counts every step a use case takes on the vault or the database and breaks one:
// with failAt, that step alone fails (a database step fails at commit, after its work
// ran, so bbolt rolls it back); with crashAfter, every step after it fails, as if the
// process had stopped there.
type faults struct {
	mu         sync.Mutex
	step       int
	failAt     int
	crashAfter int
	setIDs     []string // every ID written to the vault, to look for orphaned secrets
}

func (f *faults) next() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.step++
	switch {
	case f.crashAfter > 0 && f.step > f.crashAfter:
		return errCrashed
	case f.step == f.failAt:
		return errInjected
	}
	return nil
}

type faultyStore struct {
	keys.Store
	f *faults
}

func (s faultyStore) Update(fn func(*store.Tx) error) error {
	err := s.f.next()
	if errors.Is(err, errCrashed) {
		return err
	}
	return s.Store.Update(func(tx *store.Tx) error {
		if inner := fn(tx); inner != nil {
			return inner
		}
		return err // a failure at commit: bbolt rolls the work back
	})
}

func (s faultyStore) View(fn func(*store.Tx) error) error {
	if err := s.f.next(); err != nil {
		return err
	}
	return s.Store.View(fn)
}

type faultyVault struct {
	keys.Vault
	f *faults
}

func (v faultyVault) SetKey(secret string, it vault.Item) error {
	if err := v.f.next(); err != nil {
		return err
	}
	v.f.mu.Lock()
	v.f.setIDs = append(v.f.setIDs, it.KeyID)
	v.f.mu.Unlock()
	return v.Vault.SetKey(secret, it)
}

func (v faultyVault) Get(id string) (string, error) {
	if err := v.f.next(); err != nil {
		return "", err
	}
	return v.Vault.Get(id)
}

func (v faultyVault) Delete(id string) error {
	if err := v.f.next(); err != nil {
		return err
	}
	return v.Vault.Delete(id)
}

// faulty returns the fixture's service with f between it and the real vault and store.
func (fx *fixture) faulty(f *faults) *keys.Service {
	svc := *fx.svc
	svc.Store = faultyStore{Store: fx.store, f: f}
	svc.Vault = faultyVault{Vault: fx.vault, f: f}
	return &svc
}

// restart reopens the database, as the next start of the app does, and runs recovery.
func (fx *fixture) restart(t *testing.T) {
	t.Helper()
	require.NoError(t, fx.store.Close())
	st, err := store.Open(fx.dir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	fx.store = st
	fx.svc = keys.New(st, fx.vault, fx.clip)
	_, err = fx.svc.Recover()
	require.NoError(t, err)
	again, err := fx.svc.Recover()
	require.NoError(t, err)
	assert.Equal(t, keys.Recovered{}, again, "a second recovery finds nothing left to do")
}

// assertConsistent holds the rule of the two stores: no record half done, every active
// record has its secret, and no secret was left without an active record.
func (fx *fixture) assertConsistent(t *testing.T, setIDs []string) {
	t.Helper()
	active := map[string]bool{}
	for _, k := range fx.allKeys(t) {
		require.Contains(t, []apikey.State{apikey.Active, apikey.Deleted}, k.State, "key %s left %s", k.ID, k.State)
		if k.State == apikey.Active {
			active[k.ID] = true
			secret, err := fx.vault.Get(k.ID)
			require.NoError(t, err, "active key %s has no secret", k.ID)
			assert.Equal(t, k.Fingerprint, apikey.Fingerprint(secret))
		}
	}
	for _, id := range setIDs {
		if !active[id] {
			_, err := fx.vault.Get(id)
			assert.ErrorIs(t, err, vault.ErrNotFound, "secret %s has no active record", id)
		}
	}
}

func TestGenerateSurvivesAFailureAtEveryStep(t *testing.T) {
	// Steps of Generate: 1 pending record, 2 vault write, 3 record active.
	for _, tc := range []struct {
		name string
		f    *faults
	}{
		{"pending record fails", &faults{failAt: 1}},
		{"vault write fails", &faults{failAt: 2}},
		{"activation commit fails", &faults{failAt: 3}},
		{"stops after pending record", &faults{crashAfter: 1}},
		{"stops after vault write", &faults{crashAfter: 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fx := newFixture(t)
			_, err := fx.faulty(tc.f).Generate(fx.owner, apikey.Production)
			require.Error(t, err, "the person is told, once")

			fx.restart(t)
			fx.assertConsistent(t, tc.f.setIDs)
			list, err := fx.svc.List(fx.owner, apikey.Production)
			require.NoError(t, err, "no error is shown again after the restart")
			assert.Empty(t, list, "a key the person was told failed does not appear later")
		})
	}
}

func TestDeleteSurvivesAFailureAtEveryStep(t *testing.T) {
	// Steps of Delete: 1 record deleting, 2 vault delete, 3 record deleted.
	for _, tc := range []struct {
		name      string
		f         *faults
		stillLive bool
	}{
		{"deleting record fails", &faults{failAt: 1}, true},
		{"vault delete fails", &faults{failAt: 2}, true},
		{"deleted commit fails", &faults{failAt: 3}, false},
		{"stops after deleting record", &faults{crashAfter: 1}, false},
		{"stops after vault delete", &faults{crashAfter: 2}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fx := newFixture(t)
			k, err := fx.svc.Generate(fx.owner, apikey.Production)
			require.NoError(t, err)

			require.Error(t, fx.faulty(tc.f).Delete(fx.owner, k.ID))
			fx.restart(t)
			fx.assertConsistent(t, []string{k.ID})
			list, err := fx.svc.List(fx.owner, apikey.Production)
			require.NoError(t, err)
			assert.Equal(t, tc.stillLive, len(list) == 1)
		})
	}
}

func TestTwoGeneratesMakeTwoGoodKeys(t *testing.T) {
	fx := newFixture(t)
	var wg sync.WaitGroup
	ids := make([]string, 8)
	for i := range ids {
		wg.Go(func() {
			k, err := fx.svc.Generate(fx.owner, apikey.Production)
			assert.NoError(t, err)
			ids[i] = k.ID
		})
	}
	wg.Wait()
	list, err := fx.svc.List(fx.owner, apikey.Production)
	require.NoError(t, err)
	assert.Len(t, list, len(ids))
	fx.assertConsistent(t, ids)
}

func TestConfigureRacingDeleteNeverCorrupts(t *testing.T) {
	fx := newFixture(t)
	for round := range 10 {
		k, err := fx.svc.Generate(fx.owner, apikey.Production)
		require.NoError(t, err)
		s := k.Settings
		s.Name = fmt.Sprintf("Renamed %d", round)
		var wg sync.WaitGroup
		var configureErr, deleteErr error
		wg.Go(func() { _, configureErr = fx.svc.Configure(fx.owner, k.ID, s) })
		wg.Go(func() { deleteErr = fx.svc.Delete(fx.owner, k.ID) })
		wg.Wait()
		require.NoError(t, deleteErr)
		if configureErr != nil {
			assert.ErrorIs(t, configureErr, keys.ErrNotFound, "configure lost the race cleanly")
		}
	}
	fx.assertConsistent(t, nil)
	list, err := fx.svc.List(fx.owner, apikey.Production)
	require.NoError(t, err)
	assert.Empty(t, list)
}
