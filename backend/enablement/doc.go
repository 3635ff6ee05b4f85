// Package enablement is how Proof turns things on for an organization while the app stays
// offline: a Proof staff member signs an enablement code with their own Ed25519 key, the
// organization pastes it, and the app checks it before it changes anything.
//
// A code is three parts joined by dots:
//
//	PKEN1.<payload>.<signature>
//
// The payload is base64url (no padding) of JSON: the Organization ID, the grants
// (api_access, payer_invoice, payer_organization), whether they are given or withdrawn,
// when it was issued and, optionally, until when it may be applied, who issued it, the ID
// of the key that signed it, and a random code ID. The signature is Ed25519 over a fixed
// context string and the payload bytes as they appear in the code, so nothing is
// re-encoded before it is checked.
//
// A code is refused, with the reason, when it is not a code, was changed after signing,
// was signed by a key the organization does not trust, names another organization, or has
// expired. Applying it is refused when the same code was applied before, or when a newer
// code has since changed one of its grants: pasting an old "enable" cannot undo a later
// "withdraw".
//
// The package is pure: keys, clock and randomness are passed in. Private keys are held by
// the caller (the staff member's OS vault); the app only ever sees public keys.
package enablement
