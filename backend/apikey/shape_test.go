package apikey_test

import (
	"crypto/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
)

func TestParseAnyTellsEveryShape(t *testing.T) {
	for _, sh := range apikey.Shapes {
		t.Run(sh.Prefix, func(t *testing.T) {
			secret, err := sh.Generate(rand.Reader)
			require.NoError(t, err)
			p, err := apikey.ParseAny(secret)
			require.NoError(t, err)
			assert.Equal(t, sh.Environment, p.Environment)
			assert.Equal(t, sh.Access, p.Access)
			assert.Equal(t, sh.Prefix+"…"+secret[len(secret)-4:], p.Hint())

			_, err = apikey.Parse(secret)
			if sh.Access == apikey.FullAccess {
				assert.NoError(t, err, "Parse takes the keys this app makes")
			} else {
				assert.Error(t, err, "Parse refuses client-only keys: this app never makes them")
			}
			typo := []byte(secret)
			typo[len(sh.Prefix)+3] = swapCase(typo[len(sh.Prefix)+3])
			_, err = apikey.ParseAny(string(typo))
			assert.ErrorIs(t, err, apikey.ErrChecksum)
		})
	}
}

func TestParseAnyRejects(t *testing.T) {
	_, err := apikey.ParseAny("")
	assert.ErrorIs(t, err, apikey.ErrEmpty)
	_, err = apikey.ParseAny("sk_live_abc")
	assert.ErrorIs(t, err, apikey.ErrPrefix)
	_, err = apikey.ParseAny("prf_cli_abc")
	assert.ErrorIs(t, err, apikey.ErrLength)
}
