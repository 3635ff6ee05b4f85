package apikey_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"proofkeys/backend/apikey"
)

func TestDefaultSettingsAreValid(t *testing.T) {
	s := apikey.DefaultSettings("Full access key 1")
	assert.Nil(t, s.Validate())
	assert.True(t, s.AllowSignerAnnotations, "annotations are on by default")
	assert.False(t, s.RequireSecondaryPhotoID, "secondary photo ID is off by default")
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*apikey.Settings)
		field  string // "" for valid
	}{
		{"valid full", func(s *apikey.Settings) {
			s.Payer, s.MinSigners, s.MaxSigners = apikey.PayerInvoice, 2, 10
			s.ForceRedirect, s.RedirectURL, s.RedirectButtonText = true, "https://example.com/done?x=1", "Back"
		}, ""},
		{"empty name", func(s *apikey.Settings) { s.Name = "" }, "name"},
		{"name of 100", func(s *apikey.Settings) { s.Name = strings.Repeat("é", 100) }, ""},
		{"name of 101", func(s *apikey.Settings) { s.Name = strings.Repeat("a", 101) }, "name"},
		{"name with a line break", func(s *apikey.Settings) { s.Name = "a\nb" }, "name"},
		{"name not utf-8", func(s *apikey.Settings) { s.Name = "a\xffb" }, "name"},
		{"unknown payer", func(s *apikey.Settings) { s.Payer = "bank" }, "payer"},
		{"zero min signers", func(s *apikey.Settings) { s.MinSigners = 0 }, "minSigners"},
		{"eleven max signers", func(s *apikey.Settings) { s.MaxSigners = 11 }, "maxSigners"},
		{"min above max", func(s *apikey.Settings) { s.MinSigners, s.MaxSigners = 3, 2 }, "maxSigners"},
		{"unknown requirement", func(s *apikey.Settings) { s.DocumentRequirement = "wet ink" }, "documentRequirement"},
		{"long external ID", func(s *apikey.Settings) { s.ExternalID = strings.Repeat("x", 256) }, "externalId"},
		{"http redirect", func(s *apikey.Settings) { s.RedirectURL = "http://example.com" }, "redirectUrl"},
		{"javascript redirect", func(s *apikey.Settings) { s.RedirectURL = "javascript:alert(1)" }, "redirectUrl"},
		{"redirect without host", func(s *apikey.Settings) { s.RedirectURL = "https:///x" }, "redirectUrl"},
		{"redirect with credentials", func(s *apikey.Settings) { s.RedirectURL = "https://u:p@example.com" }, "redirectUrl"},
		{"forced redirect without URL", func(s *apikey.Settings) { s.ForceRedirect = true }, "redirectUrl"},
		{"long button text", func(s *apikey.Settings) { s.RedirectButtonText = strings.Repeat("b", 41) }, "redirectButtonText"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := apikey.DefaultSettings("Salesforce sync")
			tc.change(&s)
			errs := s.Validate()
			if tc.field == "" {
				assert.Nil(t, errs)
				return
			}
			assert.Len(t, errs, 1, "%v", errs)
			assert.NotEmpty(t, errs[tc.field])
			assert.Contains(t, errs.Error(), tc.field)
		})
	}
}

func TestNormalizedTrimsText(t *testing.T) {
	s := apikey.DefaultSettings("  Salesforce sync\t")
	s.RedirectURL = " https://example.com "
	n := s.Normalized()
	assert.Equal(t, "Salesforce sync", n.Name)
	assert.Equal(t, "https://example.com", n.RedirectURL)
}

// FuzzValidate: validation never panics, and a name it accepts is 1 to 100 characters of
// text without control characters, as the list can show it.
func FuzzValidate(f *testing.F) {
	f.Add("Salesforce sync", 1, 2, "https://example.com")
	f.Add("", 0, 11, "http://x")
	f.Fuzz(func(t *testing.T, name string, min, max int, url string) {
		s := apikey.DefaultSettings(name)
		s.MinSigners, s.MaxSigners, s.RedirectURL = min, max, url
		errs := s.Validate()
		if errs["name"] == "" && (name == "" || len([]rune(name)) > 100 || strings.ContainsAny(name, "\n\r\t\x00")) {
			t.Fatalf("accepted name %q", name)
		}
		if errs["minSigners"] == "" && errs["maxSigners"] == "" && (min < 1 || max > 10 || min > max) {
			t.Fatalf("accepted signers %d..%d", min, max)
		}
		if errs["redirectUrl"] == "" && url != "" && !strings.HasPrefix(url, "https://") {
			t.Fatalf("accepted redirect %q", url)
		}
	})
}
