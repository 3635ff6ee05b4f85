package org_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/audit"
	"proofkeys/backend/org"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/store"
)

func TestAnOwnerGetsARecoveryCodeThatSetsANewPassphrase(t *testing.T) {
	svc, st := newService(t)
	c := &clock{t: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}
	svc.Now, svc.Hashing = c.now, passphrase.Params{Time: 1, MemoryKiB: 64, Threads: 1}
	_, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)

	code, err := svc.SetPassphrase(owner.ID, owner.ID, "", pass)
	require.NoError(t, err)
	require.Regexp(t, `^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){4}$`, code, "shown once, to print or store")
	require.NoError(t, st.View(func(tx *store.Tx) error {
		m, err := tx.Member(owner.ID)
		require.NotNil(t, m.Recovery, "a hash of it is kept")
		assert.NotContains(t, string(m.Recovery.Hash), code)
		return err
	}))

	// The sole Owner forgot the passphrase: the code, typed back loosely, sets a new one.
	typed := strings.ToLower(strings.ReplaceAll(code, "-", " "))
	next, err := svc.ResetPassphraseWithRecoveryCode(owner.ID, typed, "a brand new passphrase")
	require.NoError(t, err)
	assert.NotEqual(t, code, next, "a code works once; a new one replaces it")
	_, err = svc.SignIn(owner.ID, "a brand new passphrase")
	require.NoError(t, err)
	_, err = svc.ResetPassphraseWithRecoveryCode(owner.ID, code, "another passphrase")
	assert.ErrorIs(t, err, org.ErrWrongRecoveryCode, "the used code no longer works")

	var events []audit.Event
	require.NoError(t, st.View(func(tx *store.Tx) error {
		return tx.EventsSince(0, func(e audit.Event) error { events = append(events, e); return nil },
			audit.PassphraseRecovered, audit.SignInFailed)
	}))
	require.Len(t, events, 2)
	assert.Equal(t, audit.PassphraseRecovered, events[0].Action)
	assert.Equal(t, owner.ID, events[0].Actor)
	assert.Equal(t, org.Someone, events[1].ActorName)
	assert.Equal(t, "tried a recovery code for Dana ("+owner.ID+")", events[1].Detail)
}

func TestWrongRecoveryCodesWaitLikeWrongPassphrases(t *testing.T) {
	tm := newTeam(t)
	code, err := tm.svc.SetPassphrase(tm.owner.ID, tm.owner.ID, pass, pass+" again")
	require.NoError(t, err)
	for range 2 {
		_, err := tm.svc.ResetPassphraseWithRecoveryCode(tm.owner.ID, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "a new passphrase")
		require.ErrorIs(t, err, org.ErrWrongRecoveryCode)
		require.NotErrorIs(t, err, org.ErrSlowDown)
	}
	_, err = tm.svc.ResetPassphraseWithRecoveryCode(tm.owner.ID, "not even a code", "a new passphrase")
	require.ErrorIs(t, err, org.ErrWrongRecoveryCode)
	require.ErrorIs(t, err, org.ErrSlowDown, "the third wrong try starts the wait, as at sign-in")
	_, err = tm.svc.ResetPassphraseWithRecoveryCode(tm.owner.ID, code, "a new passphrase")
	var wait org.WaitError
	require.ErrorAs(t, err, &wait, "even the right code waits")
	tm.clock.t = tm.clock.t.Add(wait.Wait)
	_, err = tm.svc.ResetPassphraseWithRecoveryCode(tm.owner.ID, code, "a new passphrase")
	require.NoError(t, err)
}

func TestOnlyAnOwnerSettingTheirOwnPassphraseGetsACode(t *testing.T) {
	tm := newTeam(t)
	code, err := tm.svc.SetPassphrase(tm.admin.ID, tm.admin.ID, pass+" Ari", "a new passphrase")
	require.NoError(t, err)
	assert.Empty(t, code, "an Admin who forgets asks an Owner")
	code, err = tm.svc.SetPassphrase(tm.owner.ID, tm.plain.ID, "", "reset by the owner")
	require.NoError(t, err)
	assert.Empty(t, code, "a reset for someone else gives no code")
	_, err = tm.svc.ResetPassphraseWithRecoveryCode(tm.plain.ID, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "a new passphrase")
	assert.ErrorIs(t, err, org.ErrNoRecoveryCode)
	_, err = tm.svc.ResetPassphraseWithRecoveryCode(tm.owner.ID, "AAAAA", "short")
	assert.Error(t, err, "a passphrase too short is refused before anything is counted")
	_, err = tm.svc.ResetPassphraseWithRecoveryCode("mem_nobody", "AAAAA", "a new passphrase")
	assert.ErrorIs(t, err, org.ErrNoSuchMember)
}
