package keys_test

import (
	"bytes"
	"encoding/json"
	"log"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// TestSecretsNeverLeaveTheVaultPath drives every use case, failures included, and then
// looks for each secret in the database file, the log and every value the use cases
// returned. The only place a secret may appear is the clipboard.
func TestSecretsNeverLeaveTheVaultPath(t *testing.T) {
	var logs bytes.Buffer
	log.SetOutput(&logs)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	fx := newFixture(t)
	var returned []any
	for _, env := range apikey.Environments {
		for range 3 {
			k, err := fx.svc.Generate(fx.owner, env)
			require.NoError(t, err)
			require.NoError(t, copyErr(fx.svc.Copy(fx.owner, k.ID)))
			s := k.Settings
			s.Name = "Integration " + k.Last4
			saved, err := fx.svc.Configure(fx.owner, k.ID, s)
			require.NoError(t, err)
			s.MinSigners = 0
			_, invalid := fx.svc.Configure(fx.owner, k.ID, s)
			returned = append(returned, k, saved, invalid.Error())
		}
		list, err := fx.svc.List(fx.owner, env)
		require.NoError(t, err)
		returned = append(returned, list)
		require.NoError(t, fx.svc.Delete(fx.owner, list[0].ID))
	}
	_, err := fx.faulty(&faults{failAt: 3}).Generate(fx.owner, apikey.Production)
	returned = append(returned, err.Error())
	require.NoError(t, fx.store.Close())

	db, err := os.ReadFile(filepath.Join(fx.dir, store.FileName))
	require.NoError(t, err)
	views, err := json.Marshal(returned)
	require.NoError(t, err)
	require.Len(t, fx.clip.secrets, 6)
	for _, secret := range fx.clip.secrets {
		assert.NotContains(t, string(db), secret, "secret in the database file")
		assert.NotContains(t, logs.String(), secret, "secret in the log")
		assert.NotContains(t, string(views), secret, "secret in a returned value")
		body := secret[len(secret)-apikey.RandomLength-apikey.ChecksumLength:]
		assert.NotContains(t, string(db), body, "secret body in the database file")
	}
}
