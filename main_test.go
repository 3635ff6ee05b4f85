package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContentSecurityPolicyInHeaderAndPage(t *testing.T) {
	page, err := os.ReadFile("frontend/index.html")
	require.NoError(t, err)
	assert.Contains(t, string(page), `content="`+contentSecurityPolicy+`"`)
	assert.NotContains(t, strings.ToLower(string(page)), "<script>", "no inline scripts")
}

func TestRunRejectsUnknownFlags(t *testing.T) {
	assert.Error(t, run([]string{"--no-such-flag"}))
}

func TestInstanceIDIsAValidBusName(t *testing.T) {
	id := instanceID("/home/dana/.config/proofkeys")
	assert.Regexp(t, `^com\.proofkeys\.app\.d[0-9a-f]{16}$`, id)
	assert.NotEqual(t, id, instanceID("/tmp/other"))
}

