package server

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"proofkeys/backend/privatefile"
)

const (
	// SnapshotEvery is how often a running server saves a snapshot of its database, the
	// first right after it starts.
	SnapshotEvery = 24 * time.Hour
	// KeepSnapshots is how many snapshots are kept; older ones are removed.
	KeepSnapshots = 7
	// snapshotPrefix and snapshotSuffix name a snapshot file: etcd-<UTC time>.db, so that
	// names sort as their times do.
	snapshotPrefix, snapshotSuffix = "etcd-", ".db"
)

// Snapshot saves a snapshot of the database in DataDir/snapshots (readable by the owner
// only, written whole or not at all), then removes all but the newest KeepSnapshots. It
// returns the file's path. A snapshot holds what the database holds: records, sealed
// secrets and signed events, never a secret in the clear. `etcdutl snapshot restore` reads it.
func (s *Server) Snapshot(ctx context.Context) (string, error) {
	dir := filepath.Join(s.cfg.DataDir, "snapshots")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("snapshot: %w", err)
	}
	rc, err := s.client.Snapshot(ctx)
	if err != nil {
		return "", fmt.Errorf("snapshot: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return "", fmt.Errorf("snapshot: %w", err)
	}
	name := snapshotPrefix + s.Now().UTC().Format("20060102T150405.000000000Z") + snapshotSuffix
	path := filepath.Join(dir, name)
	if err := privatefile.Write(path, data); err != nil {
		return "", fmt.Errorf("snapshot: %w", err)
	}
	return path, prune(dir)
}

// prune removes the oldest snapshots in dir beyond KeepSnapshots.
func prune(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, snapshotPrefix) && strings.HasSuffix(n, snapshotSuffix) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for len(names) > KeepSnapshots {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return fmt.Errorf("snapshot: %w", err)
		}
		names = names[1:]
	}
	return nil
}

// snapshotEvery saves a snapshot now and every period until ctx ends. A failed snapshot
// is reported to failed and tried again at the next period.
func (s *Server) snapshotEvery(ctx context.Context, period time.Duration, failed func(error)) {
	tick := time.NewTicker(period)
	defer tick.Stop()
	for {
		if _, err := s.Snapshot(ctx); err != nil && ctx.Err() == nil {
			failed(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
