package scan

import (
	"context"
	"fmt"
	"strings"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/keys"
	"proofkeys/backend/store"
)

// Service is the scan as the app runs it for a signed-in member: judged against the
// organization's inventory, and recorded in the audit log with its counts. Acting on an
// active finding is keys.Service.Replace with the finding's KeyID and no grace period.
type Service struct {
	Store keys.Store
	Now   func() time.Time
}

// New returns a Service on the real clock.
func New(st keys.Store) *Service { return &Service{Store: st, Now: time.Now} }

// Scan runs req for memberID, who may scan if they may view keys (as for Check a key),
// and records the scan, even a cancelled one, as an audit event with its counts. The
// event holds no path, secret, hint or file content: only what was read and found.
func (s *Service) Scan(ctx context.Context, memberID string, req Request, expect apikey.Environment) (Result, error) {
	inv, err := LoadInventory(s.Store, expect, func(tx *store.Tx) error {
		_, _, err := tx.Authorize(memberID, access.ViewKeys)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	r, err := Run(ctx, req, inv)
	if err != nil {
		return Result{}, err
	}
	err = s.Store.Update(func(tx *store.Tx) error {
		m, _, err := tx.Authorize(memberID, access.ViewKeys)
		if err != nil {
			return err
		}
		_, err = tx.AppendEvent(audit.Event{Time: s.Now().UTC(), Actor: m.ID, ActorName: m.Name,
			Action: audit.KeysScanned, Detail: Summary(r)})
		return err
	})
	if err != nil {
		return r, fmt.Errorf("record the scan: %w", err)
	}
	return r, nil
}

// Summary is the scan in one line of counts, as the audit log and the command line say it.
func Summary(r Result) string {
	var b strings.Builder
	what := map[Mode]string{Folders: "folders", History: "git history", Staged: "staged changes"}[r.Mode]
	if r.Cancelled {
		b.WriteString("stopped early: ")
	}
	fmt.Fprintf(&b, "%s: %s read (%s)", what, plural(r.Counts.Files, "file"), byteSize(r.Counts.Bytes))
	if r.Mode == History {
		fmt.Fprintf(&b, " in %s", plural(r.Counts.Commits, "commit"))
	}
	fmt.Fprintf(&b, "; %s found, %d live; %d shaped like a key but with a typo",
		plural(int64(r.Counts.Keys), "key"), r.Counts.Live, r.Counts.Typos)
	return b.String()
}

func plural(n int64, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// byteSize is n in the largest unit that keeps it at or over 1.
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, i := float64(n), -1
	for v >= unit && i < 3 {
		v /= unit
		i++
	}
	return fmt.Sprintf("%.1f %cB", v, "kMGT"[i])
}
