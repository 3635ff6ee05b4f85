package access

import "time"

// Role is a member's role in the organization.
type Role string

// The roles of an organization, from the most rights to the fewest.
const (
	Owner      Role = "owner"
	Admin      Role = "admin"
	TeamMember Role = "team_member"
)

// Member is a person of the organization.
type Member struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Role      Role      `json:"role"`
	CreatedAt time.Time `json:"createdAt"`
	// ManageAPIKeys is the "Manage API keys" grant a Team member may be given.
	ManageAPIKeys bool `json:"manageApiKeys"`
	// Passphrase is what the member signs in with; nil until one is set. It is a slow
	// hash, never the passphrase, and never leaves Go.
	Passphrase *Passphrase `json:"passphrase,omitempty"`
	// Recovery is a hash of the Owner's recovery code (made like Passphrase's), which sets
	// a new passphrase when the passphrase is forgotten; nil when none was given.
	Recovery *Passphrase `json:"recovery,omitempty"`
	// SignInFailures counts the wrong passphrases since the last right one; nil when none.
	SignInFailures *SignInFailures `json:"signInFailures,omitempty"`
	// Recipient and SigningKey are the public halves of the keys a member of a shared
	// organization makes when they join; the private halves stay in their OS vault. Secrets
	// are sealed to Recipient (age X25519), and the member's audit events are verified with
	// SigningKey (Ed25519, base64). Both are empty on a single desktop.
	Recipient  string `json:"recipient,omitempty"`
	SigningKey string `json:"signingKey,omitempty"`
}

// SignInFailures is a member's run of wrong passphrases, kept with the member so that a
// restart does not give a guesser a fresh start.
type SignInFailures struct {
	Count int `json:"count"`
	// WaitUntil is when the next attempt may be made.
	WaitUntil time.Time `json:"waitUntil"`
}

// Passphrase is an argon2id hash of a member's passphrase with the parameters it was made
// with, so that a hash made with older, cheaper parameters still verifies after they rise.
type Passphrase struct {
	Algorithm string `json:"algorithm"` // "argon2id"
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memoryKiB"`
	Threads   uint8  `json:"threads"`
	Salt      []byte `json:"salt"`
	Hash      []byte `json:"hash"`
}
