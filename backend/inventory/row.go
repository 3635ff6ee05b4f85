package inventory

import "time"

// State is where a key stands in the review.
type State string

const (
	Active   State = "active"   // in use
	Expiring State = "expiring" // replaced; deleted at the end of its grace period
	Deleted  State = "deleted"  // secret gone, record kept for the history
)

// Rotation is a key's standing against the organization's rotation policy.
type Rotation string

const (
	RotationOK      Rotation = "ok"
	RotationDueSoon Rotation = "due_soon" // within DueSoonDays of the policy
	RotationOverdue Rotation = "overdue"
	RotationOff     Rotation = "off"  // the organization has no policy
	RotationNone    Rotation = "none" // replaced or deleted: nothing left to rotate
)

// DueSoonDays is how early a key is flagged before its rotation falls due.
const DueSoonDays = 14

// Row is one key of the inventory. The JSON names are the export's column names; the
// README documents each. It has no field for a secret.
type Row struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Environment string    `json:"environment"`
	Key         string    `json:"key"` // hint: prefix and last four characters
	State       State     `json:"state"`
	Payer       string    `json:"payer"`
	MinSigners  int       `json:"minSigners"`
	MaxSigners  int       `json:"maxSigners"`
	CreatedAt   time.Time `json:"createdAt"`
	CreatedBy   string    `json:"createdBy"`
	// AgeDays is whole days from creation to now, or to deletion for a deleted key.
	AgeDays      int       `json:"ageDays"`
	Rotation     Rotation  `json:"rotation"`
	RotationDue  time.Time `json:"rotationDue,omitzero"`
	CopyCount    int       `json:"copyCount"`
	LastCopiedAt time.Time `json:"lastCopiedAt,omitzero"`
	LastCopiedBy string    `json:"lastCopiedBy,omitempty"`
	Replaces     string    `json:"replaces,omitempty"`   // ID of the key this one replaced
	ReplacedBy   string    `json:"replacedBy,omitempty"` // ID of the key that replaced it
	ExpiresAt    time.Time `json:"expiresAt,omitzero"`
	DeletedAt    time.Time `json:"deletedAt,omitzero"`
	DeletedBy    string    `json:"deletedBy,omitempty"`
}

// Summary is the line at the top of the page and the report.
type Summary struct {
	Total         int `json:"total"`
	Active        int `json:"active"`
	Overdue       int `json:"overdue"`
	DueSoon       int `json:"dueSoon"`
	Expiring      int `json:"expiring"`
	DeletedLast30 int `json:"deletedLast30"`
	NeverCopied   int `json:"neverCopied"` // of the keys in use
}

// Report is the whole inventory at one moment.
type Report struct {
	GeneratedAt  time.Time `json:"generatedAt"`
	OrgName      string    `json:"orgName"`
	RotationDays int       `json:"rotationDays"` // 0: no policy
	Summary      Summary   `json:"summary"`
	Chart        Chart     `json:"chart"`
	Rows         []Row     `json:"keys"`
}

// InUse reports whether the key still works: active, or replaced and within its grace.
func (r Row) InUse() bool { return r.State != Deleted }
