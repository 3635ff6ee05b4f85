package inventory

import (
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
)

// State is where a key stands in the review: the domain's one definition (apikey.Standing).
type State = apikey.Standing

// The states of a row, the standings of apikey.
const (
	Active   = apikey.StandingActive   // in use
	Expiring = apikey.StandingExpiring // replaced; deleted at the end of its grace period
	Deleted  = apikey.StandingDeleted  // secret gone, record kept for the history
)

// Rotation is a key's standing against the organization's rotation policy.
type Rotation string

// How a key stands against the rotation policy.
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
	ID          string `json:"id"`
	Name        string `json:"name"`
	Environment string `json:"environment"`
	Key         string `json:"key"` // hint: prefix and last four characters
	State       State  `json:"state"`
	Payer       string `json:"payer"`
	MinSigners  int    `json:"minSigners"`
	MaxSigners  int    `json:"maxSigners"`
	// The same three in a person's words, from the one definition every page, export and
	// the command line use (apikey's Label functions): "Expiring", "Signer", "1-3".
	StateLabel string    `json:"stateLabel"`
	PayerLabel string    `json:"payerLabel"`
	Signers    string    `json:"signers"`
	CreatedAt  time.Time `json:"createdAt"`
	CreatedBy  string    `json:"createdBy"`
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
	Total int `json:"total"`
	// InUse is every key that still works: Active plus Expiring, the keys the chart counts.
	InUse         int `json:"inUse"`
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
	OrgID        string    `json:"orgId"`
	OrgName      string    `json:"orgName"`
	RotationDays int       `json:"rotationDays"` // 0: no policy
	// AuditAnchor is the hash of the audit log's last event when the report was made: an
	// auditor checks later with `proofkeys audit verify --anchor` that the log still holds it.
	AuditAnchor string  `json:"auditAnchor"`
	Summary     Summary `json:"summary"`
	Chart       Chart   `json:"chart"`
	Rows        []Row   `json:"keys"`
}

// About is what the report's exports say about themselves.
func (r Report) About() audit.About {
	return audit.About{OrgID: r.OrgID, OrgName: r.OrgName, GeneratedAt: r.GeneratedAt, RotationDays: r.RotationDays}
}

// InUse reports whether the key still works: active, or replaced and within its grace.
func (r Row) InUse() bool { return r.State.InUse() }
