package passphrase_test

import (
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/passphrase"
)

// cheap keeps the tests fast; the parameters travel with the hash either way.
var cheap = passphrase.Params{Time: 1, MemoryKiB: 64, Threads: 1}

func TestHashAndVerify(t *testing.T) {
	h, err := passphrase.Hash("correct horse battery", cheap, rand.Reader)
	require.NoError(t, err)
	assert.Equal(t, "argon2id", h.Algorithm)
	assert.Equal(t, uint32(1), h.Time)
	assert.Equal(t, uint32(64), h.MemoryKiB)
	assert.Len(t, h.Salt, 16)
	assert.Len(t, h.Hash, 32)

	ok, err := passphrase.Verify("correct horse battery", h)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = passphrase.Verify("correct horse batterY", h)
	require.NoError(t, err)
	assert.False(t, ok)

	again, err := passphrase.Hash("correct horse battery", cheap, rand.Reader)
	require.NoError(t, err)
	assert.NotEqual(t, h.Hash, again.Hash, "a fresh salt each time")

	h.Algorithm = "md5"
	_, err = passphrase.Verify("correct horse battery", h)
	assert.ErrorIs(t, err, passphrase.ErrUnknownAlgorithm)
}

func TestDefaultParametersVerifyAfterTheyChange(t *testing.T) {
	h, err := passphrase.Hash("long enough", cheap, rand.Reader)
	require.NoError(t, err)
	old := passphrase.Default
	passphrase.Default = passphrase.Params{Time: 9, MemoryKiB: 1 << 20, Threads: 8}
	defer func() { passphrase.Default = old }()
	ok, err := passphrase.Verify("long enough", h)
	require.NoError(t, err)
	assert.True(t, ok, "the stored parameters are used, not the current defaults")
}

func TestCheckLength(t *testing.T) {
	assert.ErrorIs(t, passphrase.Check("short"), passphrase.ErrTooShort)
	assert.ErrorIs(t, passphrase.Check("1234567"), passphrase.ErrTooShort)
	assert.NoError(t, passphrase.Check("12345678"))
	assert.NoError(t, passphrase.Check("ééééééééé"[:16]), "characters, not bytes")
	_, err := passphrase.Hash("short", cheap, rand.Reader)
	assert.ErrorIs(t, err, passphrase.ErrTooShort)
}

func TestBackoffSlowsDownAfterFreeAttempts(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	var f *access.SignInFailures
	var waits []time.Duration
	for range 12 {
		assert.Zero(t, passphrase.Wait(f, now.Add(time.Hour)))
		f = passphrase.DefaultBackoff.Failed(f, now)
		waits = append(waits, passphrase.Wait(f, now))
	}
	assert.Equal(t, []time.Duration{0, 0, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 32 * time.Second, 64 * time.Second, 128 * time.Second, 256 * time.Second,
		5 * time.Minute, 5 * time.Minute}, waits, "the third wrong passphrase starts the wait")
	assert.Equal(t, 12, f.Count)
	assert.Equal(t, time.Minute, passphrase.Wait(f, now.Add(4*time.Minute)))
	assert.Zero(t, passphrase.Wait(f, now.Add(6*time.Minute)))
	assert.Zero(t, passphrase.Wait(nil, now), "no failures, no wait")
}

// BenchmarkHash measures the default parameters: the time one sign-in costs, and one guess.
func BenchmarkHash(b *testing.B) {
	for b.Loop() {
		if _, err := passphrase.Hash("correct horse battery", passphrase.Default, rand.Reader); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRecoveryCodes(t *testing.T) {
	code, err := passphrase.NewRecoveryCode(rand.Reader)
	require.NoError(t, err)
	assert.Regexp(t, `^[A-HJ-NP-Z2-9]{5}(-[A-HJ-NP-Z2-9]{5}){4}$`, code, "no 0, O, 1 or I to misread")
	other, err := passphrase.NewRecoveryCode(rand.Reader)
	require.NoError(t, err)
	assert.NotEqual(t, code, other)

	h, err := passphrase.HashRecoveryCode(code, cheap, rand.Reader)
	require.NoError(t, err)
	for _, typed := range []string{code, strings.ToLower(code), strings.ReplaceAll(code, "-", ""), " " + strings.ReplaceAll(code, "-", " ") + " "} {
		ok, err := passphrase.VerifyRecoveryCode(typed, h)
		require.NoError(t, err)
		assert.True(t, ok, "%q", typed)
	}
	for _, wrong := range []string{other, code[:len(code)-1], code + "A", "O0O0O-" + code[6:], ""} {
		ok, err := passphrase.VerifyRecoveryCode(wrong, h)
		require.NoError(t, err)
		assert.False(t, ok, "%q", wrong)
	}
	_, err = passphrase.HashRecoveryCode("not a code", cheap, rand.Reader)
	assert.ErrorIs(t, err, passphrase.ErrRecoveryCodeForm)
}
