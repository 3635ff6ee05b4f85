package store

import (
	"errors"
	"strings"
)

var (
	// ErrInUse means another proofkeys holds the database file.
	ErrInUse = errors.New("the database is in use by another proofkeys")
	// ErrNewerSchema means the file was written by a newer version of proofkeys.
	ErrNewerSchema = errors.New("the database was written by a newer proofkeys")
	// ErrNotFound means no record with that ID.
	ErrNotFound = errors.New("not found")
	// ErrNoMember means the acting member is not in the organization (removed, or signed out).
	ErrNoMember = errors.New("no such member")
	// ErrCorrupt means the data file is damaged (or missing beside its snapshots); the app
	// shows the problem screen, which offers the snapshots. See Damaged.
	ErrCorrupt = errors.New("the data file is damaged")
	// ErrDataMissing means the data file is missing or empty although the folder has
	// snapshots; always wrapped with ErrCorrupt.
	ErrDataMissing = errors.New("the data file is missing or empty, but the folder has snapshots")
)

// Damaged reports whether err means the data file cannot be used as it is, so the app
// must show the problem screen (restore a snapshot) rather than start afresh or retry.
func Damaged(err error) bool { return errors.Is(err, ErrCorrupt) }

// Problem is what is wrong with a damaged file, without the words "the data file is
// damaged" that a caller already says.
func Problem(err error) string {
	return strings.TrimPrefix(err.Error(), ErrCorrupt.Error()+": ")
}
