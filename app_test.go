package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wailsapp/wails/v2/pkg/options"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/clipboard"
	"proofkeys/backend/org"
	"proofkeys/backend/vault/vaulttest"
)

type fakeClipboard struct {
	mu      sync.Mutex
	secrets []string
	fail    error // what WriteSecret returns instead, when set
}

func (c *fakeClipboard) WriteSecret(s string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail != nil {
		return c.fail
	}
	c.secrets = append(c.secrets, s)
	return nil
}

func (c *fakeClipboard) ClearIfOwned() bool { return false }

type fakeDesktop struct{ shown int }

func (d *fakeDesktop) Show() { d.shown++ }

// newTestApp opens an App on a fresh data folder and the real vault, as start-up does.
func newTestApp(t *testing.T, dir string) (*App, *fakeClipboard) {
	t.Helper()
	vaulttest.New(t)
	a := NewApp(dir)
	a.desktop = &fakeDesktop{}
	clip := &fakeClipboard{}
	a.openErr = a.open(clip)
	t.Cleanup(func() { a.shutdown(nil) })
	return a, clip
}

func TestFirstRunSetupThenKeys(t *testing.T) {
	a, clip := newTestApp(t, t.TempDir())
	state, err := a.GetState()
	require.NoError(t, err)
	assert.True(t, state.NeedsSetup)

	_, err = a.SetUp(SetupInput{OrgName: "", Name: "Dana", Email: "not an email"})
	ui := toUIError(err)
	assert.Equal(t, "invalid", ui.Code)
	assert.Contains(t, ui.Fields, "orgName")
	assert.Contains(t, ui.Fields, "email")

	state, err = a.SetUp(SetupInput{OrgName: "Acme", Name: "Dana", Email: "dana@example.com"})
	require.NoError(t, err)
	assert.Equal(t, "Acme", state.OrgName)
	assert.Equal(t, "owner", state.Me.Role)
	assert.False(t, state.APIAccess, "a new org waits for Proof")
	assert.False(t, state.CanManageKeys)
	state = enableByStaffCode(t, a, access.GrantAPIAccess) // app_access_test.go
	assert.True(t, state.APIAccess)
	assert.True(t, state.CanManageKeys)
	assert.False(t, state.PayerInvoice)

	var responses []any
	k, err := a.GenerateKey("sandbox")
	require.NoError(t, err)
	assert.Regexp(t, `^prf_test_…[0-9A-Za-z]{4}$`, k.Hint)
	assert.Equal(t, "Dana", k.CreatedBy)
	_, err = time.Parse(time.RFC3339, k.CreatedAt)
	require.NoError(t, err)

	s := k.Settings
	s.MinSigners, s.MaxSigners = 3, 2
	_, err = a.SaveKeySettings(k.ID, s)
	assert.Equal(t, "Maximum signers must be at least the minimum.", toUIError(err).Fields["maxSigners"])
	s.MaxSigners, s.Name = 3, "Salesforce sync"
	saved, err := a.SaveKeySettings(k.ID, s)
	require.NoError(t, err)
	assert.Equal(t, "Salesforce sync", saved.Settings.Name)

	_, err = a.CopyKey(k.ID)
	require.NoError(t, err)
	list, err := a.ListKeys("sandbox")
	require.NoError(t, err)
	responses = append(responses, state, k, saved, list)

	require.NoError(t, a.DeleteKey(k.ID))
	list, err = a.ListKeys("sandbox")
	require.NoError(t, err)
	assert.Empty(t, list)

	_, err = a.ListKeys("staging")
	assert.Equal(t, "bad_request", toUIError(err).Code)

	require.Len(t, clip.secrets, 1)
	views, err := json.Marshal(responses)
	require.NoError(t, err)
	assert.NotContains(t, string(views), clip.secrets[0], "the secret never reaches the web UI")
}

func TestSecondAppOnSameFolderSaysAlreadyOpen(t *testing.T) {
	dir := t.TempDir()
	newTestApp(t, dir)
	start := time.Now()
	second, _ := newTestApp(t, dir)
	_, err := second.GetState()
	assert.Less(t, time.Since(start), 2*time.Second)
	ui := toUIError(err)
	assert.Equal(t, "in_use", ui.Code)
	assert.Equal(t, "proofkeys is already open.", ui.Message)
	_, err = second.GenerateKey("production")
	assert.Equal(t, "in_use", toUIError(err).Code)
}

func TestSecondInstanceShowsWindow(t *testing.T) {
	a := NewApp(t.TempDir())
	d := &fakeDesktop{}
	a.desktop = d
	a.secondInstance(options.SecondInstanceData{})
	assert.Equal(t, 1, d.shown)
}

func TestUnknownErrorsAreStillExplained(t *testing.T) {
	ui := toUIError(errors.New("disk full"))
	assert.Equal(t, "unexpected", ui.Code)
	assert.Contains(t, ui.Message, "disk full")
	assert.NotEmpty(t, ui.Hint)
	for _, p := range problems {
		ui := toUIError(errors.Join(errors.New("context"), p.err))
		assert.Equal(t, p.code, ui.Code)
		assert.NotEmpty(t, ui.Hint, "every problem says what to do")
	}
	fields := toUIError(apikey.FieldErrors{"name": "Enter a name."})
	assert.Equal(t, map[string]string{"name": "Enter a name."}, fields.Fields)
}

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

// A clipboard another program holds: the copy fails with what to do, and no secret is in
// the answer.
func TestCopyToABusyClipboardSaysWhatToDo(t *testing.T) {
	a, clip := setUpWithKeys(t)
	k, err := a.GenerateKey("production")
	require.NoError(t, err)
	clip.fail = fmt.Errorf("open clipboard: access denied: %w", clipboard.ErrUnavailable)
	_, err = a.CopyKey(k.ID)
	ui := toUIError(err)
	assert.Equal(t, "clipboard_unavailable", ui.Code)
	assert.Equal(t, "The clipboard is busy, so the key was not copied.", ui.Message)
	assert.Contains(t, ui.Hint, "copy again")
	assert.Empty(t, clip.secrets)
}

func TestASignInDuringTheWaitSaysHowLongIsLeft(t *testing.T) {
	for wait, words := range map[time.Duration]string{
		400 * time.Millisecond:  "1 second",
		3500 * time.Millisecond: "4 seconds",
		128 * time.Second:       "2 minutes 8 seconds",
		5 * time.Minute:         "5 minutes",
	} {
		ui := toUIError(org.WaitError{Wait: wait})
		assert.Equal(t, "slow_down", ui.Code)
		assert.Equal(t, "Too many wrong passphrases: wait "+words+" before the next try.", ui.Message)
		assert.NotEmpty(t, ui.Hint)
	}
	wrong := toUIError(fmt.Errorf("%w; %w", org.ErrWrongPassphrase, org.WaitError{Wait: 2 * time.Second}))
	assert.Equal(t, "wrong_passphrase", wrong.Code, "the wrong passphrase is said first")
}
