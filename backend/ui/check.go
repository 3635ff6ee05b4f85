package ui

import (
	"errors"
	"fmt"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
)

// CheckView answers "is this the key my integration should use?" in plain words. It never
// holds the pasted text.
type CheckView struct {
	// Verdict is keys.Verdict: active, replaced, wrong_environment, deleted, expired,
	// unknown or invalid.
	Verdict string `json:"verdict"`
	// OK is true only when the key works where it is expected.
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	Hint    string `json:"hint"`
	// The key it is (or, when invalid, most likely was meant to be); empty when unknown.
	Key      *CheckedKey `json:"key,omitempty"`
	Position int         `json:"position,omitempty"` // where an invalid text differs, from 1
}

// CheckedKey is what the check tells about the organization's key.
type CheckedKey struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Hint             string `json:"hint"`
	Environment      string `json:"environment"`
	State            string `json:"state"`
	CreatedAt        string `json:"createdAt"`
	CreatedBy        string `json:"createdBy"`
	DeletedAt        string `json:"deletedAt,omitempty"`
	DeletedBy        string `json:"deletedBy,omitempty"`
	ExpiresAt        string `json:"expiresAt,omitempty"`
	ReplacementLabel string `json:"replacementLabel,omitempty"`
}

// CheckKey tells which key pasted is and whether it is right for expect ("production",
// "sandbox", or "" for either). The pasted text is neither stored nor logged.
func (x *Keys) CheckKey(pasted, expect string) (CheckView, error) {
	return with(x.c, func(s *services) (CheckView, error) {
		var env apikey.Environment
		if expect != "" {
			var err error
			if env, err = apikey.ParseEnvironment(expect); err != nil {
				return CheckView{}, err
			}
		}
		r, err := s.keys.Check(x.c.member(s), pasted, env)
		if err != nil {
			return CheckView{}, err
		}
		v := CheckView{Verdict: string(r.Verdict), OK: r.Verdict == keys.CheckActive, Position: r.Position}
		if r.Key.ID != "" {
			v.Key = checkedKey(s, r)
		}
		v.Message, v.Hint = checkWords(r, v.Key, env)
		return v, nil
	})
}

func checkedKey(s *services, r keys.CheckResult) *CheckedKey {
	k := r.Key
	c := &CheckedKey{ID: k.ID, Name: k.Settings.Name, Hint: k.Hint(), Environment: string(k.Environment),
		State: string(k.Standing()), CreatedAt: stamp(k.CreatedAt), CreatedBy: s.orgs.MemberName(k.CreatedBy),
		ExpiresAt: stamp(k.ExpiresAt)}
	if k.State == apikey.Deleted {
		c.DeletedAt, c.DeletedBy = stamp(k.DeletedAt), s.orgs.MemberName(k.DeletedBy)
	}
	if r.Replacement.ID != "" {
		c.ReplacementLabel = r.Replacement.Settings.Name + " (" + r.Replacement.Hint() + ")"
	}
	return c
}

// checkWords is the answer and what to do next, for each verdict.
func checkWords(r keys.CheckResult, k *CheckedKey, expect apikey.Environment) (string, string) {
	switch r.Verdict {
	case keys.CheckActive:
		return fmt.Sprintf("This is %s (%s), an active %s key.", k.Name, k.Hint, k.Environment),
			"The key is right. If the integration still cannot authenticate, check that it calls Proof's " + string(r.Key.Environment) + " address."
	case keys.CheckReplaced:
		if k.ReplacementLabel == "" {
			return fmt.Sprintf("This is %s (%s). It stops working %s, and no key that replaced it works now.", k.Name, k.Hint, when(r.Key.ExpiresAt)),
				"Replace it again on the API Keys page, then copy the new key into the integration before then."
		}
		return fmt.Sprintf("This is %s (%s). It was replaced by %s and stops working %s.", k.Name, k.Hint, k.ReplacementLabel, when(r.Key.ExpiresAt)),
			"Copy the new key into the integration before then."
	case keys.CheckWrongEnvironment:
		return fmt.Sprintf("This is a %s key, %s (%s), but the integration expects a %s key.", k.Environment, k.Name, k.Hint, expect),
			fmt.Sprintf("Copy a %s key from the API Keys page (switch to %s at the top) into the integration.", expect, environmentWord(expect))
	case keys.CheckDeleted:
		if r.Key.Exposed {
			next := "Generate a new key and copy it into the integration."
			if k.ReplacementLabel != "" {
				next = "Copy its replacement, " + k.ReplacementLabel + ", into the integration."
			}
			return fmt.Sprintf("This was %s (%s). It was deleted at once as exposed %s by %s, so it no longer works.", k.Name, k.Hint, when(r.Key.DeletedAt), k.DeletedBy), next
		}
		return fmt.Sprintf("This was %s (%s). It was deleted %s by %s, so it no longer works.", k.Name, k.Hint, when(r.Key.DeletedAt), k.DeletedBy),
			"Generate a new key, or copy another active one, into the integration."
	case keys.CheckExpired:
		return fmt.Sprintf("This was %s (%s). It was replaced by %s, and its grace period ended %s, so it no longer works.", k.Name, k.Hint, k.ReplacementLabel, when(r.Key.ExpiresAt)),
			"Copy the new key, " + k.ReplacementLabel + ", into the integration."
	case keys.CheckUnknown:
		return "This is a well-formed Proof key, but not one of this organization's.",
			"It may belong to another organization or another proofkeys. Copy a key from this organization's API Keys page."
	}
	return invalidWords(r)
}

// invalidWords says why a text is not a key, and where it differs when the check found
// the key it was meant to be.
func invalidWords(r keys.CheckResult) (string, string) {
	near := ""
	if r.Key.ID != "" {
		near = fmt.Sprintf(" It looks like %s (%s) with a slip at character %d.", r.Key.Settings.Name, r.Key.Hint(), r.Position)
	}
	redo := "Copy the key again with the copy icon on the API Keys page and paste it whole."
	switch {
	case errors.Is(r.Problem, apikey.ErrEmpty):
		return "Nothing was pasted.", "Paste the key the integration uses into the box."
	case errors.Is(r.Problem, apikey.ErrPrefix):
		return "This is not a Proof API key: Proof keys start with prf_ (production) or prf_test_ (sandbox).",
			"Check that you copied the Proof key, not another service's key or a key ID."
	case errors.Is(r.Problem, apikey.ErrLength):
		return "This is not a valid key: it is too short or too long, probably a copy and paste error." + near, redo
	case errors.Is(r.Problem, apikey.ErrCharset):
		return "This is not a valid key: it contains a character keys never have, probably a copy and paste error." + near, redo
	}
	return "This is not a valid key: its checksum does not match, probably a copy and paste error." + near, redo
}

func environmentWord(e apikey.Environment) string {
	if e == apikey.Sandbox {
		return "Sandbox"
	}
	return "Production"
}

// when is a moment in a sentence, in UTC, which the UI's tooltip turns local.
func when(t time.Time) string {
	return "on " + t.UTC().Format("Jan 2, 2006 at 15:04 UTC")
}
