package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

type fakeDesktop struct {
	shown   int
	copied  string
	folder  string
	emitted atomic.Int32
}

func (d *fakeDesktop) Show() { d.shown++ }

// Emit counts the events sent to the page; they come from the goroutine following a
// shared organization.
func (d *fakeDesktop) Emit(string) { d.emitted.Add(1) }

func (d *fakeDesktop) CopyText(text string) error {
	d.copied = text
	return nil
}

// newTestApp opens a UI on a fresh data folder and the real vault, as start-up does.
func newTestApp(t *testing.T, dir string) (*UI, *fakeClipboard) {
	t.Helper()
	vaulttest.New(t)
	clip := &fakeClipboard{}
	// The list is read ahead at once: a test waits for no page to draw.
	a := New(dir, Options{Clipboard: clip, ReadAheadAfter: time.Millisecond})
	_ = a.Start(context.Background(), &fakeDesktop{})
	t.Cleanup(a.Stop)
	return a, clip
}

// s are the opened services, for a test to arrange what the page cannot.
func (u *UI) s() *services { return u.core.svc }

func TestFirstRunSetupThenKeys(t *testing.T) {
	a, clip := newTestApp(t, t.TempDir())
	state, err := a.Session.GetState()
	require.NoError(t, err)
	assert.True(t, state.NeedsSetup)

	_, err = a.Session.SetUp(SetupInput{OrgName: "", Name: "Dana", Email: "not an email"})
	ui := Explain(err)
	assert.Equal(t, "invalid", ui.Code)
	assert.Contains(t, ui.Fields, "orgName")
	assert.Contains(t, ui.Fields, "email")

	state, err = a.Session.SetUp(SetupInput{OrgName: "Acme", Name: "Dana", Email: "dana@example.com"})
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
	k, err := a.Keys.GenerateKey("sandbox")
	require.NoError(t, err)
	assert.Regexp(t, `^prf_test_…[0-9A-Za-z]{4}$`, k.Hint)
	assert.Equal(t, "Dana", k.CreatedBy)
	_, err = time.Parse(time.RFC3339, k.CreatedAt)
	require.NoError(t, err)

	s := *k.Settings
	s.MinSigners, s.MaxSigners = 3, 2
	_, err = a.Keys.SaveKeySettings(k.ID, s)
	assert.Equal(t, "Maximum signers must be at least the minimum.", Explain(err).Fields["maxSigners"])
	s.MaxSigners, s.Name = 3, "Salesforce sync"
	saved, err := a.Keys.SaveKeySettings(k.ID, s)
	require.NoError(t, err)
	assert.Equal(t, "Salesforce sync", saved.Settings.Name)

	_, err = a.Keys.CopyKey(k.ID)
	require.NoError(t, err)
	list, err := a.Keys.all("sandbox")
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.True(t, list[0].Copied, "for the never-copied filter")
	assert.Equal(t, "Salesforce sync", list[0].Name)
	assert.Nil(t, list[0].Settings, "a list sends what it shows; the panel asks for the rest")
	settings, err := a.Keys.KeySettings(k.ID)
	require.NoError(t, err)
	assert.Equal(t, *saved.Settings, settings)
	responses = append(responses, state, k, saved, list)

	require.NoError(t, a.Keys.DeleteKey(k.ID))
	list, err = a.Keys.all("sandbox")
	require.NoError(t, err)
	assert.Empty(t, list)
	_, err = a.Keys.KeySettings(k.ID)
	assert.Equal(t, "key_not_found", Explain(err).Code, "a deleted key's panel has nothing to show")

	_, err = a.Keys.all("staging")
	assert.Equal(t, "bad_request", Explain(err).Code)

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
	_, err := second.Session.GetState()
	assert.Less(t, time.Since(start), 10*time.Second, "the one-second lock wait, never a wait for the other to close")
	ui := Explain(err)
	assert.Equal(t, "in_use", ui.Code)
	assert.Equal(t, "proofkeys is already open.", ui.Message)
	_, err = second.Keys.GenerateKey("production")
	assert.Equal(t, "in_use", Explain(err).Code)
}

func TestSecondInstanceShowsWindow(t *testing.T) {
	a := New(t.TempDir(), Options{Clipboard: &fakeClipboard{}})
	d := &fakeDesktop{}
	a.core.desktop = d
	a.SecondInstance()
	assert.Equal(t, 1, d.shown)
}

func TestUnknownErrorsAreStillExplained(t *testing.T) {
	ui := Explain(errors.New("disk full"))
	assert.Equal(t, "unexpected", ui.Code)
	assert.Contains(t, ui.Message, "disk full")
	assert.NotEmpty(t, ui.Hint)
	for _, p := range problems {
		ui := Explain(errors.Join(errors.New("context"), p.err))
		assert.Equal(t, p.code, ui.Code)
		assert.NotEmpty(t, ui.Hint, "every problem says what to do")
	}
	fields := Explain(apikey.FieldErrors{"name": "Enter a name."})
	assert.Equal(t, map[string]string{"name": "Enter a name."}, fields.Fields)
}

// A clipboard another program holds: the copy fails with what to do, and no secret is in
// the answer.
func TestCopyToABusyClipboardSaysWhatToDo(t *testing.T) {
	a, clip := setUpWithKeys(t)
	k, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	clip.fail = fmt.Errorf("open clipboard: access denied: %w", clipboard.ErrUnavailable)
	_, err = a.Keys.CopyKey(k.ID)
	ui := Explain(err)
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
		ui := Explain(org.WaitError{Wait: wait})
		assert.Equal(t, "slow_down", ui.Code)
		assert.Equal(t, "Too many wrong passphrases: wait "+words+" before the next try.", ui.Message)
		assert.NotEmpty(t, ui.Hint)
	}
	wrong := Explain(fmt.Errorf("%w; %w", org.ErrWrongPassphrase, org.WaitError{Wait: 2 * time.Second}))
	assert.Equal(t, "wrong_passphrase", wrong.Code, "the wrong passphrase is said first")
}

// No bound method lets an owner trust a key of their own choosing: enablement comes only
// through codes that verify from Proof's roots (the window binds exactly these methods).
func TestNoBoundMethodTrustsAKey(t *testing.T) {
	u := New(t.TempDir(), Options{Clipboard: &fakeClipboard{}})
	var names []string
	for _, b := range u.Bindings() {
		ty := reflect.TypeOf(b)
		for i := range ty.NumMethod() {
			names = append(names, ty.Method(i).Name)
		}
	}
	assert.Contains(t, names, "ApplyEnablementCode")
	for _, n := range names {
		assert.NotContains(t, strings.ToLower(n), "trust", n)
	}
}
