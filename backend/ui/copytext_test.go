package ui

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
)

func TestCopyTextCopiesPlainTextButNeverAKey(t *testing.T) {
	a := New(t.TempDir(), Options{Clipboard: &fakeClipboard{}})
	d := &fakeDesktop{}
	a.core.desktop = d
	close(a.core.ready)

	require.NoError(t, a.Session.CopyText("org_7H2KQ9"))
	assert.Equal(t, "org_7H2KQ9", d.copied)

	key, err := apikey.Generate(apikey.Production, bytes.NewReader(bytes.Repeat([]byte{7}, 64)))
	require.NoError(t, err)
	for _, text := range []string{key, " " + key + "\n", key[:len(key)-1]} {
		d.copied = ""
		assert.ErrorIs(t, a.Session.CopyText(text), errCopyKeyText)
		assert.Empty(t, d.copied, "a key-shaped text reached the clipboard")
	}
}
