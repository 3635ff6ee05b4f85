package cli_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"proofkeys/backend/audit"
	"proofkeys/backend/cli"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
)

// auditFolder makes a data folder whose log holds n events: the setup, then policy changes.
func auditFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	require.NoError(t, err)
	svc := org.New(st)
	_, owner, err := svc.Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	for i := 1; i < n; i++ {
		_, err := svc.SetPolicies(owner.ID, org.Policies{RotationDays: []int{30, 60}[i%2], ClipboardClearSeconds: 30})
		require.NoError(t, err)
	}
	require.NoError(t, st.Close())
	return dir
}

func runCLI(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := cli.Run(cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs}, args)
	return code, out.String(), errs.String()
}

func TestAuditVerifyIntactChain(t *testing.T) {
	dir := auditFolder(t, 4)
	code, out, _ := runCLI("audit", "verify", "--data-dir", dir)
	assert.Equal(t, cli.ExitOK, code)
	assert.Equal(t, "OK: 4 events, chain intact\n", out)
}

// TestAuditVerifyNamesTheEditedEvent edits the bytes of one event inside the bbolt file,
// as someone covering their tracks would, and runs the command on it.
func TestAuditVerifyNamesTheEditedEvent(t *testing.T) {
	for _, target := range []uint64{1, 3, 5} {
		dir := auditFolder(t, 5)
		db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
		require.NoError(t, err)
		require.NoError(t, db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("audit"))
			key := binary.BigEndian.AppendUint64(nil, target)
			raw := b.Get(key)
			edited := bytes.Replace(raw, []byte(`"actorName":"Dana"`), []byte(`"actorName":"Mala"`), 1)
			require.NotEqual(t, raw, edited)
			require.True(t, json.Valid(edited))
			return b.Put(key, edited)
		}))
		require.NoError(t, db.Close())

		code, out, _ := runCLI("audit", "verify", "--data-dir", dir)
		assert.Equal(t, cli.ExitProblem, code)
		assert.Contains(t, out, "BROKEN")
		assert.Contains(t, out, "at event "+string(rune('0'+target))+" (", "names exactly event %d: %s", target, out)
	}
}

func TestAuditVerifyUnreadableEventIsBroken(t *testing.T) {
	dir := auditFolder(t, 3)
	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("audit")).Put(binary.BigEndian.AppendUint64(nil, 2), []byte(`{"seq":2,`))
	}))
	require.NoError(t, db.Close())
	code, out, _ := runCLI("audit", "verify", "--data-dir", dir)
	assert.Equal(t, cli.ExitProblem, code)
	assert.Contains(t, out, "audit/2")
}

func TestAuditWhileTheAppHoldsTheFile(t *testing.T) {
	dir := auditFolder(t, 2)
	st, err := store.Open(dir)
	require.NoError(t, err)
	defer st.Close()
	start := time.Now()
	code, _, errs := runCLI("audit", "verify", "--data-dir", dir)
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Equal(t, cli.ExitFailed, code)
	assert.Contains(t, errs, "proofkeys is open; close it or")
}

func TestAuditExport(t *testing.T) {
	dir := auditFolder(t, 3)
	code, out, _ := runCLI("audit", "export", "--format", "json", "--data-dir", dir)
	require.Equal(t, cli.ExitOK, code)
	var events []audit.Event
	require.NoError(t, json.Unmarshal([]byte(out), &events))
	require.Len(t, events, 3)
	assert.NoError(t, audit.Verify(events), "an export can be verified by whoever receives it")

	file := filepath.Join(t.TempDir(), "audit.csv")
	code, out, _ = runCLI("audit", "export", "--format", "csv", "--out", file, "--data-dir", dir)
	require.Equal(t, cli.ExitOK, code)
	assert.Empty(t, out)
	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, 4, strings.Count(string(raw), "\n"))
	info, err := os.Stat(file)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
}

func TestAuditUsageErrors(t *testing.T) {
	dir := auditFolder(t, 1)
	for _, args := range [][]string{
		{"audit"},
		{"audit", "shred"},
		{"audit", "export", "--data-dir", dir},
		{"audit", "export", "--format", "xml", "--data-dir", dir},
		{"audit", "verify", "--no-such-flag"},
		{"audit", "verify", "extra"},
	} {
		code, _, _ := runCLI(args...)
		assert.Equal(t, cli.ExitUsage, code, "%v", args)
	}
	code, _, errs := runCLI("audit", "verify", "--data-dir", t.TempDir())
	assert.Equal(t, cli.ExitFailed, code)
	assert.Contains(t, errs, "no proofkeys data")
}
