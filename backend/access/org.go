package access

import "time"

// Org is the organization whose keys the app manages. One data folder holds one org.
type Org struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"createdAt"`
	Enablement Enablement `json:"enablement"`
}

// Enablement is what Proof has turned on for the organization. Invoice and Your
// Organization payers need Proof's enablement; Signer is always available.
type Enablement struct {
	APIAccess         bool `json:"apiAccess"`
	PayerInvoice      bool `json:"payerInvoice"`
	PayerOrganization bool `json:"payerOrganization"`
}
