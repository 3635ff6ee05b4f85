package keys_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
	"proofkeys/backend/vault/vaulttest"
)

// The soak: a child process runs generate, delete and replace at once, three callers
// each, until it is killed with SIGKILL at a random moment; then the folder is reopened
// as the next start of the app opens it, Recover runs, and both rules of the two stores
// must hold (no secret without a record, no active record without a secret), bbolt's
// check must be clean and the audit chain intact. EnvSoakKills sets the number of kills
// (`make soak` runs 500); the default keeps `go test` short.
const (
	EnvSoakKills  = "PROOFKEYS_SOAK_KILLS"
	envSoakWorker = "PROOFKEYS_SOAK_WORKER" // the data folder, in the child
	envSoakOwner  = "PROOFKEYS_SOAK_OWNER"
	envSoakLog    = "PROOFKEYS_SOAK_LOG" // where the child notes each ID before its secret is written
	defaultKills  = 20
)

// TestMain runs the soak's child when the test binary is started as one.
func TestMain(m *testing.M) {
	if dir := os.Getenv(envSoakWorker); dir != "" {
		os.Exit(soakWorker(dir, os.Getenv(envSoakOwner), os.Getenv(envSoakLog)))
	}
	os.Exit(m.Run())
}

func TestSoak(t *testing.T) {
	kills := defaultKills
	if n, err := strconv.Atoi(os.Getenv(EnvSoakKills)); err == nil && n > 0 {
		kills = n
	}
	dir, owner := soakFolder(t)
	v := vaulttest.New(t)
	idLog := filepath.Join(t.TempDir(), "ids")
	var totals soakTotals
	start := time.Now()
	for i := range kills {
		ran := soakRun(t, dir, owner, idLog)
		totals.add(soakCheck(t, dir, v, idLog))
		totals.ran += ran
		if t.Failed() {
			t.Fatalf("after kill %d", i+1)
		}
	}
	t.Logf("%d kills in %v: %d ms of work in all; recovery undid %d keys and finished %d deletions; "+
		"%d keys active, %d deleted at the end; every check clean",
		kills, time.Since(start).Round(time.Second), totals.ran.Milliseconds(), totals.undone, totals.finished,
		totals.active, totals.deleted)
}

type soakTotals struct {
	ran                               time.Duration
	undone, finished, active, deleted int
}

func (s *soakTotals) add(r soakResult) {
	s.undone += r.Undone
	s.finished += r.Finished
	s.active, s.deleted = r.active, r.deleted
}

// soakFolder is a set-up organization with API access, closed for the child to open.
func soakFolder(t *testing.T) (string, string) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	require.NoError(t, err)
	defer st.Close()
	_, owner, err := org.New(st).Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	require.NoError(t, st.Update(func(tx *store.Tx) error {
		o, err := tx.Org()
		o.Enablement.APIAccess = true
		return errors.Join(err, tx.PutOrg(o))
	}))
	return dir, owner.ID
}

// soakRun starts the child, waits until it is at work, lets it work for a random while
// and kills it. It returns how long the child worked.
func soakRun(t *testing.T, dir, owner, idLog string) time.Duration {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envSoakWorker+"="+dir, envSoakOwner+"="+owner, envSoakLog+"="+idLog)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	line, _ := bufio.NewReader(out).ReadString('\n')
	require.Equal(t, "ready\n", line, "the child started")
	began := time.Now()
	time.Sleep(time.Duration(rand.IntN(600)) * time.Millisecond)
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err = cmd.Wait()
	worked := time.Since(began)
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the child ran until killed")
	return worked
}

type soakResult struct {
	keys.Recovered
	active, deleted int
}

