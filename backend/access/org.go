package access

import "time"

// Org is the organization whose keys the app manages. One data folder holds one org.
type Org struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"createdAt"`
	Enablement Enablement `json:"enablement"`
	Settings   Settings   `json:"settings"`
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
