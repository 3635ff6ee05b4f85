package ui

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// SaveFileDialog on the plain fake is a cancelled dialog.
func (d *fakeDesktop) SaveFileDialog(string, string, string, string) (string, error) { return "", nil }

// ChooseFolder on the plain fake answers with the folder field: "" is a cancelled picker.
func (d *fakeDesktop) ChooseFolder(string) (string, error) { return d.folder, nil }

// savingDesktop answers the save dialog with path.
type savingDesktop struct {
	fakeDesktop
	path  string
	asked string
}

func (d *savingDesktop) SaveFileDialog(_, defaultName, _, _ string) (string, error) {
	d.asked = defaultName
	return d.path, nil
}

// setUpWithKeys makes an org with API access on a fresh app.
func setUpWithKeys(t *testing.T) (*UI, *fakeClipboard) {
	t.Helper()
	a, clip := newTestApp(t, t.TempDir())
	_, err := a.Session.SetUp(SetupInput{OrgName: "Acme", Name: "Dana", Email: "dana@example.com"})
	require.NoError(t, err)
	allowAPIAccess(t, a)
	return a, clip
}

// allowAPIAccess enables API access as a code from Proof would.
func allowAPIAccess(t *testing.T, a *UI) {
	t.Helper()
	enable(t, a, func(e *access.Enablement) { e.APIAccess = true })
}

// enable changes what Proof enables for the organization, as a code from Proof would.
func enable(t *testing.T, a *UI, change func(*access.Enablement)) {
	t.Helper()
	require.NoError(t, a.s().store.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		if err != nil {
			return err
		}
		change(&o.Enablement)
		return tx.PutOrg(o)
	}))
}

func TestReplaceCheckAndPoliciesThroughBoundMethods(t *testing.T) {
	a, clip := setUpWithKeys(t)
	k, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	copied, err := a.Keys.CopyKey(k.ID)
	require.NoError(t, err)
	assert.Equal(t, 30, copied.ClearAfterSeconds)
	oldSecret := clip.secrets[0]

	r, err := a.Keys.ReplaceKey(k.ID, ptr(1))
	require.NoError(t, err)
	assert.False(t, r.OldDeleted)
	assert.Equal(t, k.Settings, r.New.Settings)
	list, err := a.Keys.all("production")
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, r.New.ID, list[0].ReplacedBy)
	assert.Contains(t, list[0].ReplacedByLabel, r.New.Hint)
	assert.NotEmpty(t, list[0].ExpiresAt)
	assert.Equal(t, k.ID, list[1].Replaces)

	check, err := a.Keys.CheckKey(oldSecret, "production")
	require.NoError(t, err)
	assert.Equal(t, "replaced", check.Verdict)
	assert.False(t, check.OK)
	assert.Contains(t, check.Message, "replaced by "+k.Settings.Name+" ("+r.New.Hint+")")
	check, err = a.Keys.CheckKey(oldSecret, "sandbox")
	require.NoError(t, err)
	assert.Equal(t, "wrong_environment", check.Verdict)
	slip := "x"
	if strings.HasSuffix(oldSecret, slip) {
		slip = "y" // a slip must change the key
	}
	check, err = a.Keys.CheckKey(oldSecret[:len(oldSecret)-1]+slip, "")
	require.NoError(t, err)
	assert.Equal(t, "invalid", check.Verdict)
	assert.Contains(t, check.Message, "probably a copy and paste error")
	views, _ := json.Marshal([]any{r, list, check})
	assert.NotContains(t, string(views), oldSecret[4:], "the pasted text is not sent back")

	_, err = a.Keys.ReplaceKey(k.ID, ptr(1))
	assert.Equal(t, "already_replaced", Explain(err).Code)
	_, err = a.Keys.ReplaceKey(r.New.ID, ptr(5))
	assert.Equal(t, "bad_request", Explain(err).Code)

	_, err = a.Org.SavePolicies(PoliciesInput{RotationDays: ptr(30), ClipboardClearSeconds: ptr(0)})
	require.NoError(t, err)
	a.s().keys.Now = func() time.Time { return time.Now().AddDate(0, 0, 31) }
	list, err = a.Keys.all("production")
	require.NoError(t, err)
	assert.False(t, list[0].RotationDue, "a replaced key is not due again")
	assert.True(t, list[1].RotationDue)
	copied, err = a.Keys.CopyKey(r.New.ID)
	require.NoError(t, err)
	assert.Zero(t, copied.ClearAfterSeconds, "never")
}

// generateCopied generates a key in env and copies it, returning it and its secret.
func generateCopied(t *testing.T, a *UI, clip *fakeClipboard, env string) (KeyView, string) {
	t.Helper()
	k, err := a.Keys.GenerateKey(env)
	require.NoError(t, err)
	_, err = a.Keys.CopyKey(k.ID)
	require.NoError(t, err)
	return k, clip.secrets[len(clip.secrets)-1]
}

