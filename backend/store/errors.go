package store

import "errors"

var (
	// ErrInUse: another proofkeys holds the database file.
	ErrInUse = errors.New("the database is in use by another proofkeys")
	// ErrNewerSchema: the file was written by a newer version of proofkeys.
	ErrNewerSchema = errors.New("the database was written by a newer proofkeys")
	// ErrNotFound: no record with that ID.
	ErrNotFound = errors.New("not found")
	// ErrNoMember: the acting member is not in the organization (removed, or signed out).
	ErrNoMember = errors.New("no such member")
	// ErrCorrupt: the file or a record in it cannot be read.
	ErrCorrupt = errors.New("the database cannot be read")
)
