package apikey

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Payer is who pays for the transactions made with a key.
type Payer string

// Who pays for the transactions made with a key.
const (
	PayerSigner Payer = "signer"
	// PayerInvoice and PayerOrganization must be enabled for the organization by Proof.
	PayerInvoice      Payer = "invoice"
	PayerOrganization Payer = "organization"
)

// DocumentRequirement is what a signer does with the documents by default.
type DocumentRequirement string

// What a transaction made with a key requires by default.
const (
	RequireNotarization         DocumentRequirement = "notarization"
	RequireESign                DocumentRequirement = "esign"
	RequireIdentityConfirmation DocumentRequirement = "identity_confirmation"
)

// Limits of the settings, as Proof's own settings page has them.
const (
	MaxNameLength       = 100
	MinSigners          = 1
	MaxSigners          = 10
	MaxTextLength       = 255 // transaction name, type, document category, external ID
	MaxURLLength        = 2048
	MaxButtonTextLength = 40
)

// Settings are the options saved on a key. Proof locks each saved setting for the
// transactions made with the key: an override in a request is rejected with 422.
type Settings struct {
	Name                    string              `json:"name"`
	Payer                   Payer               `json:"payer"`
	MinSigners              int                 `json:"minSigners"`
	MaxSigners              int                 `json:"maxSigners"`
	DocumentRequirement     DocumentRequirement `json:"documentRequirement"`
	TransactionName         string              `json:"transactionName"`
	TransactionType         string              `json:"transactionType"`
	DocumentCategory        string              `json:"documentCategory"`
	ExternalID              string              `json:"externalId"`
	AllowSignerAnnotations  bool                `json:"allowSignerAnnotations"`
	RequireSecondaryPhotoID bool                `json:"requireSecondaryPhotoId"`
	ForceRedirect           bool                `json:"forceRedirect"`
	RedirectURL             string              `json:"redirectUrl"`
	RedirectButtonText      string              `json:"redirectButtonText"`
}

// DefaultSettings are those of a newly generated key.
func DefaultSettings(name string) Settings {
	return Settings{
		Name:                   name,
		Payer:                  PayerSigner,
		MinSigners:             1,
		MaxSigners:             1,
		DocumentRequirement:    RequireNotarization,
		AllowSignerAnnotations: true,
	}
}

// Normalized trims the surrounding spaces a person types or pastes by accident.
func (s Settings) Normalized() Settings {
	for _, f := range []*string{&s.Name, &s.TransactionName, &s.TransactionType,
		&s.DocumentCategory, &s.ExternalID, &s.RedirectURL, &s.RedirectButtonText} {
		*f = strings.TrimSpace(*f)
	}
	return s
}

// Validate checks every field and returns a message per invalid field, keyed by the
// field's JSON name, so the UI can show each message next to its field. It returns nil
// when all is well.
func (s Settings) Validate() FieldErrors {
	errs := FieldErrors{}
	errs.add("name", checkName(s.Name))
	errs.add("payer", checkPayer(s.Payer))
	errs.add("minSigners", checkSigners(s.MinSigners))
	errs.add("maxSigners", checkSigners(s.MaxSigners))
	if errs["minSigners"] == "" && errs["maxSigners"] == "" && s.MinSigners > s.MaxSigners {
		errs["maxSigners"] = "Maximum signers must be at least the minimum."
	}
	errs.add("documentRequirement", checkRequirement(s.DocumentRequirement))
	errs.add("transactionName", checkText(s.TransactionName, MaxTextLength))
	errs.add("transactionType", checkText(s.TransactionType, MaxTextLength))
	errs.add("documentCategory", checkText(s.DocumentCategory, MaxTextLength))
	errs.add("externalId", checkText(s.ExternalID, MaxTextLength))
	errs.add("redirectUrl", checkRedirectURL(s.RedirectURL, s.ForceRedirect))
	errs.add("redirectButtonText", checkText(s.RedirectButtonText, MaxButtonTextLength))
	if len(errs) == 0 {
		return nil
	}
	return errs
}

func checkName(name string) string {
	if name == "" {
		return "Enter a name, for example the integration that uses the key."
	}
	if utf8.RuneCountInString(name) > MaxNameLength {
		return "Use at most 100 characters."
	}
	return checkText(name, MaxNameLength)
}

func checkPayer(p Payer) string {
	switch p {
	case PayerSigner, PayerInvoice, PayerOrganization:
		return ""
	}
	return "Choose Signer, Invoice or Your Organization."
}

func checkSigners(n int) string {
	if n < MinSigners || n > MaxSigners {
		return "Enter a whole number from 1 to 10."
	}
	return ""
}

func checkRequirement(r DocumentRequirement) string {
	switch r {
	case RequireNotarization, RequireESign, RequireIdentityConfirmation:
		return ""
	}
	return "Choose notarization, eSign or identity confirmation."
}

func checkText(s string, max int) string {
	if !utf8.ValidString(s) {
		return "This text has characters that cannot be saved; retype it."
	}
	if utf8.RuneCountInString(s) > max {
		return "Use at most " + strconv.Itoa(max) + " characters."
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "Remove line breaks and tabs from this text."
	}
	return ""
}

func checkRedirectURL(raw string, forced bool) string {
	if raw == "" {
		if forced {
			return "Enter the https address signers go to after signing, or turn off Force redirect."
		}
		return ""
	}
	if len(raw) > MaxURLLength {
		return "Use an address of at most 2048 characters."
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil {
		return "Enter a full https address, such as https://example.com/done."
	}
	return ""
}
