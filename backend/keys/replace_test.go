package keys_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

// copyErr drops the clearing timeout Copy returns, for tests about the copy itself.
func copyErr(_ time.Duration, err error) error { return err }

// clock is a time tests move by hand.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func (f *fixture) withClock(t *testing.T) *clock {
	t.Helper()
	c := &clock{now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	f.svc.Now = c.Now
	return c
}

func (f *fixture) key(t *testing.T, id string) apikey.Key {
	t.Helper()
	var k apikey.Key
	require.NoError(t, f.store.View(func(tx *store.Tx) error {
		var err error
		k, err = tx.Key(id)
		return err
	}))
	return k
}

func (f *fixture) actions(t *testing.T) []audit.Action {
	t.Helper()
	var out []audit.Action
	require.NoError(t, f.store.View(func(tx *store.Tx) error {
		log, err := tx.AuditLog()
		for _, e := range log.Events {
			out = append(out, e.Action)
		}
		require.NoError(t, log.Verify())
		return err
	}))
	return out
}

func TestReplaceKeepsSettingsAndLinksBothKeys(t *testing.T) {
	f := newFixture(t)
	c := f.withClock(t)
	old, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	s := old.Settings
	s.Name, s.MaxSigners, s.RedirectURL, s.ForceRedirect = "Salesforce sync", 4, "https://example.com/done", true
	_, err = f.svc.Configure(f.owner, old.ID, s)
	require.NoError(t, err)

	r, err := f.svc.Replace(f.owner, old.ID, time.Hour)
	require.NoError(t, err)

	assert.Equal(t, s, r.New.Settings, "same name and settings")
	assert.Equal(t, apikey.Sandbox, r.New.Environment)
	assert.Equal(t, old.ID, r.New.Replaces)
	assert.Equal(t, r.New.ID, r.Old.ReplacedBy)
	assert.Equal(t, c.now.Add(time.Hour), r.Old.ExpiresAt)
	assert.NotEqual(t, old.Fingerprint, r.New.Fingerprint)
	list, err := f.svc.List(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	require.Len(t, list, 2, "both keys are listed during the grace period")
	for _, k := range list {
		secret, err := f.vault.Get(k.ID)
		require.NoError(t, err, "both secrets are usable")
		assert.Equal(t, k.Fingerprint, apikey.Fingerprint(secret))
	}
	assert.Equal(t, []audit.Action{audit.OrgSetUp, audit.KeyGenerated, audit.KeyConfigured,
		audit.KeyGenerated, audit.KeyReplaced}, f.actions(t))

	_, err = f.svc.Replace(f.owner, old.ID, time.Hour)
	assert.ErrorIs(t, err, keys.ErrAlreadyReplaced, "a key is replaced once; its replacement may be replaced")
	_, err = f.svc.Replace(f.owner, r.New.ID, 3*time.Hour)
	assert.ErrorIs(t, err, keys.ErrGracePeriod)
}

func TestGracePeriodEndsWithoutSleeping(t *testing.T) {
	f := newFixture(t)
	c := f.withClock(t)
	old, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	r, err := f.svc.Replace(f.owner, old.ID, 24*time.Hour)
	require.NoError(t, err)

	c.now = c.now.Add(24*time.Hour - time.Second)
	n, err := f.svc.ExpireDue(c.now)
	require.NoError(t, err)
	assert.Zero(t, n, "one second early: kept")

	c.now = c.now.Add(time.Second)
	n, err = f.svc.ExpireDue(c.now)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	gone := f.key(t, old.ID)
	assert.Equal(t, apikey.Deleted, gone.State)
	assert.Equal(t, f.owner, gone.DeletedBy, "the member who replaced it")
	assert.Equal(t, c.now, gone.DeletedAt)
	_, err = f.vault.Get(old.ID)
	assert.Error(t, err, "the old secret is gone from the vault")
	assert.Equal(t, apikey.Active, f.key(t, r.New.ID).State)
	assert.Equal(t, audit.KeyExpired, f.actions(t)[4])
	n, err = f.svc.ExpireDue(c.now.Add(time.Hour))
	require.NoError(t, err)
	assert.Zero(t, n, "nothing left")
}

func TestReplaceNowDeletesTheOldKeyAtOnce(t *testing.T) {
	f := newFixture(t)
	f.withClock(t)
	old, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	r, err := f.svc.Replace(f.owner, old.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, apikey.Deleted, r.Old.State)
	assert.Equal(t, apikey.Deleted, f.key(t, old.ID).State)
	_, err = f.vault.Get(old.ID)
	assert.Error(t, err)
	list, err := f.svc.List(f.owner, apikey.Production)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, r.New.ID, list[0].ID)
}

func TestExpiryLeftHalfDoneIsFinishedAtNextStart(t *testing.T) {
	f := newFixture(t)
	c := f.withClock(t)
	old, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	_, err = f.svc.Replace(f.owner, old.ID, time.Hour)
	require.NoError(t, err)
	c.now = c.now.Add(2 * time.Hour)

	// The process stops after marking the key deleting (a read finds it, a write marks
	// it), before the vault is touched.
	_, err = f.faulty(&faults{crashAfter: 2}).ExpireDue(c.now)
	require.Error(t, err)
	assert.Equal(t, apikey.Deleting, f.key(t, old.ID).State)

	f.restart(t)
	assert.Equal(t, apikey.Deleted, f.key(t, old.ID).State)
	_, err = f.vault.Get(old.ID)
	assert.Error(t, err)
	f.assertConsistent(t, nil)
}

func TestExpiryWhileAppWasClosedHappensAtStart(t *testing.T) {
	f := newFixture(t)
	c := f.withClock(t)
	old, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	_, err = f.svc.Replace(f.owner, old.ID, 7*24*time.Hour)
	require.NoError(t, err)

	f.restart(t) // closed for more than a week
	f.svc.Now = c.Now
	n, err := f.svc.ExpireDue(c.now.Add(8 * 24 * time.Hour))
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

// TestReplaceCrashAtEveryStep stops the process after each step of Replace and restarts:
// either the replace happened (both keys, linked) or it did not (the old key alone).
func TestReplaceCrashAtEveryStep(t *testing.T) {
	for _, grace := range []time.Duration{0, time.Hour} {
		for step := 1; step <= 8; step++ {
			f := newFixture(t)
			f.withClock(t)
			old, err := f.svc.Generate(f.owner, apikey.Production)
			require.NoError(t, err)
			fl := &faults{crashAfter: step}
			_, _ = f.faulty(fl).Replace(f.owner, old.ID, grace)
			f.restart(t)
			f.assertConsistent(t, fl.setIDs)
			all := f.allKeys(t)
			if len(all) == 1 {
				assert.Equal(t, apikey.Active, all[0].State, "grace %v step %d: not replaced, old key kept", grace, step)
				assert.Empty(t, all[0].ReplacedBy)
				continue
			}
			require.Len(t, all, 2, "grace %v step %d", grace, step)
			assert.NotEmpty(t, f.key(t, old.ID).ReplacedBy, "grace %v step %d", grace, step)
		}
	}
}

func TestReplaceNeedsManageKeys(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	member := f.addMember(t, "member", access.TeamMember, false)
	_, err = f.svc.Replace(member, k.ID, time.Hour)
	assert.ErrorIs(t, err, access.ErrForbidden)
	assert.Len(t, f.allKeys(t), 1)
}
