package apikey

import "time"

// State is where a key is in its life. Pending and Deleting are the intents written to
// the database before the vault is touched, so that a crash between the two stores can be
// finished or undone at the next start.
type State string

const (
	Pending  State = "pending"  // record written, secret maybe not yet in the vault
	Active   State = "active"   // record and secret both present
	Deleting State = "deleting" // the secret is being removed from the vault
	Deleted  State = "deleted"  // secret gone; the record stays for the history
)

// Access is the access level of a key. Proof's page makes full-access keys only, and the
// level is fixed at creation.
type Access string

const FullAccess Access = "full"

// Key is everything kept about a key outside the vault. It never holds the secret.
type Key struct {
	ID          string      `json:"id"`
	Seq         uint64      `json:"seq"` // creation order within the environment, from 1
	Environment Environment `json:"environment"`
	Access      Access      `json:"access"`
	Fingerprint string      `json:"fingerprint"` // hex SHA-256 of the secret
	Last4       string      `json:"last4"`
	State       State       `json:"state"`
	Settings    Settings    `json:"settings"`
	CreatedAt   time.Time   `json:"createdAt"`
	CreatedBy   string      `json:"createdBy"` // member ID
	UpdatedAt   time.Time   `json:"updatedAt"`
	DeletedAt   time.Time   `json:"deletedAt,omitzero"`
	DeletedBy   string      `json:"deletedBy,omitempty"`
}

// Hint is the form the list shows, such as "prf_…x7Qa".
func (k Key) Hint() string { return Hint(k.Environment, k.Last4) }
