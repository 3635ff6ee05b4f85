package access_test

import (
	"bytes"
	"crypto/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
)

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

func newOrgID(t *testing.T) string {
	t.Helper()
	id, err := access.NewOrgID(rand.Reader)
	require.NoError(t, err)
	return id
}

func TestNewOrgIDReadsBackAndLooksRight(t *testing.T) {
	for range 200 {
		id := newOrgID(t)
		assert.Regexp(t, `^org_[0-9A-HJKMNP-TV-Z]{13}$`, id)
		got, err := access.ParseOrgID(id)
		require.NoError(t, err)
		assert.Equal(t, id, got)
	}
	_, err := access.NewOrgID(bytes.NewReader(nil))
	assert.Error(t, err, "no randomness, no ID")
}

func TestParseOrgIDForgivesWhatCrockfordForgives(t *testing.T) {
	id := newOrgID(t)
	body := id[4:]
	lower := "org_" + strings.ToLower(body)
	grouped := "  ORG_" + body[:4] + "-" + body[4:8] + " " + body[8:] + "\n"
	for _, typed := range []string{lower, grouped} {
		got, err := access.ParseOrgID(typed)
		require.NoError(t, err, typed)
		assert.Equal(t, id, got, typed)
	}
	// O for 0, I and L for 1 are the same character
	zero := strings.Replace(id, "0", "O", -1)
	one := strings.Replace(strings.Replace(id, "1", "I", 1), "1", "l", 1)
	for _, typed := range []string{zero, one} {
		got, err := access.ParseOrgID(typed)
		require.NoError(t, err, typed)
		assert.Equal(t, id, got, typed)
	}
}

// Every single-character slip and every swap of neighbours is caught, over many IDs and
// every position, with every other character of the alphabet.
func TestOrgIDCheckCatchesEverySlipAndSwap(t *testing.T) {
	for range 100 {
		id := newOrgID(t)
		body := []byte(id[4:])
		for i := range body {
			for _, c := range []byte(alphabet) {
				if c == body[i] {
					continue
				}
				slip := append([]byte(nil), body...)
				slip[i] = c
				_, err := access.ParseOrgID("org_" + string(slip))
				assert.ErrorIs(t, err, access.ErrOrgIDMistyped, "%s with %c at %d", id, c, i)
			}
			if i+1 < len(body) && body[i] != body[i+1] {
				swap := append([]byte(nil), body...)
				swap[i], swap[i+1] = swap[i+1], swap[i]
				_, err := access.ParseOrgID("org_" + string(swap))
				assert.ErrorIs(t, err, access.ErrOrgIDMistyped, "%s with %d and %d swapped", id, i, i+1)
			}
		}
	}
}

func TestParseOrgIDRefusesWhatIsNotAnID(t *testing.T) {
	id := newOrgID(t)
	for _, bad := range []string{
		"", "org_", "org_bogus", "acme", id[4:], id[:len(id)-1], id + "0", "org_" + strings.Repeat("U", 13),
		"prf_" + id[4:], "org_v4pukOcO7xwgicz", // a legacy ID with a character missing
	} {
		_, err := access.ParseOrgID(bad)
		assert.ErrorIs(t, err, access.ErrOrgIDMalformed, bad)
	}
}

// Organizations set up before check characters keep their IDs.
func TestLegacyOrgIDsAreAcceptedAsTheyAre(t *testing.T) {
	old := "org_v4pukOcO7xwgicz1"
	assert.True(t, access.LegacyOrgID(old))
	got, err := access.ParseOrgID(" " + old + " ")
	require.NoError(t, err)
	assert.Equal(t, old, got, "case and look-alikes kept: the ID is stored this way")
	assert.False(t, access.LegacyOrgID(newOrgID(t)))
	assert.False(t, access.LegacyOrgID("org_v4pukOcO7xwgic-1"))
}
