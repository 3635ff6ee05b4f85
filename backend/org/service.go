package org

import (
	"crypto/rand"
	"errors"
	"io"
	"time"

	"proofkeys/backend/enablement"
	"proofkeys/backend/passphrase"
	"proofkeys/backend/store"
)

var (
	// ErrNotSetUp means the data folder has no organization yet; the first-run setup is due.
	ErrNotSetUp = errors.New("no organization is set up yet")
	// ErrAlreadySetUp means setup ran twice.
	ErrAlreadySetUp = errors.New("the organization is already set up")
	// ErrSignInNeeded means the organization has several members and nobody has signed in.
	ErrSignInNeeded = errors.New("sign in first")
)

// Store is the database (store.Store in the app).
type Store interface {
	Update(func(*store.Tx) error) error
	View(func(*store.Tx) error) error
}

// Service runs the organization's use cases.
type Service struct {
	Store Store
	Now   func() time.Time
	Rand  io.Reader
	// Hashing is the argon2id cost of new passphrases; Backoff slows down guessing.
	Hashing passphrase.Params
	Backoff passphrase.Backoff
	// Roots are the Proof roots enablement codes are checked against: the binary's own
	// (enablement.Roots) in the app, a test root in tests.
	Roots []enablement.Root
}

// New returns a Service on the real clock and crypto/rand.
func New(s Store) *Service {
	return &Service{Store: s, Now: time.Now, Rand: rand.Reader,
		Hashing: passphrase.Default, Backoff: passphrase.DefaultBackoff, Roots: enablement.Roots()}
}