// soakCheck reopens the folder as the app's next start does, recovers, and checks every
// rule. It closes the folder again for the next child.
func soakCheck(t *testing.T, dir string, v *vault.Vault, idLog string) soakResult {
	t.Helper()
	st, err := store.Open(dir)
	require.NoError(t, err, "the data file opens after a kill")
	defer st.Close()
	svc := keys.New(st, v, &recordingClipboard{})
	r, err := svc.Recover()
	require.NoError(t, err)
	again, err := svc.Recover()
	require.NoError(t, err)
	assert.Equal(t, keys.Recovered{}, again)
	require.NoError(t, st.Check(), "bbolt's check")

	res := soakResult{Recovered: r}
	active := map[string]bool{}
	require.NoError(t, st.View(func(tx *store.Tx) error {
		log, err := tx.AuditLog()
		require.NoError(t, err)
		require.NoError(t, log.Verify(), "the audit chain")
		all, err := tx.Keys(func(apikey.Key) bool { return true })
		for _, k := range all {
			require.Contains(t, []apikey.State{apikey.Active, apikey.Deleted}, k.State, "key %s left %s", k.ID, k.State)
			if k.State == apikey.Active {
				active[k.ID] = true
				secret, err := v.Get(k.ID)
				require.NoError(t, err, "active key %s has no secret", k.ID)
				require.Equal(t, k.Fingerprint, apikey.Fingerprint(secret))
				res.active++
			} else {
				res.deleted++
			}
		}
		return err
	}))
	// IDs are never reused: only those the last child wrote can have left a secret behind.
	raw, err := os.ReadFile(idLog)
	if !errors.Is(err, os.ErrNotExist) {
		require.NoError(t, err)
	}
	for _, id := range strings.Fields(string(raw)) {
		if !active[id] {
			_, err := v.Get(id)
			require.ErrorIs(t, err, vault.ErrNotFound, "secret %s has no active record", id)
		}
	}
	require.NoError(t, os.WriteFile(idLog, nil, 0o600))
	return res
}

// soakWorker is the child: three callers each of generate, delete and replace, until
// killed. Errors of one call (a key deleted by another caller) are part of the game.
func soakWorker(dir, owner, idLog string) int {
	st, err := store.Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak child:", err)
		return 1
	}
	v, err := vault.New("", dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak child:", err)
		return 1
	}
	logFile, err := os.OpenFile(idLog, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak child:", err)
		return 1
	}
	svc := keys.New(st, notingVault{Vault: v, log: logFile}, &recordingClipboard{})
	// The vault opens at first use, which takes a while: open it before saying ready, so
	// that the kill lands in the work rather than in the start.
	if _, err := v.Get("key_none"); !errors.Is(err, vault.ErrNotFound) {
		fmt.Fprintln(os.Stderr, "soak child: vault:", err)
		return 1
	}
	fmt.Println("ready")
	random := func() (string, bool) {
		var ids []string
		_ = st.View(func(tx *store.Tx) error {
			all, err := tx.Keys(func(k apikey.Key) bool { return k.State == apikey.Active && k.ExpiresAt.IsZero() })
			for _, k := range all {
				ids = append(ids, k.ID)
			}
			return err
		})
		if len(ids) == 0 {
			time.Sleep(10 * time.Millisecond) // no busy loop: let the generates run
			return "", false
		}
		return ids[rand.IntN(len(ids))], true
	}
	work := []func(){
		func() { _, _ = svc.Generate(owner, apikey.Sandbox) },
		func() {
			if id, ok := random(); ok {
				_ = svc.Delete(owner, id)
			}
		},
		func() {
			if id, ok := random(); ok {
				_, _ = svc.Replace(owner, id, keys.GracePeriods[rand.IntN(2)])
			}
		},
	}
	var wg sync.WaitGroup
	for range 3 {
		for _, do := range work {
			wg.Go(func() {
				for {
					do()
				}
			})
		}
	}
	wg.Wait()
	return 0
}

// notingVault notes every ID in a file before its secret is written, so the parent knows
// which secrets may exist.
type notingVault struct {
	*vault.Vault
	log *os.File
}

func (n notingVault) SetKey(secret string, it vault.Item) error {
	if _, err := n.log.WriteString(it.KeyID + "\n"); err != nil {
		return err
	}
	return n.Vault.SetKey(secret, it)
}
