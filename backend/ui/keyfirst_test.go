package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// The first screen, answered from a walk of the keys, is the whole list's first page: the
// same rows in the same order (keys of the same second by when they were made, not by
// ID), the same counts, the same withdrawn payers named.
func TestTheFirstScreenIsTheWholeListsFirstPage(t *testing.T) {
	a, _ := setUpWithKeys(t)
	copied := named(t, a, "Copied")
	_, err := a.Keys.CopyKey(copied.ID)
	require.NoError(t, err)
	named(t, a, "Never copied")
	days := 90
	_, err = a.Org.SavePolicies(PoliciesInput{RotationDays: &days, ClipboardClearSeconds: new(30)})
	require.NoError(t, err)
	enable(t, a, func(e *access.Enablement) { e.PayerInvoice, e.PayerOrganization = false, true })
	s := a.s()
	start := time.Now().UTC().Truncate(time.Second).AddDate(0, 0, -60)
	states := []apikey.State{apikey.Active, apikey.Active, apikey.Active, apikey.Pending, apikey.Deleting, apikey.Deleted}
	payers := []apikey.Payer{apikey.PayerSigner, apikey.PayerInvoice, apikey.PayerOrganization}
	require.NoError(t, s.store.Update(func(tx *store.Tx) error {
		for i := range 90 {
			// Three keys a day, in the same second; made (Seq) in the reverse of ID order.
			at := start.Add(time.Duration(i/3)*24*time.Hour + time.Duration(i%3)*time.Millisecond)
			k := apikey.Key{ID: fmt.Sprintf("key_first%03d", i), Environment: apikey.Production,
				Access: apikey.FullAccess, Fingerprint: fmt.Sprintf("%064d", i), Last4: fmt.Sprintf("%04d", i),
				State: states[i%len(states)], Settings: apikey.DefaultSettings(fmt.Sprintf("Key %d", i)),
				CreatedAt: at, CreatedBy: a.core.session.memberID, UpdatedAt: at, Seq: uint64(1000 - i)}
			k.Settings.Payer = payers[i%len(payers)]
			if i%7 == 0 {
				k.Environment = apikey.Sandbox
			}
			if i%5 == 0 {
				k.ReplacedBy, k.ExpiresAt = "key_first000", at.Add(time.Hour)
			}
			if err := tx.PutKey(k); err != nil {
				return err
			}
		}
		return nil
	}))
	later := start.AddDate(0, 0, 120)
	s.keys.Now = func() time.Time { return later }

	for _, env := range []string{"production", "sandbox"} {
		e := apikey.Environment(env)
		for _, limit := range []int{1, 4, 100} {
			q := firstPage(env, "", "all", "newest")
			q.Limit = limit
			forgetLists(t, s)
			first, ok, err := a.Keys.firstScreen(s, e, q)
			require.NoError(t, err)
			require.True(t, ok, "no list was kept")
			forgetLists(t, s)
			whole, err := a.Keys.list(s, e)
			require.NoError(t, err)
			assert.Equal(t, whole.page(q, keyFilters["all"]), first, "%s, %d keys", env, limit)
		}
	}
	first, _, err := a.Keys.firstScreen(s, apikey.Production, firstPage("production", "", "all", "newest"))
	require.NoError(t, err)
	assert.Positive(t, first.Overdue, "the data has overdue keys")
	assert.Greater(t, first.WithdrawnCount, maxWithdrawnNames, "and more withdrawn payers than are named")
}

// forgetLists waits for the read ahead and forgets the lists kept.
func forgetLists(t *testing.T, s *services) {
	t.Helper()
	k := &s.keyLists
	assert.Eventually(t, func() bool {
		k.mu.Lock()
		defer k.mu.Unlock()
		return len(k.ahead) == 0
	}, 5*time.Second, 5*time.Millisecond)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.lists = nil
}
