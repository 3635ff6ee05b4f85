package keys

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// payerNeedsEnablement is the message for a payer Proof has not enabled for the org.
const payerNeedsEnablement = "Ask your CSM to enable this payer."

// Configure validates and saves a key's settings. Invalid settings come back as
// apikey.FieldErrors, one message per field, and nothing is saved.
func (s *Service) Configure(memberID, id string, settings apikey.Settings) (apikey.Key, error) {
	settings = settings.Normalized()
	var k apikey.Key
	renamed := false
	err := s.Store.Update(func(tx *store.Tx) error {
		m, o, err := tx.Authorize(memberID, access.ManageKeys)
		if err != nil {
			return err
		}
		if k, err = liveKey(tx, id); err != nil {
			return err
		}
		if errs := validate(settings, k.Settings, o.Enablement); errs != nil {
			return errs
		}
		changes := settingsChanges(k.Settings, settings)
		if len(changes) == 0 {
			return nil
		}
		renamed = settings.Name != k.Settings.Name
		k.Settings, k.UpdatedAt = settings, s.Now().UTC()
		if err := s.record(tx, m, audit.KeyConfigured, k, changes); err != nil {
			return err
		}
		return tx.PutKey(k)
	})
	if err == nil && renamed {
		s.relabel(k)
	}
	return k, err
}

// relabel gives k's vault item the key's new name. It is best effort: the label is only
// what the vault's own window shows, and the saved settings stand whatever it does.
func (s *Service) relabel(k apikey.Key) {
	if it, err := s.vaultItem(k); err == nil {
		_ = s.Vault.Describe(it)
	}
}

// validate adds the org's payer enablement to the settings' own rules. A payer already
// saved on the key stays allowed, so a withdrawn enablement never blocks other edits.
func validate(next, prev apikey.Settings, e access.Enablement) apikey.FieldErrors {
	errs := next.Validate()
	enabled := map[apikey.Payer]bool{
		apikey.PayerSigner:       true,
		apikey.PayerInvoice:      e.PayerInvoice,
		apikey.PayerOrganization: e.PayerOrganization,
	}
	if ok, known := enabled[next.Payer]; known && !ok && next.Payer != prev.Payer {
		if errs == nil {
			errs = apikey.FieldErrors{}
		}
		errs["payer"] = payerNeedsEnablement
	}
	return errs
}

// settingsChanges lists the fields that differ, by their JSON names, for the audit log.
func settingsChanges(prev, next apikey.Settings) []audit.Change {
	a, b := fieldsOf(prev), fieldsOf(next)
	var out []audit.Change
	for _, name := range slices.Sorted(maps.Keys(b)) {
		if a[name] != b[name] {
			out = append(out, audit.Change{Field: name, Old: a[name], New: b[name]})
		}
	}
	return out
}

// fieldsOf flattens settings to text by JSON name, the names the UI and exports use.
func fieldsOf(s apikey.Settings) map[string]string {
	raw, _ := json.Marshal(s)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = fmt.Sprint(v)
	}
	return out
}
