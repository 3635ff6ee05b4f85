package keys_test

import (
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

// secretOf copies k and returns its secret, as a person would before pasting it.
func (f *fixture) secretOf(t *testing.T, id string) string {
	t.Helper()
	require.NoError(t, copyErr(f.svc.Copy(f.owner, id)))
	return f.clip.last()
}

func TestCheckAnswersEachKindOfPastedKey(t *testing.T) {
	f := newFixture(t)
	f.withClock(t)
	prod, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	sandbox, err := f.svc.Generate(f.owner, apikey.Sandbox)
	require.NoError(t, err)
	replacedOld, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	exposedOld, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	expiredOld, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	deleted, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)

	secrets := map[string]string{}
	for _, k := range []apikey.Key{prod, sandbox, replacedOld, exposedOld, expiredOld, deleted} {
		secrets[k.ID] = f.secretOf(t, k.ID)
	}
	replaced, err := f.svc.Replace(f.owner, replacedOld.ID, 24*time.Hour)
	require.NoError(t, err)
	exposed, err := f.svc.Replace(f.owner, exposedOld.ID, 0)
	require.NoError(t, err)
	expired, err := f.svc.Replace(f.owner, expiredOld.ID, time.Hour)
	require.NoError(t, err)
	f.svc.Now = func() time.Time { return expired.Old.ExpiresAt.Add(time.Second) }
	n, err := f.svc.ExpireDue(f.svc.Now())
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.NoError(t, f.svc.Delete(f.owner, deleted.ID))
	foreign, err := apikey.Generate(apikey.Production, rand.Reader)
	require.NoError(t, err)

	p := secrets[prod.ID]
	// Where a character is lost or doubled, its position is only certain when its
	// neighbour differs from it; lost and doubled pick such a place.
	lost, doubled := distinctAt(p, 20), distinctAt(p, 14)
	cases := []struct {
		name    string
		pasted  string
		expect  apikey.Environment
		verdict keys.Verdict
		key     string
		next    string
		problem error
		pos     int
	}{
		{"the right key", p, apikey.Production, keys.CheckActive, prod.ID, "", nil, 0},
		{"with spaces around it", "  " + p + "\n", "", keys.CheckActive, prod.ID, "", nil, 0},
		{"sandbox where production is expected", secrets[sandbox.ID], apikey.Production, keys.CheckWrongEnvironment, sandbox.ID, "", nil, 0},
		{"production where sandbox is expected", p, apikey.Sandbox, keys.CheckWrongEnvironment, prod.ID, "", nil, 0},
		{"replaced, in its grace period", secrets[replacedOld.ID], apikey.Production, keys.CheckReplaced, replacedOld.ID, replaced.New.ID, nil, 0},
		{"expired", secrets[expiredOld.ID], apikey.Production, keys.CheckExpired, expiredOld.ID, expired.New.ID, nil, 0},
		{"deleted at once as exposed", secrets[exposedOld.ID], apikey.Production, keys.CheckDeleted, exposedOld.ID, exposed.New.ID, nil, 0},
		{"after Bearer", "Bearer " + p, "", keys.CheckActive, prod.ID, "", nil, 0},
		{"a whole Authorization header", "Authorization: bearer  " + p + " ", "", keys.CheckActive, prod.ID, "", nil, 0},
		{"in double quotes", ` "` + p + `" `, "", keys.CheckActive, prod.ID, "", nil, 0},
		{"in single quotes with spaces", "  '" + p + "'\t", "", keys.CheckActive, prod.ID, "", nil, 0},
		{"in typographic quotes", "“" + p + "”", "", keys.CheckActive, prod.ID, "", nil, 0},
		{"quoted Bearer", `"Bearer ` + p + `"`, "", keys.CheckActive, prod.ID, "", nil, 0},
		{"deleted", secrets[deleted.ID], apikey.Production, keys.CheckDeleted, deleted.ID, "", nil, 0},
		{"not of this organization", foreign, apikey.Production, keys.CheckUnknown, "", "", nil, 0},
		{"bad prefix", "sk_live_" + p[4:], "", keys.CheckInvalid, "", "", apikey.ErrPrefix, 0},
		{"empty", "   ", "", keys.CheckInvalid, "", "", apikey.ErrEmpty, 0},
		{"one character changed", p[:10] + flip(p[10]) + p[11:], "", keys.CheckInvalid, prod.ID, "", apikey.ErrChecksum, 11},
		{"one character lost", p[:lost] + p[lost+1:], "", keys.CheckInvalid, prod.ID, "", apikey.ErrLength, lost + 1},
		{"one character doubled", p[:doubled+1] + p[doubled:], "", keys.CheckInvalid, prod.ID, "", apikey.ErrLength, doubled + 1},
		{"cut short", p[:25], "", keys.CheckInvalid, "", "", apikey.ErrLength, 0},
		{"a stray character", p[:12] + "-" + p[13:], "", keys.CheckInvalid, prod.ID, "", apikey.ErrCharset, 13},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := f.svc.Check(f.owner, c.pasted, c.expect)
			require.NoError(t, err)
			assert.Equal(t, c.verdict, r.Verdict)
			assert.Equal(t, c.key, r.Key.ID)
			assert.Equal(t, c.next, r.Replacement.ID)
			assert.Equal(t, c.pos, r.Position)
			if c.problem != nil {
				assert.ErrorIs(t, r.Problem, c.problem)
				if body := strings.TrimSpace(c.pasted); len(body) > 8 {
					assert.NotContains(t, r.Problem.Error(), body[4:], "the error never repeats the text")
				}
			} else {
				assert.NoError(t, r.Problem)
			}
		})
	}
}

