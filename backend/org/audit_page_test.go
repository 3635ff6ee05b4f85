package org_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/audit"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
)

// withKeyEvents appends a copy of each named key by the Owner, as the keys use case does.
func withKeyEvents(t *testing.T, tm *team, names ...string) {
	t.Helper()
	for i, name := range names {
		require.NoError(t, tm.st.Update(func(tx *store.Tx) error {
			_, err := tx.AppendEvent(audit.Event{Time: tm.clock.t, Actor: tm.owner.ID, ActorName: tm.owner.Name,
				Action: audit.KeyCopied, KeyID: fmt.Sprintf("key_%d", i), KeyName: name})
			return err
		}))
	}
}

func TestAuditPageOverEveryEvent(t *testing.T) {
	tm := newTeam(t)
	withKeyEvents(t, tm, "a", "b", "c")
	all, err := tm.svc.AuditLog(tm.owner.ID, audit.Filter{})
	require.NoError(t, err)
	n := len(all.Events)

	for _, who := range []string{tm.owner.ID, tm.plain.ID} {
		p, err := tm.svc.AuditPage(who, org.AuditQuery{Limit: 2})
		require.NoError(t, err, "every member reads the history")
		assert.Equal(t, n, p.Total)
		assert.Equal(t, []audit.Event{all.Events[n-1], all.Events[n-2]}, p.Events, "newest first")
	}
	p, err := tm.svc.AuditPage(tm.owner.ID, org.AuditQuery{Filter: audit.Filter{Action: audit.KeyCopied}, Offset: 1})
	require.NoError(t, err)
	assert.Equal(t, 3, p.Total)
	assert.Equal(t, []audit.Event{all.Events[n-2], all.Events[n-3]}, p.Events)
	p, err = tm.svc.AuditPage(tm.owner.ID, org.AuditQuery{Offset: -5, Limit: org.MaxAuditPage + 1})
	require.NoError(t, err, "out of range: the first page, at most MaxAuditPage")
	assert.Len(t, p.Events, n)
	_, err = tm.svc.AuditPage("nobody", org.AuditQuery{})
	assert.ErrorIs(t, err, org.ErrSignInNeeded)

	chain, err := tm.svc.AuditChain(tm.plain.ID)
	require.NoError(t, err)
	assert.Equal(t, org.AuditChain{Events: n, Head: all.Events[n-1].Hash}, chain)
	_, err = tm.svc.AuditChain("nobody")
	assert.ErrorIs(t, err, org.ErrSignInNeeded)
}

func TestKeyChoicesInNaturalOrder(t *testing.T) {
	tm := newTeam(t)
	withKeyEvents(t, tm, "Seeded key 10", "Seeded key 2", "Billing", "Seeded key 1", "seeded KEY 100")
	got, err := tm.svc.KeyChoices(tm.plain.ID, "", 0)
	require.NoError(t, err)
	assert.Equal(t, org.KeyChoices{Total: 5, Keys: []org.Choice{{"key_2", "Billing"}, {"key_3", "Seeded key 1"},
		{"key_1", "Seeded key 2"}, {"key_0", "Seeded key 10"}, {"key_4", "seeded KEY 100"}}}, got)

	got, err = tm.svc.KeyChoices(tm.plain.ID, " Key 1", 2)
	require.NoError(t, err)
	assert.Equal(t, org.KeyChoices{Total: 3, Keys: []org.Choice{{"key_3", "Seeded key 1"}, {"key_0", "Seeded key 10"}}}, got,
		"ignoring case and the spaces around; limited, with the count of all")
	got, err = tm.svc.KeyChoices(tm.plain.ID, "KEY_4", 10)
	require.NoError(t, err)
	assert.Equal(t, []org.Choice{{"key_4", "seeded KEY 100"}}, got.Keys, "by ID too")
	_, err = tm.svc.KeyChoices("nobody", "", 0)
	assert.ErrorIs(t, err, org.ErrSignInNeeded)

	_, err = tm.svc.SetPolicies(tm.admin.ID, org.Policies{RotationDays: 30, ClipboardClearSeconds: 30})
	require.NoError(t, err)
	f, err := tm.svc.AuditFilters(tm.plain.ID)
	require.NoError(t, err)
	assert.Equal(t, []org.Choice{{tm.admin.ID, "Ari"}, {tm.owner.ID, "Dana"}}, f.Members, "who acted, in natural order")
	assert.Contains(t, f.Actions, audit.KeyCopied)
	assert.Contains(t, f.Actions, audit.MemberAdded)
	assert.NotContains(t, f.Actions, audit.KeyDeleted, "only actions the log holds")
}
