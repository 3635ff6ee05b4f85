package ui

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// planted is a folder with one live key of the organization, one valid key of no
// organization, and a one-character typo of the live key.
type planted struct {
	dir                 string
	keyID               string
	live, foreign, typo string
}

func plantScanFolder(t *testing.T, tm *teamApp) planted {
	t.Helper()
	k := tm.ownerKey(t)
	_, err := tm.app.Keys.CopyKey(k.ID)
	require.NoError(t, err)
	live := tm.clip.secrets[len(tm.clip.secrets)-1]
	foreign, err := apikey.Shapes[3].Generate(rand.Reader)
	require.NoError(t, err)
	last := live[len(live)-1]
	swap := byte('a')
	if last == 'a' {
		swap = 'b'
	}
	typo := live[:len(live)-1] + string(swap)
	dir := t.TempDir()
	write := func(name, body string) {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o700))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600))
	}
	write("config/app.env", "# settings\nPROOF_API_KEY="+live+"\n")
	write("scripts/old.sh", "export KEY="+foreign+"\n")
	write("notes.txt", "a key with a slip: "+typo+"\n")
	return planted{dir: dir, keyID: k.ID, live: live, foreign: foreign, typo: typo}
}

// waitScan polls ScanProgress as the page does until the scan has finished.
func waitScan(t *testing.T, a *UI) ScanStatus {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		st, err := a.Scan.ScanProgress()
		require.NoError(t, err)
		if !st.Running {
			require.NotNil(t, st.Result, "a finished scan has its result")
			return st
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the scan did not finish within a minute")
	return ScanStatus{}
}

func TestScanFindsThePlantedKeysAndNeverReturnsASecret(t *testing.T) {
	tm := newTeamApp(t)
	p := plantScanFolder(t, tm)
	tm.app.core.desktop.(*fakeDesktop).folder = p.dir
	folder, err := tm.app.Scan.ChooseFolder()
	require.NoError(t, err)
	require.Equal(t, p.dir, folder)

	require.NoError(t, tm.app.Scan.StartScan(ScanRequest{Folder: folder}))
	st := waitScan(t, tm.app)
	r := st.Result
	require.Len(t, r.Findings, 2, "the live key and the key of no organization; the typo is not a key")
	byFile := map[string]ScanFinding{}
	for _, f := range r.Findings {
		byFile[f.File] = f
	}
	live := byFile["config/app.env"]
	assert.Equal(t, "active", live.Verdict)
	assert.Equal(t, "This key is live: replace it now", live.Headline)
	assert.True(t, strings.HasSuffix(live.Advice, " works. Replace it now and delete the old key."), live.Advice)
	assert.False(t, strings.HasPrefix(live.Advice, "Exposed"), "the headline says it already: %s", live.Advice)
	assert.Equal(t, 2, live.Line)
	assert.Equal(t, len("PROOF_API_KEY=")+1, live.Column)
	assert.Equal(t, p.keyID, live.KeyID)
	assert.True(t, live.Live)
	assert.True(t, live.Replaceable)
	assert.Contains(t, live.Hint, "…"+p.live[len(p.live)-4:])

	other := byFile["scripts/old.sh"]
	assert.Equal(t, "not_this_organization", other.Verdict)
	assert.False(t, other.Replaceable, "not the organization's: nothing here can replace it")
	assert.Empty(t, other.KeyID)

	require.Len(t, r.Typos, 1)
	assert.Equal(t, "notes.txt", r.Typos[0].File)
	assert.Equal(t, 2, r.Live, "the live key, and the key of no organization, which may work")
	assert.Equal(t, int64(3), r.Files)
	assert.False(t, r.Cancelled)

	raw, err := json.Marshal(st)
	require.NoError(t, err)
	for _, secret := range []string{p.live, p.foreign, p.typo} {
		assert.NotContains(t, string(raw), secret, "no secret, nor the typo's text, in what the page gets")
	}
	assert.NotContains(t, string(raw), p.dir, "files are named within the folder, not by machine paths")

	events := scanEvents(t, tm.app)
	require.Len(t, events, 1, "the scan is an audit event")
	assert.Equal(t, r.Summary, events[0].Detail)
	assert.Contains(t, events[0].Detail, "3 files read")
	assert.Contains(t, events[0].Detail, "2 keys found, 2 live; 1 shaped like a key but with a typo")
	for _, secret := range []string{p.live, p.foreign, p.typo, p.dir} {
		assert.NotContains(t, events[0].Detail, secret)
	}
}

func scanEvents(t *testing.T, a *UI) []audit.Event {
	t.Helper()
	var log audit.Log
	require.NoError(t, a.s().store.View(func(tx *store.Tx) error {
		var err error
		log, err = tx.AuditLog()
		return err
	}))
	var scans []audit.Event
	for _, e := range log.Events {
		if e.Action == audit.KeysScanned {
			scans = append(scans, e)
		}
	}
	return scans
}

func TestScanCancelStopsItAndRecordsAPartialScan(t *testing.T) {
	tm := newTeamApp(t)
	dir := t.TempDir()
	for i := range 2000 {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%04d.txt", i)), []byte("nothing here\n"), 0o600))
	}
	require.NoError(t, tm.app.Scan.StartScan(ScanRequest{Folder: dir, Everything: true}))
	assert.ErrorIs(t, tm.app.Scan.StartScan(ScanRequest{Folder: dir}), ErrScanRunning, "one scan at a time")
	tm.app.Scan.CancelScan()
	st := waitScan(t, tm.app)
	assert.True(t, st.Result.Cancelled)
	events := scanEvents(t, tm.app)
	require.Len(t, events, 1)
	assert.True(t, strings.HasPrefix(events[0].Detail, "stopped early: "), events[0].Detail)

	require.NoError(t, tm.app.Scan.StartScan(ScanRequest{Folder: dir}), "a new scan may start once the last one stopped")
	assert.False(t, waitScan(t, tm.app).Result.Cancelled)
}

func TestScanRefusesAMissingFolder(t *testing.T) {
	tm := newTeamApp(t)
	assert.ErrorIs(t, tm.app.Scan.StartScan(ScanRequest{Folder: " "}), ErrNoScanFolder)
	require.NoError(t, tm.app.Scan.StartScan(ScanRequest{Folder: filepath.Join(t.TempDir(), "gone")}))
	var err error
	for range 6000 {
		var st ScanStatus
		st, err = tm.app.Scan.ScanProgress()
		if err != nil || !st.Running {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	assert.Equal(t, "scan_path", Explain(err).Code, "a folder that cannot be read says so")
}

func TestScanReplaceNeedsTheRightToManageKeys(t *testing.T) {
	tm := newTeamApp(t)
	p := plantScanFolder(t, tm)
	tm.signInAs(t, tm.plain)
	require.NoError(t, tm.app.Scan.StartScan(ScanRequest{Folder: p.dir}))
	st := waitScan(t, tm.app)
	var id string
	for _, f := range st.Result.Findings {
		if f.Replaceable {
			id = f.KeyID
		}
	}
	require.Equal(t, p.keyID, id, "a team member may scan, and sees the live key")
	_, err := tm.app.Keys.ReplaceKey(id, ptr(0))
	require.Error(t, err, "but may not replace it")
	var k apikey.Key
	require.NoError(t, tm.app.s().store.View(func(tx *store.Tx) error {
		k, err = tx.Key(id)
		return err
	}))
	assert.Equal(t, apikey.Active, k.State, "the key is untouched")
	assert.Empty(t, k.ReplacedBy)

	tm.signInAs(t, tm.owner)
	r, err := tm.app.Keys.ReplaceKey(id, ptr(0))
	require.NoError(t, err)
	assert.True(t, r.OldDeleted, "replace now deletes the old key at once")
	require.NoError(t, tm.app.Scan.StartScan(ScanRequest{Folder: p.dir}))
	for _, f := range waitScan(t, tm.app).Result.Findings {
		if f.KeyID == id {
			assert.Equal(t, "deleted", f.Verdict, "a second scan calls it harmless")
			assert.False(t, f.Replaceable)
		}
	}
}

func TestScanStopsWithTheApp(t *testing.T) {
	tm := newTeamApp(t)
	dir := t.TempDir()
	for i := range 500 {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.txt", i)), []byte("nothing here\n"), 0o600))
	}
	require.NoError(t, tm.app.Scan.StartScan(ScanRequest{Folder: dir}))
	tm.app.Scan.stop() // as UI.Stop does, before the database closes
	st, err := tm.app.Scan.ScanProgress()
	require.NoError(t, err)
	assert.False(t, st.Running, "stop waits for the scan to return")
	require.NotNil(t, st.Result)
	assert.True(t, st.Result.Cancelled)
	assert.Len(t, scanEvents(t, tm.app), 1, "its audit event is written before the database closes")
}