// flip returns another base62 character than b.
func flip(b byte) string {
	if b == 'a' {
		return "b"
	}
	return "a"
}

// distinctAt is the first index from i whose character differs from the one before.
func distinctAt(s string, i int) int {
	for s[i-1] == s[i] {
		i++
	}
	return i
}

func TestCheckWithoutAPIAccessIsRefused(t *testing.T) {
	f := newFixture(t)
	f.setEnablement(t, access.Enablement{})
	_, err := f.svc.Check(f.owner, "prf_x", "")
	assert.ErrorIs(t, err, access.ErrNoAPIAccess)
}

func TestCheckOfflineNeedsNoMember(t *testing.T) {
	f := newFixture(t)
	k, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	secret := f.secretOf(t, k.ID)

	_, err = f.svc.Check("mem_nobody", secret, apikey.Production)
	assert.ErrorIs(t, err, store.ErrNoMember, "the app checks as a signed-in member")
	r, err := f.svc.CheckOffline(secret, apikey.Production)
	require.NoError(t, err)
	assert.Equal(t, keys.CheckActive, r.Verdict)
	assert.Equal(t, k.ID, r.Key.ID)
}

func TestAKeyDeletedAsExposedIsNotAnExpiry(t *testing.T) {
	f := newFixture(t)
	c := f.withClock(t)
	old, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	secret := f.secretOf(t, old.ID)
	_, err = f.svc.Replace(f.owner, old.ID, 0)
	require.NoError(t, err)

	r, err := f.svc.Check(f.owner, secret, "")
	require.NoError(t, err)
	assert.Equal(t, keys.CheckDeleted, r.Verdict, "not: its grace period ended")
	assert.True(t, r.Key.Exposed)
	assert.Equal(t, f.owner, r.Key.DeletedBy, "by whom")
	assert.Equal(t, c.now, r.Key.DeletedAt, "when: at once")
	actions := f.actions(t)
	assert.Contains(t, actions, audit.KeyDeletedExposed)
	assert.NotContains(t, actions, audit.KeyExpired, "the audit log does not call it an expiry")
}

func TestAReplacedKeyNamesTheKeyThatWorksNowAndCanBeReplacedAgain(t *testing.T) {
	f := newFixture(t)
	f.withClock(t)
	a, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	secretA := f.secretOf(t, a.ID)
	ab, err := f.svc.Replace(f.owner, a.ID, 7*24*time.Hour)
	require.NoError(t, err)
	_, err = f.svc.Replace(f.owner, a.ID, time.Hour)
	assert.ErrorIs(t, err, keys.ErrAlreadyReplaced, "while its replacement stands, one replace is enough")

	bc, err := f.svc.Replace(f.owner, ab.New.ID, 0) // B leaked: replaced by C at once
	require.NoError(t, err)
	r, err := f.svc.Check(f.owner, secretA, "")
	require.NoError(t, err)
	assert.Equal(t, keys.CheckReplaced, r.Verdict)
	assert.Equal(t, apikey.StandingExpiring, r.Key.Standing(), "A still works, but stops: Expiring, not Active")
	assert.Equal(t, bc.New.ID, r.Replacement.ID, "names C, which works now, not B, which was deleted")

	ad, err := f.svc.Replace(f.owner, a.ID, 0)
	require.NoError(t, err, "A, found exposed too, can be replaced again")
	assert.Equal(t, apikey.Deleted, ad.Old.State)
	assert.Equal(t, ad.New.ID, f.key(t, a.ID).ReplacedBy)
}

func TestReplacingAgainNeverLengthensTheGracePeriod(t *testing.T) {
	f := newFixture(t)
	c := f.withClock(t)
	a, err := f.svc.Generate(f.owner, apikey.Production)
	require.NoError(t, err)
	ab, err := f.svc.Replace(f.owner, a.ID, time.Hour)
	require.NoError(t, err)
	require.NoError(t, f.svc.Delete(f.owner, ab.New.ID))
	again, err := f.svc.Replace(f.owner, a.ID, 7*24*time.Hour)
	require.NoError(t, err, "its replacement was deleted: A may be replaced again")
	assert.Equal(t, c.now.Add(time.Hour), again.Old.ExpiresAt)
}

func TestCleanFindsTheKeyInWhatWasPasted(t *testing.T) {
	for in, want := range map[string]string{
		"prf_abc":                       "prf_abc",
		"  prf_abc \n":                  "prf_abc",
		"Bearer prf_abc":                "prf_abc",
		"BEARER   prf_abc":              "prf_abc",
		"Authorization: Bearer prf_abc": "prf_abc",
		`"prf_abc"`:                     "prf_abc",
		"'prf_abc'":                     "prf_abc",
		"`prf_abc`":                     "prf_abc",
		"‘prf_abc’":                     "prf_abc",
		`" Bearer prf_abc "`:            "prf_abc",
		`"`:                             `"`,
		"":                              "",
	} {
		assert.Equal(t, want, keys.Clean(in), "%q", in)
	}
}
