package keys

import (
	"crypto/rand"
	"io"
	"time"

	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// Vault is where secrets live (vault.Vault in the app).
type Vault interface {
	// SetKey stores a key's secret under it.KeyID, with its label and attributes.
	SetKey(secret string, it vault.Item) error
	Get(id string) (string, error)
	Delete(id string) error
	// Describe sets the label and attributes of the item already stored under it.KeyID.
	Describe(it vault.Item) error
	// Items lists proofkeys' items of a data folder or an organization.
	Items(folder, org string) ([]vault.Item, error)
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
