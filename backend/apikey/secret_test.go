package apikey_test

import (
	"bytes"
	"crypto/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
)

func TestGenerateParsesBack(t *testing.T) {
	for _, env := range apikey.Environments {
		t.Run(string(env), func(t *testing.T) {
			secret, err := apikey.Generate(env, rand.Reader)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(secret, env.Prefix()))
			assert.Len(t, secret, len(env.Prefix())+apikey.RandomLength+apikey.ChecksumLength)

			p, err := apikey.Parse(secret)
			require.NoError(t, err)
			assert.Equal(t, env, p.Environment)
			assert.Equal(t, secret[len(secret)-4:], p.Last4)
			assert.Equal(t, apikey.Fingerprint(secret), p.Fingerprint)
			assert.Len(t, p.Fingerprint, 64)
		})
	}
}

func TestGenerateIsUniqueAndUsesEveryCharacter(t *testing.T) {
	seen := map[string]bool{}
	chars := map[rune]bool{}
	for range 2000 {
		s, err := apikey.Generate(apikey.Production, rand.Reader)
		require.NoError(t, err)
		require.False(t, seen[s], "duplicate secret")
		seen[s] = true
		for _, r := range s[4 : 4+apikey.RandomLength] {
			chars[r] = true
		}
	}
	assert.Len(t, chars, 62, "all base62 characters should appear in 60,000 draws")
}

func TestGenerateFailsOnShortRandomness(t *testing.T) {
	_, err := apikey.Generate(apikey.Sandbox, bytes.NewReader(make([]byte, 10)))
	assert.Error(t, err)
}

func TestParseRejects(t *testing.T) {
	good, err := apikey.Generate(apikey.Production, rand.Reader)
	require.NoError(t, err)
	flipped := []byte(good)
	flipped[10] = swapCase(flipped[10])
	sandbox, err := apikey.Generate(apikey.Sandbox, rand.Reader)
	require.NoError(t, err)

	cases := []struct {
		name  string
		input string
		want  error
	}{
		{"empty", "", apikey.ErrEmpty},
		{"other prefix", "sk_live_" + good[4:], apikey.ErrPrefix},
		{"no prefix", good[4:], apikey.ErrPrefix},
		{"too short", good[:len(good)-1], apikey.ErrLength},
		{"too long", good + "A", apikey.ErrLength},
		// The checksum covers the prefix, so a key moved between environments is caught.
		{"sandbox prefix on a production body", "prf_test_" + good[4:], apikey.ErrChecksum},
		{"bad character", good[:12] + "-" + good[13:], apikey.ErrCharset},
		{"one character changed", string(flipped), apikey.ErrChecksum},
		{"production prefix on a sandbox body", "prf_" + sandbox[9:], apikey.ErrChecksum},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := apikey.Parse(tc.input)
			require.ErrorIs(t, err, tc.want)
			if tc.input != "" {
				assert.NotContains(t, err.Error(), tc.input, "errors never repeat the pasted text")
			}
		})
	}
}

func TestHint(t *testing.T) {
	assert.Equal(t, "prf_…x7Qa", apikey.Hint(apikey.Production, "x7Qa"))
	assert.Equal(t, "prf_test_…9kLm", apikey.Hint(apikey.Sandbox, "9kLm"))
}

func TestParseEnvironment(t *testing.T) {
	env, err := apikey.ParseEnvironment("sandbox")
	require.NoError(t, err)
	assert.Equal(t, apikey.Sandbox, env)
	_, err = apikey.ParseEnvironment("Production")
	assert.ErrorIs(t, err, apikey.ErrUnknownEnvironment)
}

func TestNewID(t *testing.T) {
	a, err := apikey.NewID("key_", rand.Reader)
	require.NoError(t, err)
	b, err := apikey.NewID("key_", rand.Reader)
	require.NoError(t, err)
	assert.Regexp(t, `^key_[0-9A-Za-z]{16}$`, a)
	assert.NotEqual(t, a, b)
}

// FuzzParse holds the parser's contract on any input: it never panics, an accepted key
// has a known prefix and the right length, and an error never contains the input.
func FuzzParse(f *testing.F) {
	for _, env := range apikey.Environments {
		s, _ := apikey.Generate(env, rand.Reader)
		f.Add(s)
	}
	f.Add("prf_")
	f.Add("prf_test_")
	f.Add("prf_…abcd")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := apikey.Parse(s)
		if err != nil {
			if len(s) >= 30 && strings.Contains(err.Error(), s) { // anything as long as a key
				t.Fatalf("error repeats the input: %v", err)
			}
			return
		}
		if !strings.HasPrefix(s, p.Environment.Prefix()) {
			t.Fatalf("accepted %q with environment %s", s, p.Environment)
		}
		if len(s) != len(p.Environment.Prefix())+apikey.RandomLength+apikey.ChecksumLength {
			t.Fatalf("accepted %q of length %d", s, len(s))
		}
	})
}

func swapCase(b byte) byte {
	switch {
	case b >= 'a' && b <= 'z':
		return b - 32
	case b >= 'A' && b <= 'Z':
		return b + 32
	case b == '9':
		return '8'
	}
	return b + 1
}
