package access

import "time"

// Org is the organization whose keys the app manages. One data folder holds one org.
type Org struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"createdAt"`
	Enablement Enablement `json:"enablement"`
	Settings   Settings   `json:"settings"`
	// Demo marks an organization for trying the app, enabled by a staff key made on this
	// machine rather than by Proof. The UI and the support bundle say so everywhere.
	Demo bool `json:"demo,omitempty"`
	// EnablementLog is every code from Proof applied to the org, oldest first: who at
	// Proof enabled or withdrew what, and who applied it when.
	EnablementLog []EnablementEntry `json:"enablementLog,omitempty"`
	// StaffKeys are Proof staff keys an Owner chose to trust, on top of the built-in ones.
	StaffKeys []StaffKey `json:"staffKeys,omitempty"`
}

// Settings are the organization's own policies, set by its Owners and Admins.
type Settings struct {
	// RotationDays flags keys older than this many days as due for rotation; 0 is off.
	RotationDays int `json:"rotationDays"`
	// ClipboardClearSeconds clears a copied key from the clipboard after this long, if
	// the clipboard still holds it; 0 never clears (until the app quits).
	ClipboardClearSeconds int `json:"clipboardClearSeconds"`
	// AutoLockMinutes locks the app after this long without use, when it has several members.
	AutoLockMinutes int `json:"autoLockMinutes"`
}

// DefaultSettings are a new organization's policies.
var DefaultSettings = Settings{RotationDays: 90, ClipboardClearSeconds: 30, AutoLockMinutes: 15}

// Enablement is what Proof has turned on for the organization. Invoice and Your
// Organization payers need Proof's enablement; Signer is always available.
type Enablement struct {
	APIAccess         bool `json:"apiAccess"`
	PayerInvoice      bool `json:"payerInvoice"`
	PayerOrganization bool `json:"payerOrganization"`
}

// Grant names one thing Proof enables, as enablement codes and the audit log spell it.
type Grant string

const (
	GrantAPIAccess         Grant = "api_access"
	GrantPayerInvoice      Grant = "payer_invoice"
	GrantPayerOrganization Grant = "payer_organization"
)

// Grants lists every grant, in the order the UI shows them.
var Grants = []Grant{GrantAPIAccess, GrantPayerInvoice, GrantPayerOrganization}

// field is the switch of e that g turns, or nil for an unknown grant.
func (e *Enablement) field(g Grant) *bool {
	switch g {
	case GrantAPIAccess:
		return &e.APIAccess
	case GrantPayerInvoice:
		return &e.PayerInvoice
	case GrantPayerOrganization:
		return &e.PayerOrganization
	}
	return nil
}

// Set turns g on or off and reports whether g is a known grant.
func (e *Enablement) Set(g Grant, on bool) bool {
	f := e.field(g)
	if f != nil {
		*f = on
	}
	return f != nil
}

// Has reports whether g is on.
func (e Enablement) Has(g Grant) bool {
	f := e.field(g)
	return f != nil && *f
}

// EnablementEntry records one grant or withdrawal from a code Proof issued.
type EnablementEntry struct {
	Grant   Grant `json:"grant"`
	Enabled bool  `json:"enabled"`
	// CodeID is the code's unique number; a code is applied once.
	CodeID   string    `json:"codeId"`
	IssuedBy string    `json:"issuedBy"` // the staff member's name, as signed
	KeyID    string    `json:"keyId"`    // the staff key that signed it
	IssuedAt time.Time `json:"issuedAt"`
	// AppliedAt and AppliedBy say when and by which member it was pasted into the app.
	AppliedAt     time.Time `json:"appliedAt"`
	AppliedBy     string    `json:"appliedBy"`
	AppliedByName string    `json:"appliedByName"`
}

// StaffKey is a Proof staff member's public signing key that the org trusts.
type StaffKey struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	PublicKey string    `json:"publicKey"`
	AddedAt   time.Time `json:"addedAt"`
	AddedBy   string    `json:"addedBy"`
	// Demo marks a key made on this machine to try the app; it is never Proof's.
	Demo bool `json:"demo,omitempty"`
}