func TestAuditPageAndExport(t *testing.T) {
	a, clip := setUpWithKeys(t)
	k, _ := generateCopied(t, a, clip, "sandbox")

	v, err := a.Audit.ListAudit(AuditFilterInput{}, 0)
	require.NoError(t, err)
	require.Equal(t, 3, v.Matched)
	assert.Equal(t, string(audit.KeyCopied), v.Events[0].Action, "newest first")
	chain, err := a.Audit.AuditChain()
	require.NoError(t, err)
	assert.True(t, chain.Intact)
	assert.Equal(t, 3, chain.Events)
	assert.Regexp(t, `^[0-9a-f]{64}$`, chain.Anchor, "the newest event's hash, to note down")
	filters, err := a.Audit.AuditFilters()
	require.NoError(t, err)
	assert.Contains(t, filters.Actions, string(audit.KeyReplaced))
	assert.Equal(t, []Option{{Value: filters.Members[0].Value, Label: "Dana"}}, filters.Members)
	keys, err := a.Audit.SearchAuditKeys("")
	require.NoError(t, err)
	assert.Equal(t, KeyChoicesView{Keys: []Option{{Value: k.ID, Label: k.Settings.Name}}, Total: 1}, keys)
	keys, err = a.Audit.SearchAuditKeys("no such key")
	require.NoError(t, err)
	assert.Zero(t, keys.Total)

	page, err := a.Audit.ListAudit(AuditFilterInput{}, 2)
	require.NoError(t, err)
	assert.Equal(t, 3, page.Matched)
	require.Len(t, page.Events, 1, "the oldest, on its own past the offset")
	assert.Equal(t, string(audit.OrgSetUp), page.Events[0].Action)

	v, err = a.Audit.ListAudit(AuditFilterInput{Action: string(audit.KeyCopied), From: time.Now().Format("2006-01-02"), To: time.Now().Format("2006-01-02")}, 0)
	require.NoError(t, err)
	assert.Equal(t, 1, v.Matched)
	v, err = a.Audit.ListAudit(AuditFilterInput{To: "2000-01-01"}, 0)
	require.NoError(t, err)
	assert.Zero(t, v.Matched)
	_, err = a.Audit.ListAudit(AuditFilterInput{From: "yesterday"}, 0)
	assert.Equal(t, "bad_date", Explain(err).Code)

	path, err := a.Audit.ExportAudit("csv", AuditFilterInput{})
	require.NoError(t, err)
	assert.Empty(t, path, "a cancelled dialog writes nothing")

	d := &savingDesktop{path: filepath.Join(t.TempDir(), "log.json")}
	a.core.desktop = d
	path, err = a.Audit.ExportAudit("json", AuditFilterInput{KeyID: k.ID})
	require.NoError(t, err)
	assert.Equal(t, d.path, path)
	assert.True(t, strings.HasPrefix(d.asked, "proofkeys-audit-") && strings.HasSuffix(d.asked, ".json"), d.asked)
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var exported audit.Exported
	require.NoError(t, json.Unmarshal(raw, &exported))
	assert.Len(t, exported.Events, 2, "the key's generate and copy")
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "readable only by the person")
	_, err = a.Audit.ExportAudit("xml", AuditFilterInput{})
	assert.Equal(t, "bad_request", Explain(err).Code)
}

func TestLifecycleStartsTheClearTimerAndExpiresDueKeys(t *testing.T) {
	a, clip := setUpWithKeys(t)
	k, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	_, err = a.Keys.ReplaceKey(k.ID, ptr(1))
	require.NoError(t, err)
	require.NotNil(t, a.s().keys.ClearTimer, "wired by start-up")
	a.Stop()
	// The app was closed for two hours.
	later := New(a.core.dataDir, Options{Clipboard: clip, Clock: func() time.Time { return time.Now().Add(2 * time.Hour) }})
	require.NoError(t, later.Start(context.Background(), &fakeDesktop{}))
	t.Cleanup(later.Stop)
	_, err = later.Session.GetState()
	require.NoError(t, err)
	list, err := later.Keys.all("production")
	require.NoError(t, err)
	assert.Len(t, list, 1, "the old key was deleted at start")
}

// A key whose grace period ended while the app was closed is deleted at the next start;
// its check names when the grace period ended, not when the app got round to deleting it.
func TestCheckOfAnExpiredKeyNamesTheEndOfItsGracePeriod(t *testing.T) {
	a, clip := setUpWithKeys(t)
	k, secret := generateCopied(t, a, clip, "production")
	_, err := a.Keys.ReplaceKey(k.ID, ptr(1))
	require.NoError(t, err)
	list, err := a.Keys.all("production")
	require.NoError(t, err)
	ends, err := time.Parse(time.RFC3339, list[0].ExpiresAt)
	require.NoError(t, err)

	later := ends.Add(72 * time.Hour)
	a.s().keys.Now = func() time.Time { return later }
	expireDue(a.s())
	check, err := a.Keys.CheckKey(secret, "production")
	require.NoError(t, err)
	assert.Equal(t, "expired", check.Verdict)
	assert.Contains(t, check.Message, "grace period ended "+when(ends))
	assert.NotContains(t, check.Message, when(later))
}

func TestListKeysSaysWhichWereCopied(t *testing.T) {
	a, _ := setUpWithKeys(t)
	used, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	unused, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	_, err = a.Keys.CopyKey(used.ID)
	require.NoError(t, err)

	list, err := a.Keys.all("production")
	require.NoError(t, err)
	copied := map[string]bool{}
	for _, k := range list {
		copied[k.ID] = k.Copied
	}
	assert.Equal(t, map[string]bool{used.ID: true, unused.ID: false}, copied)
}
