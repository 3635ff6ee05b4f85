package keys

import (
	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// payerNeedsEnablement is the message for a payer Proof has not enabled for the org.
const payerNeedsEnablement = "Ask your CSM to enable this payer."

// Configure validates and saves a key's settings. Invalid settings come back as
// apikey.FieldErrors, one message per field, and nothing is saved.
func (s *Service) Configure(memberID, id string, settings apikey.Settings) (apikey.Key, error) {
	settings = settings.Normalized()
	var k apikey.Key
	err := s.Store.Update(func(tx *store.Tx) error {
		_, o, err := authorize(tx, memberID, access.ManageKeys)
		if err != nil {
			return err
		}
		if k, err = liveKey(tx, id); err != nil {
			return err
		}
		if errs := validate(settings, k.Settings, o.Enablement); errs != nil {
			return errs
		}
		k.Settings, k.UpdatedAt = settings, s.Now().UTC()
		return tx.PutKey(k)
	})
	return k, err
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
