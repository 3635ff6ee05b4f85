package enablement_test

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/enablement"
	"proofkeys/backend/enablement/enablementtest"
)

func TestKeysRoundTrip(t *testing.T) {
	staff := enablementtest.Signer(t, "Sam", 7)
	text := enablement.FormatPublicKey(staff.Public())
	assert.True(t, strings.HasPrefix(text, "pkstaff1_"))
	pub, err := enablement.ParsePublicKey("  " + text + "\n")
	require.NoError(t, err)
	assert.Equal(t, staff.Public(), pub)
	for _, bad := range []string{"", "pkstaff1_", "pkstaff1_abc", "ssh-ed25519 AAAA", text[:len(text)-2],
		enablement.FormatRootKey(staff.Public())} {
		_, err := enablement.ParsePublicKey(bad)
		assert.ErrorIs(t, err, enablement.ErrBadKey, bad)
	}
	root, err := enablement.ParseRootKey(enablement.FormatRootKey(staff.Public()))
	require.NoError(t, err)
	assert.Equal(t, staff.Public(), root)
	priv, err := enablement.ParsePrivateKey(enablement.FormatPrivateKey(staff.Key))
	require.NoError(t, err)
	assert.Equal(t, staff.Key, priv)
	_, err = enablement.ParsePrivateKey(text)
	assert.ErrorIs(t, err, enablement.ErrBadKey)
	assert.Regexp(t, `^stk_[0-9a-f]{16}$`, enablement.KeyID(pub))
	assert.Regexp(t, `^rtk_[0-9a-f]{16}$`, enablement.RootID(pub))
}

// The all-zero key and every other point of small order verify signatures nobody made,
// so they are refused as staff and as root keys, in their canonical and other encodings.
func TestWeakKeysAreRefused(t *testing.T) {
	weak := []string{
		"0000000000000000000000000000000000000000000000000000000000000000", // all zeros (order 4)
		"0100000000000000000000000000000000000000000000000000000000000000", // the identity
		"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
		"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
		"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
		"0000000000000000000000000000000000000000000000000000000000000080", // zero, other sign
		"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p: zero, not canonical
		"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p+1: identity, not canonical
		"0200000000000000000000000000000000000000000000000000000000000000", // no point at all
	}
	for _, h := range weak {
		raw, err := hex.DecodeString(h)
		require.NoError(t, err)
		key := enablement.FormatPublicKey(raw)
		_, err = enablement.ParsePublicKey(key)
		assert.ErrorIs(t, err, enablement.ErrBadKey, h)
		_, err = enablement.ParseRootKey("pkroot1_" + strings.TrimPrefix(key, "pkstaff1_"))
		assert.ErrorIs(t, err, enablement.ErrBadKey, h)
	}
	for seed := range byte(50) {
		_, err := enablement.ParsePublicKey(enablement.FormatPublicKey(enablementtest.Signer(t, "s", seed).Public()))
		assert.NoError(t, err, "a real key is never refused (seed %d)", seed)
	}
}

func TestParseRoots(t *testing.T) {
	a, b := enablementtest.Signer(t, "Proof root 2026", 1), enablementtest.Signer(t, "Proof root 2027", 2)
	text := enablement.FormatRoot(a.Root()) + ";" + enablement.FormatRoot(b.Root()) + "\n# a comment\n\n"
	roots, err := enablement.ParseRoots(text)
	require.NoError(t, err)
	require.Len(t, roots, 2)
	assert.Equal(t, a.Root(), roots[0])
	assert.Equal(t, "Proof root 2027", roots[1].Name)
	_, err = enablement.ParseRoots(enablement.FormatRoot(a.Root()) + ";pkroot1_" + strings.Repeat("A", 43))
	assert.ErrorIs(t, err, enablement.ErrBadKey)
	none, err := enablement.ParseRoots("")
	require.NoError(t, err)
	assert.Empty(t, none)
}

// The source has no roots: only a release build adds Proof's. And a build without the
// dev tag never reads the dev build's variable.
func TestOnlyTheDevBuildReadsTheDevRoots(t *testing.T) {
	assert.Empty(t, enablement.BuiltInRoots())
	t.Setenv(enablement.DevRootsEnv, enablement.FormatRoot(enablementtest.Signer(t, "dev", 1).Root()))
	if devBuild {
		assert.Len(t, enablement.Roots(), 1)
		return
	}
	assert.Empty(t, enablement.Roots())
}

// Why weak keys matter: with the identity point as the "staff key", the signature
// (R = identity, S = 0) passes Ed25519's check for any message, so anyone could sign
// codes. Even a certificate a root signed by mistake for such a key is refused.
func TestACodeUnderAWeakKeyIsRefused(t *testing.T) {
	proof := enablementtest.New(t, 1)
	identity := make([]byte, 32)
	identity[0] = 1
	forgedSig := append(append([]byte(nil), identity...), make([]byte, 32)...)
	require.True(t, ed25519.Verify(identity, []byte("anything at all"), forgedSig), "the forgery works on the bare key")

	cert, err := json.Marshal(map[string]any{"v": 1, "id": "crt_weak", "name": "Mallory",
		"key": enablement.FormatPublicKey(identity), "grants": []string{"api_access"},
		"nbf": enablementtest.ValidFrom, "exp": enablementtest.ValidTo, "root": proof.Root.Root().ID})
	require.NoError(t, err)
	certBody := b64.EncodeToString(cert)
	certSig := ed25519.Sign(proof.Root.Key, []byte("proofkeys staff certificate v1\n"+certBody))
	code, err := json.Marshal(map[string]any{"v": 2, "org": acme, "grants": []string{"api_access"},
		"iat": now, "id": "enc_forged", "cert": "crt_weak"})
	require.NoError(t, err)
	text := strings.Join([]string{"PKEN2", certBody, b64.EncodeToString(certSig), b64.EncodeToString(code),
		b64.EncodeToString(forgedSig)}, ".")
	_, err = enablement.Verify(text, acme, proof.Trust(), now)
	assert.ErrorIs(t, err, enablement.ErrBadKey)
}
