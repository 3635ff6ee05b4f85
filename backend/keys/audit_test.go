package keys_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

func TestEveryChangeAndCopyIsAnEvent(t *testing.T) {
	fx := newFixture(t)
	k, err := fx.svc.Generate(fx.owner, apikey.Production)
	require.NoError(t, err)
	s := k.Settings
	s.Name, s.MaxSigners = "Salesforce sync", 4
	_, err = fx.svc.Configure(fx.owner, k.ID, s)
	require.NoError(t, err)
	_, err = fx.svc.Configure(fx.owner, k.ID, s)
	require.NoError(t, err, "saving unchanged settings records nothing")
	require.NoError(t, copyErr(fx.svc.Copy(fx.owner, k.ID)))
	require.NoError(t, fx.svc.Delete(fx.owner, k.ID))

	var log audit.Log
	require.NoError(t, fx.store.View(func(tx *store.Tx) error {
		log, err = tx.AuditLog()
		return err
	}))
	events := log.Events
	var actions []audit.Action
	for _, e := range events {
		actions = append(actions, e.Action)
		assert.Equal(t, "Dana", e.ActorName)
	}
	assert.Equal(t, []audit.Action{audit.OrgSetUp, audit.KeyGenerated, audit.KeyConfigured, audit.KeyCopied, audit.KeyDeleted}, actions)
	assert.Equal(t, []audit.Change{
		{Field: "maxSigners", Old: "1", New: "4"},
		{Field: "name", Old: "Full access key 1", New: "Salesforce sync"},
	}, events[2].Changes)
	assert.NoError(t, log.Verify())
}
