package org_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
)

// putMember adds a member with role straight to the database.
func putMember(t *testing.T, st *store.Store, id string, role access.Role) {
	t.Helper()
	require.NoError(t, st.Update(func(tx *store.Tx) error {
		return tx.PutMember(access.Member{ID: id, Name: id, Role: role, ManageAPIKeys: true})
	}))
}

func TestPoliciesOwnersAndAdminsOnlyAndAudited(t *testing.T) {
	svc, st := newService(t)
	_, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	p, err := svc.Policies()
	require.NoError(t, err)
	assert.Equal(t, org.Policies{RotationDays: 90, ClipboardClearSeconds: 30}, p)

	putMember(t, st, "admin", access.Admin)
	putMember(t, st, "granted", access.TeamMember)
	_, err = svc.SetPolicies("granted", org.Policies{RotationDays: 30, ClipboardClearSeconds: 30})
	assert.ErrorIs(t, err, access.ErrForbidden, "Manage API keys is not enough")

	_, err = svc.SetPolicies("admin", org.Policies{RotationDays: 30, ClipboardClearSeconds: 10})
	require.NoError(t, err)
	_, err = svc.SetPolicies(owner.ID, org.Policies{RotationDays: 30, ClipboardClearSeconds: 10})
	require.NoError(t, err, "saving what is there records nothing")
	p, err = svc.Policies()
	require.NoError(t, err)
	assert.Equal(t, org.Policies{RotationDays: 30, ClipboardClearSeconds: 10}, p)

	require.NoError(t, st.View(func(tx *store.Tx) error {
		o, err := tx.Org()
		require.NoError(t, err)
		assert.Equal(t, access.DefaultSettings.AutoLockMinutes, o.Settings.AutoLockMinutes, "left alone")
		var events []audit.Event
		require.NoError(t, tx.EventsSince(0, func(e audit.Event) error { events = append(events, e); return nil }, audit.OrgSettingsSet))
		require.Len(t, events, 1)
		assert.Equal(t, "admin", events[0].Actor)
		assert.Equal(t, []audit.Change{
			{Field: "clipboardClearSeconds", Old: "30", New: "10"},
			{Field: "rotationDays", Old: "90", New: "30"},
		}, events[0].Changes)
		return err
	}))
}

func TestPoliciesAreValidated(t *testing.T) {
	svc, _ := newService(t)
	_, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	for _, p := range []org.Policies{{RotationDays: 45, ClipboardClearSeconds: 30}, {RotationDays: 90, ClipboardClearSeconds: -1},
		{RotationDays: 90, ClipboardClearSeconds: 601}} {
		_, err := svc.SetPolicies(owner.ID, p)
		var fields apikey.FieldErrors
		require.ErrorAs(t, err, &fields, "%+v", p)
		assert.Len(t, fields, 1)
	}
	for _, p := range []org.Policies{{RotationDays: 0, ClipboardClearSeconds: 0}, {RotationDays: 365, ClipboardClearSeconds: 600}} {
		_, err := svc.SetPolicies(owner.ID, p)
		assert.NoError(t, err)
	}
}

func TestAuditLogFiltersAndVerifies(t *testing.T) {
	svc, st := newService(t)
	_, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	putMember(t, st, "admin", access.Admin)
	_, err = svc.SetPolicies("admin", org.Policies{RotationDays: 30, ClipboardClearSeconds: 10})
	require.NoError(t, err)

	log, err := svc.AuditLog(owner.ID, audit.Filter{})
	require.NoError(t, err)
	assert.NoError(t, log.Broken)
	assert.Len(t, log.Events, 2)
	log, err = svc.AuditLog(owner.ID, audit.Filter{Actor: "admin"})
	require.NoError(t, err)
	require.Len(t, log.Events, 1)
	assert.Equal(t, audit.OrgSettingsSet, log.Events[0].Action)
	_, err = svc.AuditLog("nobody", audit.Filter{})
	assert.Error(t, err)
}
