package org_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
)

func newService(t *testing.T) (*org.Service, *store.Store) {
	t.Helper()
	st, err := store.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return org.New(st), st
}

func TestSetupValidatesEachField(t *testing.T) {
	svc, _ := newService(t)
	cases := []struct {
		org, name, email string
		bad              []string
	}{
		{"", "Dana", "dana@example.com", []string{"orgName"}},
		{"Acme", "  ", "dana@example.com", []string{"name"}},
		{"Acme", "Dana", "dana", []string{"email"}},
		{"Acme", "Dana", "Dana <dana@example.com>", []string{"email"}},
		{strings.Repeat("a", 101), strings.Repeat("b", 101), "", []string{"email", "name", "orgName"}},
	}
	for _, tc := range cases {
		_, _, err := svc.Setup(tc.org, tc.name, tc.email)
		var fields apikey.FieldErrors
		require.ErrorAs(t, err, &fields)
		var got []string
		for f := range fields {
			got = append(got, f)
		}
		assert.ElementsMatch(t, tc.bad, got)
	}
	_, _, err := svc.Current("")
	assert.ErrorIs(t, err, org.ErrNotSetUp, "a refused setup writes nothing")
}

func TestSetupMakesTheOwnerOnce(t *testing.T) {
	svc, _ := newService(t)
	o, m, err := svc.Setup(" Acme ", "Dana", "dana@example.com")
	require.NoError(t, err)
	assert.Equal(t, "Acme", o.Name)
	assert.Equal(t, access.Owner, m.Role)
	assert.Equal(t, "Dana", svc.MemberName(m.ID))
	assert.Equal(t, "a former member", svc.MemberName("mem_gone"))

	_, _, err = svc.Setup("Other", "Eve", "eve@example.com")
	assert.ErrorIs(t, err, org.ErrAlreadySetUp)

	gotOrg, me, err := svc.Current("")
	require.NoError(t, err)
	assert.Equal(t, o.ID, gotOrg.ID)
	assert.Equal(t, m.ID, me.ID)
}

func TestCurrentNeedsSignInWithSeveralMembers(t *testing.T) {
	svc, st := newService(t)
	_, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	require.NoError(t, st.Update(func(tx *store.Tx) error {
		return tx.PutMember(access.Member{ID: "mem_2", Name: "Sam", Role: access.TeamMember})
	}))
	_, _, err = svc.Current("")
	assert.ErrorIs(t, err, org.ErrSignInNeeded)
	_, me, err := svc.Current(owner.ID)
	require.NoError(t, err)
	assert.Equal(t, "Dana", me.Name)
}
