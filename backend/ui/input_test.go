package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
)

func ptr[T any](v T) *T { return &v }

// What the page sends is checked in Go: a missing or null value is refused with words a
// person can act on, and changes nothing, for every bound method that takes input. The
// page never sends these; a bug or an injected script could.
func TestBoundMethodsRefuseMissingInput(t *testing.T) {
	a, _ := setUpWithKeys(t)
	k, err := a.Keys.GenerateKey("production")
	require.NoError(t, err)
	_, err = a.Org.SavePolicies(PoliciesInput{RotationDays: ptr(90), ClipboardClearSeconds: ptr(30)})
	require.NoError(t, err)

	cases := []struct {
		name string
		call func() error
		code string
	}{
		{"KeyPage(null)", func() error { _, err := a.Keys.KeyPage(KeyQuery{}); return err }, "bad_request"},
		{"KeyPage(no order)", func() error { _, err := a.Keys.KeyPage(firstPage("production", "", "all", "")); return err }, "bad_request"},
		{"KeyPage(no filter)", func() error { _, err := a.Keys.KeyPage(firstPage("production", "", "", "newest")); return err }, "bad_request"},
		{"GenerateKey(null)", func() error { _, err := a.Keys.GenerateKey(""); return err }, "bad_request"},
		{"SaveKeySettings(id, null)", func() error { _, err := a.Keys.SaveKeySettings(k.ID, apikey.Settings{}); return err }, "invalid"},
		{"SaveKeySettings(null, ...)", func() error { _, err := a.Keys.SaveKeySettings("", *k.Settings); return err }, "key_not_found"},
		{"KeySettings(null)", func() error { _, err := a.Keys.KeySettings(""); return err }, "key_not_found"},
		{"CopyKey(null)", func() error { _, err := a.Keys.CopyKey(""); return err }, "key_not_found"},
		{"DeleteKey(null)", func() error { return a.Keys.DeleteKey("") }, "key_not_found"},
		{"ReplaceKey(id, null)", func() error { _, err := a.Keys.ReplaceKey(k.ID, nil); return err }, "bad_request"},
		{"ReplaceKey(id, 5)", func() error { _, err := a.Keys.ReplaceKey(k.ID, ptr(5)); return err }, "bad_request"},
		{"CheckKey(key, bogus)", func() error { _, err := a.Keys.CheckKey("prf_x", "staging"); return err }, "bad_request"},
		{"SavePolicies(null)", func() error { _, err := a.Org.SavePolicies(PoliciesInput{}); return err }, "invalid"},
		{"SavePolicies(no clipboard)", func() error {
			_, err := a.Org.SavePolicies(PoliciesInput{RotationDays: ptr(30)})
			return err
		}, "invalid"},
		{"SetAutoLock(null)", func() error { _, err := a.Session.SetAutoLock(0); return err }, "invalid"},
		{"SetUp(null)", func() error { _, err := a.Session.SetUp(SetupInput{}); return err }, "invalid"},
		{"SignIn(null, null)", func() error { _, err := a.Session.SignIn("", ""); return err }, "member_not_found"},
		{"AddMember(null)", func() error { _, err := a.Members.AddMember(NewMemberInput{}); return err }, "invalid"},
		{"ChangeMember(null, null, false)", func() error { _, err := a.Members.ChangeMember("", "", false); return err }, "member_not_found"},
		{"RemoveMember(null)", func() error { return a.Members.RemoveMember("") }, "member_not_found"},
		{"SetPassphrase(null, null, null)", func() error { return errOf(a.Members.SetPassphrase("", "", "")) }, "invalid"},
		{"ApplyEnablementCode(null)", func() error { _, err := a.Org.ApplyEnablementCode(""); return err }, "code_malformed"},
		{"ListAudit(bad date)", func() error { _, err := a.Audit.ListAudit(AuditFilterInput{From: "yesterday"}, 0); return err }, "bad_date"},
		{"ExportAudit(null, {})", func() error { _, err := a.Audit.ExportAudit("", AuditFilterInput{}); return err }, "bad_request"},
		{"ExportInventory(null)", func() error { _, err := a.Inventory.ExportInventory(""); return err }, "bad_request"},
		{"RestoreSnapshot(null)", func() error { _, err := a.Snapshots.RestoreSnapshot("", false); return err }, "not_restorable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			require.Error(t, err)
			p := Explain(err)
			assert.Equal(t, c.code, p.Code, p.Message)
			assert.NotEmpty(t, p.Hint, "says what to do")
		})
	}

	p, err := a.Org.GetPolicies()
	require.NoError(t, err)
	assert.Equal(t, 90, p.RotationDays, "nothing was weakened")
	assert.Equal(t, 30, p.ClipboardClearSeconds)
	list, err := a.Keys.all("production")
	require.NoError(t, err)
	require.Len(t, list, 1, "the key is still there, alone")
	assert.Equal(t, k.ID, list[0].ID)
	state, err := a.Session.GetState()
	require.NoError(t, err)
	assert.Equal(t, string(access.Owner), state.Me.Role)
}
