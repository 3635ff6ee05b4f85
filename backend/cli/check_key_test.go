package cli_test

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/cli"
	"proofkeys/backend/store"
)

// putKey records a new production key "Salesforce sync" in the folder dir, as edit
// makes it, and returns its secret.
func putKey(t *testing.T, dir string, edit func(*apikey.Key)) string {
	t.Helper()
	secret, err := apikey.Generate(apikey.Production, rand.Reader)
	require.NoError(t, err)
	p, err := apikey.Parse(secret)
	require.NoError(t, err)
	k := apikey.Key{ID: "key_real", Environment: apikey.Production, State: apikey.Active,
		Fingerprint: p.Fingerprint, Last4: p.Last4, Settings: apikey.DefaultSettings("Salesforce sync")}
	edit(&k)
	st, err := store.Open(dir)
	require.NoError(t, err)
	require.NoError(t, st.Update(func(tx *store.Tx) error { return tx.PutKey(k) }))
	require.NoError(t, st.Close())
	return secret
}

func TestCheckKeySaysAKeyWasDeletedAsExposed(t *testing.T) {
	dir := auditFolder(t, 1)
	deleted := time.Date(2026, 12, 1, 2, 50, 0, 0, time.UTC)
	secret := putKey(t, dir, func(k *apikey.Key) {
		k.State, k.Exposed, k.DeletedAt, k.ExpiresAt = apikey.Deleted, true, deleted, deleted
	})

	var out, errs bytes.Buffer
	code := cli.Run(cli.Env{Stdin: strings.NewReader(`"Bearer ` + secret + `"` + "\n"), Stdout: &out, Stderr: &errs},
		[]string{"check-key", "--data-dir", dir})
	assert.Equal(t, cli.ExitProblem, code, errs.String())
	assert.Contains(t, out.String(), "was deleted at once as exposed, on Dec 1, 2026 02:50 UTC", "a quoted Bearer line is recognised")
	assert.NotContains(t, out.String(), "grace period")

	out.Reset()
	code = cli.Run(cli.Env{Stdin: strings.NewReader(secret), Stdout: &out, Stderr: &errs},
		[]string{"check-key", "--format", "json", "--data-dir", dir})
	assert.Equal(t, cli.ExitProblem, code, errs.String())
	var v map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &v))
	assert.Equal(t, "deleted", v["verdict"])
	assert.Equal(t, true, v["deletedAsExposed"])
	assert.Nil(t, v["worksNow"], "null, not left out")
	key := v["key"].(map[string]any)
	assert.Equal(t, "2026-12-01T02:50:00Z", key["deletedAt"], "RFC 3339 with --format json")
	assert.Equal(t, "Deleted", key["stateLabel"])
	assert.NotContains(t, out.String(), secret[4:])
}
