package store

import (
	"encoding/json"
	"errors"

	"proofkeys/backend/apikey"
)

// formatKey starts a key record in binary form: every field of apikey.Key in the order of
// its declaration, the settings' fields in theirs. A field added to apikey.Key or
// apikey.Settings must be added here too; TestKeyRecordKeepsEveryField fails until it is.
const formatKey byte = 0xB1

func encodeKey(k apikey.Key) []byte {
	s := k.Settings
	return enc{formatKey}.str(k.ID).uint(k.Seq).str(string(k.Environment)).str(string(k.Access)).
		str(k.Fingerprint).str(k.Last4).str(string(k.State)).
		str(s.Name).str(string(s.Payer)).int(int64(s.MinSigners)).int(int64(s.MaxSigners)).
		str(string(s.DocumentRequirement)).str(s.TransactionName).str(s.TransactionType).
		str(s.DocumentCategory).str(s.ExternalID).bool(s.AllowSignerAnnotations).
		bool(s.RequireSecondaryPhotoID).bool(s.ForceRedirect).str(s.RedirectURL).str(s.RedirectButtonText).
		time(k.CreatedAt).str(k.CreatedBy).time(k.UpdatedAt).time(k.DeletedAt).str(k.DeletedBy).
		str(k.ReplacedBy).str(k.Replaces).time(k.ExpiresAt)
}

// decodeKey reads a key record, binary or (schema 1) JSON.
func decodeKey(raw []byte) (apikey.Key, error) {
	var k apikey.Key
	if isJSON(raw) {
		return k, json.Unmarshal(raw, &k)
	}
	if len(raw) == 0 || raw[0] != formatKey {
		return k, errors.New("unknown key record format")
	}
	d := dec{raw: raw[1:]}
	k.ID, k.Seq, k.Environment, k.Access = d.str(), d.uint(), apikey.Environment(d.str()), apikey.Access(d.str())
	k.Fingerprint, k.Last4, k.State = d.str(), d.str(), apikey.State(d.str())
	s := &k.Settings
	s.Name, s.Payer, s.MinSigners, s.MaxSigners = d.str(), apikey.Payer(d.str()), int(d.int()), int(d.int())
	s.DocumentRequirement, s.TransactionName, s.TransactionType = apikey.DocumentRequirement(d.str()), d.str(), d.str()
	s.DocumentCategory, s.ExternalID, s.AllowSignerAnnotations = d.str(), d.str(), d.bool()
	s.RequireSecondaryPhotoID, s.ForceRedirect, s.RedirectURL, s.RedirectButtonText = d.bool(), d.bool(), d.str(), d.str()
	k.CreatedAt, k.CreatedBy, k.UpdatedAt, k.DeletedAt, k.DeletedBy = d.time(), d.str(), d.time(), d.time(), d.str()
	k.ReplacedBy, k.Replaces, k.ExpiresAt = d.str(), d.str(), d.time()
	return k, d.end()
}
