package main

import (
	"os"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
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

// The second instance on the same bus says why it exits: it sees the name the first holds.
func TestAlreadyOpenSeesTheFirstInstance(t *testing.T) {
	conn, err := dbus.ConnectSessionBus()
	require.NoError(t, err, "run under scripts/with-keyring.sh, which gives a private session bus")
	defer conn.Close()
	id := instanceID(t.TempDir())
	assert.False(t, alreadyOpen(id))
	reply, err := conn.RequestName("org.wails_app_"+strings.ReplaceAll(id, ".", "_")+".SingleInstance", dbus.NameFlagDoNotQueue)
	require.NoError(t, err)
	require.Equal(t, dbus.RequestNameReplyPrimaryOwner, reply)
	assert.True(t, alreadyOpen(id))
}
