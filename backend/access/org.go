package access

import "time"

// Org is the organization whose keys the app manages. One data folder holds one org.
type Org struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"createdAt"`
	Enablement Enablement `json:"enablement"`
	Settings   Settings   `json:"settings"`
	// Demo marks an organization for trying the app, enabled by a root key made on this
	// machine rather than by Proof. The UI and the support bundle say so everywhere.
	Demo bool `json:"demo,omitempty"`
	// DemoRoot is the public key of that demo root (its private half was never kept); only
	// a demo organization has one.
	DemoRoot string `json:"demoRoot,omitempty"`
	// EnablementLog is every code from Proof applied to the org, oldest first: who at
	// Proof enabled or withdrew what, and who applied it when.
	EnablementLog []EnablementEntry `json:"enablementLog,omitempty"`
	// Revocations are the staff certificates a Proof root has revoked, as far as this
	// organization has heard: codes they sign are refused from then on.
	Revocations []Revocation `json:"revocations,omitempty"`
	// StaffKeys are the Proof staff keys an Owner trusted by hand in earlier versions. They
	// are kept as a record and trusted no more: codes now carry Proof's certificate.
	StaffKeys []StaffKey `json:"staffKeys,omitempty"`
	// NewCodeFormNoticeDone is set once an Owner or Admin has read that new codes come in
	// the certified form; until then an organization with StaffKeys is told so.
	NewCodeFormNoticeDone bool `json:"newCodeFormNoticeDone,omitempty"`
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

// The grants Proof enables.
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
	CodeID   string `json:"codeId"`
	IssuedBy string `json:"issuedBy"` // the staff member's name, as certified
	KeyID    string `json:"keyId"`    // the staff key that signed it
	// CertID and RootID are the staff certificate the code carried and the Proof root that
	// signed it; empty for codes applied before certificates.
	CertID   string    `json:"certId,omitempty"`
	RootID   string    `json:"rootId,omitempty"`
	IssuedAt time.Time `json:"issuedAt"`
	// AppliedAt and AppliedBy say when and by which member it was pasted into the app.
	AppliedAt     time.Time `json:"appliedAt"`
	AppliedBy     string    `json:"appliedBy"`
	AppliedByName string    `json:"appliedByName"`
}

// Revocation records that a Proof root revoked a staff certificate, and who told the app.
type Revocation struct {
	CertID    string    `json:"certId"`
	RootID    string    `json:"rootId"`
	Reason    string    `json:"reason,omitempty"`
	RevokedAt time.Time `json:"revokedAt"`
	AppliedAt time.Time `json:"appliedAt"`
	AppliedBy string    `json:"appliedBy"`
}

// Revoked reports whether the staff certificate certID has been revoked.
func (o Org) Revoked(certID string) bool {
	for _, r := range o.Revocations {
		if r.CertID == certID {
			return true
		}
	}
	return false
}

// StaffKey is a Proof staff member's public signing key an Owner trusted by hand in
// earlier versions (Org.StaffKeys).
type StaffKey struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	PublicKey string    `json:"publicKey"`
	AddedAt   time.Time `json:"addedAt"`
	AddedBy   string    `json:"addedBy"`
	// Demo marks a key made on this machine to try the app; it is never Proof's.
	Demo bool `json:"demo,omitempty"`
}
