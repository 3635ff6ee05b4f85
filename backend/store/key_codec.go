package store

import (
	"bytes"
	"encoding/json"
	"errors"

	"proofkeys/backend/apikey"
)

// formatKey starts a key record in binary form: every field of apikey.Key in the order of
// its declaration, the settings' fields in theirs. A field added to apikey.Key or
// apikey.Settings must be added here too; TestKeyRecordKeepsEveryField fails until it is.
const formatKey byte = 0xB1

// EncodeKey is k as the keys bucket stores it (and a shared organization's server).
func EncodeKey(k apikey.Key) []byte {
	s := k.Settings
	return enc{formatKey}.str(k.ID).uint(k.Seq).str(string(k.Environment)).str(string(k.Access)).
		str(k.Fingerprint).str(k.Last4).str(string(k.State)).
		str(s.Name).str(string(s.Payer)).int(int64(s.MinSigners)).int(int64(s.MaxSigners)).
		str(string(s.DocumentRequirement)).str(s.TransactionName).str(s.TransactionType).
		str(s.DocumentCategory).str(s.ExternalID).bool(s.AllowSignerAnnotations).
		bool(s.RequireSecondaryPhotoID).bool(s.ForceRedirect).str(s.RedirectURL).str(s.RedirectButtonText).
		time(k.CreatedAt).str(k.CreatedBy).time(k.UpdatedAt).time(k.DeletedAt).str(k.DeletedBy).
		str(k.ReplacedBy).str(k.Replaces).time(k.ExpiresAt).bool(k.Exposed)
}

// peekKey reads a binary key record into k without copying it: k's strings are the
// record's bytes in bbolt's mapping, valid only in the transaction, so k must be looked at
// and never kept. A reader that wants a few keys of ten thousand then copies only those.
// ok is false for a record it cannot peek into (JSON, or damaged): the caller decodes it
// whole.
func peekKey(raw []byte, k *apikey.Key) (ok bool) {
	if len(raw) == 0 || raw[0] != formatKey {
		return false
	}
	return decodeBinaryKey(k, dec{raw: raw[1:], inPlace: true}) == nil
}

// DecodeKey reads a key record, binary or (schema 1) JSON.
func DecodeKey(raw []byte) (apikey.Key, error) {
	var k apikey.Key
	return k, decodeKeyInto(&k, raw)
}

// decodeKeyInto reads a key record into k, which must be zero: in place, as a slice of
// ten thousand keys is filled, rather than copied there.
func decodeKeyInto(k *apikey.Key, raw []byte) error {
	return decodeOwnKey(k, bytes.Clone(raw))
}

// decodeOwnKey reads a key record into k, which must be zero, from own, a copy of the record
// that nothing else uses: every string of the key points into it (ten thousand keys of a
// dozen strings each were a hundred thousand allocations).
func decodeOwnKey(k *apikey.Key, own []byte) error {
	if isJSON(own) {
		return json.Unmarshal(own, k)
	}
	if len(own) == 0 || own[0] != formatKey {
		return errors.New("unknown key record format")
	}
	return decodeBinaryKey(k, dec{raw: own[1:], inPlace: true})
}

// decodeBinaryKey reads the fields of a binary key record from d into k.
func decodeBinaryKey(k *apikey.Key, d dec) error {
	k.ID, k.Seq = d.str(), d.uint()
	k.Environment = apikey.Environment(oneOf(&d, apikey.Production, apikey.Sandbox))
	k.Access = apikey.Access(oneOf(&d, apikey.FullAccess))
	k.Fingerprint, k.Last4 = d.str(), d.str()
	k.State = apikey.State(oneOf(&d, apikey.Pending, apikey.Active, apikey.Deleting, apikey.Deleted))
	s := &k.Settings
	s.Name = d.str()
	s.Payer = apikey.Payer(oneOf(&d, apikey.PayerSigner, apikey.PayerInvoice, apikey.PayerOrganization))
	s.MinSigners, s.MaxSigners = int(d.int()), int(d.int())
	s.DocumentRequirement = apikey.DocumentRequirement(oneOf(&d, apikey.RequireNotarization, apikey.RequireESign,
		apikey.RequireIdentityConfirmation))
	s.TransactionName, s.TransactionType = d.str(), d.str()
	s.DocumentCategory, s.ExternalID, s.AllowSignerAnnotations = d.str(), d.str(), d.bool()
	s.RequireSecondaryPhotoID, s.ForceRedirect, s.RedirectURL, s.RedirectButtonText = d.bool(), d.bool(), d.str(), d.str()
	k.CreatedAt, k.CreatedBy, k.UpdatedAt, k.DeletedAt, k.DeletedBy = d.time(), d.str(), d.time(), d.time(), d.str()
	k.ReplacedBy, k.Replaces, k.ExpiresAt, k.Exposed = d.str(), d.str(), d.time(), d.bool()
	return d.end()
}
