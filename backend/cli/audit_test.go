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
	assert.Regexp(t, `^OK: 4 events, chain intact\nAnchor: [0-9a-f]{64} \(note it down`, out)
}

// editAudit changes the audit bucket of the folder's bbolt file behind the app's back.
func editAudit(t *testing.T, dir string, edit func(audit, meta *bolt.Bucket) error) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, store.FileName), 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error { return edit(tx.Bucket([]byte("audit")), tx.Bucket([]byte("meta"))) }))
	require.NoError(t, db.Close())
}

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// TestAuditVerifyNoticesTheEndCut removes the last events, which leaves a chain that fits
// from its first event to its new last one; the head recorded apart says it was longer.
func TestAuditVerifyNoticesTheEndCut(t *testing.T) {
	dir := auditFolder(t, 5)
	editAudit(t, dir, func(b, _ *bolt.Bucket) error {
		require.NoError(t, b.Delete(seqKey(5)))
		return b.Delete(seqKey(4))
	})
	code, out, _ := runCLI("audit", "verify", "--data-dir", dir)
	assert.Equal(t, cli.ExitProblem, code)
	assert.Contains(t, out, "BROKEN: the audit log's chain is broken at its end: it stops at event 3, but 5 events were recorded")
}

// TestAuditVerifyNoticesTheLastEventResealed rewrites the last event and gives it the hash
// that fits its new content: the chain accepts it, the head does not.
func TestAuditVerifyNoticesTheLastEventResealed(t *testing.T) {
	dir := auditFolder(t, 3)
	editAudit(t, dir, func(b, _ *bolt.Bucket) error {
		var last, prev audit.Event
		require.NoError(t, json.Unmarshal(b.Get(seqKey(3)), &last))
		require.NoError(t, json.Unmarshal(b.Get(seqKey(2)), &prev))
		last.ActorName = "Mala"
		raw, err := json.Marshal(audit.Seal(last, &prev))
		require.NoError(t, err)
		return b.Put(seqKey(3), raw)
	})
	code, out, _ := runCLI("audit", "verify", "--data-dir", dir)
	assert.Equal(t, cli.ExitProblem, code)
	assert.Contains(t, out, "BROKEN: the audit log's chain is broken at event 3, its last")
}

// TestAuditVerifyAnchor: an anchor noted from an earlier verify is found while the log
// only grows, and missed once the log is cut back with its head moved to fit, which no
// check inside the file can notice.
func TestAuditVerifyAnchor(t *testing.T) {
	dir := auditFolder(t, 3)
	_, out, _ := runCLI("audit", "verify", "--data-dir", dir)
	anchor := strings.Fields(strings.SplitN(out, "Anchor: ", 2)[1])[0]

	st, err := store.Open(dir)
	require.NoError(t, err)
	svc := org.New(st)
	_, members, err := svc.SignInChoices()
	require.NoError(t, err)
	_, err = svc.SetPolicies(members[0].ID, org.Policies{RotationDays: 180, ClipboardClearSeconds: 30})
	require.NoError(t, err)
	require.NoError(t, st.Close())
	code, out, _ := runCLI("audit", "verify", "--anchor", anchor, "--data-dir", dir)
	require.Equal(t, cli.ExitOK, code, out)
	assert.Contains(t, out, "OK: 4 events")

	editAudit(t, dir, func(b, meta *bolt.Bucket) error {
		require.NoError(t, b.Delete(seqKey(4)))
		require.NoError(t, b.Delete(seqKey(3)))
		var second audit.Event
		require.NoError(t, json.Unmarshal(b.Get(seqKey(2)), &second))
		head, err := json.Marshal(audit.Head{Seq: 2, Hash: second.Hash})
		require.NoError(t, err)
		return meta.Put([]byte("audit_head"), head)
	})
	code, out, _ = runCLI("audit", "verify", "--data-dir", dir)
	require.Equal(t, cli.ExitOK, code, "a careful cut fits the file itself: %s", out)
	code, out, _ = runCLI("audit", "verify", "--anchor", anchor, "--data-dir", dir)
	assert.Equal(t, cli.ExitProblem, code)
	assert.Contains(t, out, "BROKEN: the anchor "+anchor+" is not in the log")
}

// TestAuditVerifyNamesTheEditedEvent edits the bytes of one event inside the bbolt file,
// as someone covering their tracks would, and runs the command on it.
func TestAuditVerifyNamesTheEditedEvent(t *testing.T) {
	for _, target := range []uint64{1, 3, 5} {
		dir := auditFolder(t, 5)
		editAudit(t, dir, func(b, _ *bolt.Bucket) error {
			raw := b.Get(seqKey(target))
			edited := bytes.Replace(raw, []byte(`"actorName":"Dana"`), []byte(`"actorName":"Mala"`), 1)
			require.NotEqual(t, raw, edited)
			require.True(t, json.Valid(edited))
			return b.Put(seqKey(target), edited)
		})

		code, out, _ := runCLI("audit", "verify", "--data-dir", dir)
		assert.Equal(t, cli.ExitProblem, code)
		assert.Contains(t, out, "BROKEN")
		assert.Contains(t, out, "at event "+string(rune('0'+target))+" (", "names exactly event %d: %s", target, out)
	}
}

func TestAuditVerifyUnreadableEventIsBroken(t *testing.T) {
	dir := auditFolder(t, 3)
	editAudit(t, dir, func(b, _ *bolt.Bucket) error { return b.Put(seqKey(2), []byte(`{"seq":2,`)) })
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
	assert.Contains(t, errs, "proofkeys is open and holds the data file")
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
