package cli_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/apikey"
	"proofkeys/backend/inventory"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
	"proofkeys/backend/support"
)

// mixedFolder is a data folder whose keys stand in every way: active, expiring after a
// replace, its replacement, and deleted, with a payer and signer range other than the
// defaults.
func mixedFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	require.NoError(t, err)
	_, owner, err := org.New(st).Setup("Acme", "Dana", "dana@example.com")
	require.NoError(t, err)
	now := time.Now().UTC()
	key := func(id string, env apikey.Environment, edit func(*apikey.Key)) apikey.Key {
		k := apikey.Key{ID: id, Environment: env, Access: apikey.FullAccess, State: apikey.Active,
			Fingerprint: strings.Repeat(id[len(id)-1:], 64), Last4: "ab0" + id[len(id)-1:],
			Settings: apikey.DefaultSettings("Key " + id), CreatedAt: now.AddDate(0, 0, -40), CreatedBy: owner.ID}
		edit(&k)
		return k
	}
	keys := []apikey.Key{
		key("key_1", apikey.Production, func(k *apikey.Key) {
			k.Settings.Payer, k.Settings.MinSigners, k.Settings.MaxSigners = apikey.PayerInvoice, 1, 3
		}),
		key("key_2", apikey.Sandbox, func(k *apikey.Key) { k.ReplacedBy, k.ExpiresAt = "key_3", now.Add(time.Hour) }),
		key("key_3", apikey.Sandbox, func(k *apikey.Key) { k.Replaces, k.CreatedAt = "key_2", now.Add(-time.Minute) }),
		key("key_4", apikey.Production, func(k *apikey.Key) {
			k.State, k.DeletedAt, k.DeletedBy = apikey.Deleted, now.AddDate(0, 0, -2), owner.ID
		}),
	}
	require.NoError(t, st.Update(func(tx *store.Tx) error {
		for _, k := range keys {
			if err := tx.PutKey(k); err != nil {
				return err
			}
		}
		return nil
	}))
	require.NoError(t, st.Close())
	return dir
}

// TestCountsAndLabelsAgreeEverywhere holds the one definition of a key's standing and
// labels: the inventory's summary and chart, the support bundle, the command line's
// table, and the CSV, JSON and HTML exports count and name the same keys the same way.
func TestCountsAndLabelsAgreeEverywhere(t *testing.T) {
	dir := mixedFolder(t)
	st, err := store.OpenReadOnly(dir)
	require.NoError(t, err)
	r, err := inventory.New(st).Offline()
	require.NoError(t, err)
	bundle := support.Make(st, nil, "test", time.Now())
	require.NoError(t, st.Close())

	s := r.Summary
	assert.Equal(t, inventory.Summary{Total: 4, InUse: 3, Active: 2, Expiring: 1, DeletedLast30: 1, NeverCopied: 3,
		Overdue: 0, DueSoon: 0}, s)
	inChart := 0
	for _, b := range r.Chart.Bands {
		inChart += b.Count
	}
	assert.Equal(t, s.InUse, inChart, "the chart counts the keys in use")
	byStanding := map[string]int{}
	for _, env := range bundle.Keys {
		for standing, n := range env {
			byStanding[standing] += n
		}
	}
	assert.Equal(t, map[string]int{"active": s.Active, "expiring": s.Expiring, "deleted": 1}, byStanding,
		"the support bundle counts as the inventory does")
	assert.Contains(t, bundle.Text(), "sandbox: 2 in use (1 active, 1 expiring)")

	code, table, errs := runCLI("inventory", "--data-dir", dir)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, table, fmt.Sprintf("4 keys, %d in use (%d active, %d expiring)", s.InUse, s.Active, s.Expiring))

	_, rawCSV, _ := runCLI("inventory", "--format", "csv", "--data-dir", dir)
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rawCSV, "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	_, rawJSON, _ := runCLI("inventory", "--format", "json", "--data-dir", dir)
	var doc struct {
		Keys []map[string]any `json:"keys"`
	}
	require.NoError(t, json.Unmarshal([]byte(rawJSON), &doc))
	var html bytes.Buffer
	require.NoError(t, inventory.WriteHTML(&html, r))

	want := map[string][3]string{ // state, payer, signers in words
		"key_1": {"Active", "Invoice", "1-3"},
		"key_2": {"Expiring", "Signer", "1"},
		"key_3": {"Active", "Signer", "1"},
		"key_4": {"Deleted", "Signer", "1"},
	}
	for i, row := range r.Rows {
		w := want[row.ID]
		assert.Equal(t, w, [3]string{row.StateLabel, row.PayerLabel, row.Signers}, "the row of %s", row.ID)
		rec := records[i+1]
		assert.Equal(t, w, [3]string{rec[col["stateLabel"]], rec[col["payerLabel"]], rec[col["signers"]]}, "CSV, %s", row.ID)
		j := doc.Keys[i]
		assert.Equal(t, w, [3]string{j["stateLabel"].(string), j["payerLabel"].(string), j["signers"].(string)}, "JSON, %s", row.ID)
		tableLine := lineWith(table, row.Key)
		for _, label := range w {
			assert.Contains(t, tableLine, "  "+label+"  ", "the table's line of %s", row.ID)
		}
		assert.Contains(t, html.String(), "<td>"+w[1]+"</td><td class=\"num\">"+w[2]+"</td>", "HTML, %s", row.ID)
		assert.Contains(t, html.String(), "<td>"+w[0], "HTML, %s", row.ID)
	}
}

func lineWith(text, part string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}
