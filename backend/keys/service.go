package keys

import (
	"crypto/rand"
	"io"
	"time"

	"proofkeys/backend/store"
)

// Vault is where secrets live (vault.Vault in the app).
type Vault interface {
	Set(id, secret, label string) error
	Get(id string) (string, error)
	Delete(id string) error
}

// Store is the database (store.Store in the app).
type Store interface {
	Update(func(*store.Tx) error) error
	View(func(*store.Tx) error) error
}

// Clipboard receives a secret the person asked to copy.
type Clipboard interface {
	WriteSecret(secret string) error
}

// Service runs the use cases. Its fields are the outside world, passed in so that tests
// control time, randomness, the vault, the database and the clipboard.
type Service struct {
	Store     Store
	Vault     Vault
	Clipboard Clipboard
	Now       func() time.Time
	Rand      io.Reader
	// ClearTimer, when set, clears the clipboard after each copy's timeout.
	ClearTimer *ClearTimer
}

// New returns a Service on the real clock and crypto/rand.
func New(s Store, v Vault, c Clipboard) *Service {
	return &Service{Store: s, Vault: v, Clipboard: c, Now: time.Now, Rand: rand.Reader}
}
