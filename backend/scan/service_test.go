package scan_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/scan"
	"proofkeys/backend/store"
)

func TestServiceScanIsAnAuditEventWithItsCountsOnly(t *testing.T) {
	p := plant(t)
	st, err := store.Open(p.org.Dir)
	require.NoError(t, err)
	defer st.Close()
	svc := scan.New(st)
	svc.Now = func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }

	r, err := svc.Scan(context.Background(), p.org.Owner, scan.Request{Paths: []string{p.tree}}, apikey.Production)
	require.NoError(t, err)
	require.Len(t, r.Findings, len(p.org.Keys))

	var log audit.Log
	require.NoError(t, st.View(func(tx *store.Tx) error { log, err = tx.AuditLog(); return err }))
	last := log.Events[len(log.Events)-1]
	assert.Equal(t, audit.KeysScanned, last.Action)
	assert.Equal(t, p.org.Owner, last.Actor)
	assert.Equal(t, scan.Summary(r), last.Detail)
	assert.Contains(t, last.Detail, "7 keys found, 4 live; 7 shaped like a key but with a typo")
	assert.NotContains(t, last.Detail, p.tree, "no path")
	for _, k := range p.org.Keys {
		assert.NotContains(t, last.Detail, k.Secret[len(k.Secret)-4:], "not even a hint")
	}
	require.NoError(t, log.Verify())

	// a cancelled scan is recorded too, as stopped early
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err = svc.Scan(ctx, p.org.Owner, scan.Request{Paths: []string{p.tree}}, "")
	require.NoError(t, err)
	assert.True(t, r.Cancelled)
	require.NoError(t, st.View(func(tx *store.Tx) error { log, err = tx.AuditLog(); return err }))
	assert.True(t, strings.HasPrefix(log.Events[len(log.Events)-1].Detail, "stopped early: "))
}

func TestServiceScanNeedsAMember(t *testing.T) {
	p := plant(t)
	st, err := store.Open(p.org.Dir)
	require.NoError(t, err)
	defer st.Close()
	_, err = scan.New(st).Scan(context.Background(), "mem_nobody", scan.Request{Paths: []string{p.tree}}, "")
	assert.ErrorIs(t, err, store.ErrNoMember)

	require.NoError(t, st.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return err
		}
		o.Enablement.APIAccess = false
		return tx.PutOrg(o)
	}))
	_, err = scan.New(st).Scan(context.Background(), p.org.Owner, scan.Request{Paths: []string{p.tree}}, "")
	assert.ErrorIs(t, err, access.ErrNoAPIAccess)
}
