package scan

import (
	"crypto/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
)

func hits(data string) []hit {
	var out []hit
	match([]byte(data), Location{Path: "f"}, func(h hit) { out = append(out, h) })
	return out
}

func TestMatchFindsEveryShapeWithItsPlace(t *testing.T) {
	var text strings.Builder
	var want []string
	for _, sh := range apikey.Shapes {
		s, err := sh.Generate(rand.Reader)
		require.NoError(t, err)
		want = append(want, sh.Prefix+"…"+s[len(s)-4:])
		// after "é = \"": the column counts characters, not bytes
		text.WriteString("é = \"" + s + "\"\n")
	}
	got := hits(text.String())
	require.Len(t, got, len(apikey.Shapes))
	for i, h := range got {
		assert.False(t, h.typo)
		assert.Equal(t, want[i], h.hint)
		assert.Equal(t, i+1, h.Line)
		assert.Equal(t, 6, h.Column)
	}
}

func TestMatchTellsTyposAndIgnoresWhatIsNotKeyShaped(t *testing.T) {
	s, err := apikey.Generate(apikey.Production, rand.Reader)
	require.NoError(t, err)
	typo := []byte(s)
	typo[10] ^= 0x20 // a letter's case, or a digit's neighbour: a one-character slip
	if !isBase62(typo[10]) {
		typo[10] = 'q'
	}
	cases := []struct {
		name  string
		text  string
		keys  int
		typos int
	}{
		{"a key alone", s, 1, 0},
		{"a key in a line", "API_KEY=" + s + "\n", 1, 0},
		{"a typo", string(typo), 0, 1},
		{"a letter before", "x" + s, 0, 0},
		{"an underscore after", s + "_", 0, 0},
		{"one character more", s + "A", 0, 0},
		{"one character less", s[:len(s)-1] + " ", 0, 0},
		{"another prefix", "sk_" + s[4:], 0, 0},
		{"the marker alone", "prf_ prf_test_ prf_cli_", 0, 0},
		{"a hint", "prf_…abcd", 0, 0},
		{"two keys side by side", s + "," + s, 2, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			keys, typos := 0, 0
			for _, h := range hits(tc.text) {
				if h.typo {
					typos++
				} else {
					keys++
				}
			}
			assert.Equal(t, tc.keys, keys)
			assert.Equal(t, tc.typos, typos)
		})
	}
}

func TestIsBinary(t *testing.T) {
	assert.True(t, isBinary([]byte("ab\x00cd")))
	assert.False(t, isBinary([]byte("plain text")))
	assert.False(t, isBinary([]byte(strings.Repeat("a", binaryProbe)+"\x00")),
		"a NUL past the probe does not make a file binary")
}
