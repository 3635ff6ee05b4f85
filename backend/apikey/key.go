package apikey

import "time"

// State is where a key is in its life. Pending and Deleting are the intents written to
// the database before the vault is touched, so that a crash between the two stores can be
// finished or undone at the next start.
type State string

// The states of a key record, in the order a key goes through them.
const (
	Pending  State = "pending"  // record written, secret maybe not yet in the vault
	Active   State = "active"   // record and secret both present
	Deleting State = "deleting" // the secret is being removed from the vault
	Deleted  State = "deleted"  // secret gone; the record stays for the history
)

// Access is the access level of a key. Proof's page makes full-access keys only, and the
// level is fixed at creation.
type Access string

// FullAccess is the only access level Proof's API Keys page makes.
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

	// A replace links the two keys. The old one stays Active until ExpiresAt, the end of
	// the grace period the person chose, and is then deleted like any other key.
	ReplacedBy string    `json:"replacedBy,omitempty"` // ID of the key that replaces this one
	Replaces   string    `json:"replaces,omitempty"`   // ID of the key this one replaced
	ExpiresAt  time.Time `json:"expiresAt,omitzero"`
	// Exposed marks a key replaced without a grace period ("Compromised or exposed?"): it
	// was deleted at once by DeletedBy, not at the end of a grace period.
	Exposed bool `json:"exposed,omitempty"`
}

// Hint is the form the list shows, such as "prf_…x7Qa".
func (k Key) Hint() string { return Hint(k.Environment, k.Last4) }

// DueForRotation reports whether k is older than the org's rotation policy of days (0 is
// no policy) at now. A key already replaced is not due: its successor is on the way in.
func (k Key) DueForRotation(days int, now time.Time) bool {
	if days <= 0 || k.ReplacedBy != "" || k.State != Active {
		return false
	}
	return !now.Before(k.CreatedAt.AddDate(0, 0, days))
}

// Expired reports whether k's grace period after a replace has ended at now (for a key
// replaced as exposed, at once: its deletion is then due, and retried if the vault failed).
func (k Key) Expired(now time.Time) bool {
	return !k.ExpiresAt.IsZero() && !now.Before(k.ExpiresAt)
}
