// Package enablement is how Proof turns things on for an organization while the app stays
// offline, on a chain of trust an Owner cannot fake, as SSH certificates do:
//
//   - Proof's root public keys are built into the release (BuiltInRoots; empty in the
//     source, set by the release build). A root key never signs codes.
//   - A staff member makes a key and a request (CertRequest, signed by that key). Whoever
//     holds a root key certifies it: a Certificate names the staff member and their key,
//     the grants they may issue and the period in which they may.
//   - An enablement code carries that certificate and the code itself, signed by the
//     staff key. An Owner or Admin pastes one code; every copy of the app checks it from
//     its roots alone.
//
// Texts are dot-separated, each signed part "<base64url JSON>.<base64url signature>",
// every signature made over a context string naming the kind of text:
//
//	PKREQ1.<request>.<sig by the staff key>
//	PKCERT1.<certificate>.<sig by a root>
//	PKEN2.<certificate>.<sig by a root>.<code>.<sig by the staff key>
//	PKRV1.<revocation>.<sig by a root>
//
// A code is refused, with the reason, when it is not a code (or in the old form of
// earlier versions), when its root is not one this copy knows, when the certificate or
// the code was changed, when the certificate is out of its validity, revoked, or lacks a
// grant the code gives or withdraws, when the code names another organization, or has
// expired. Refusals of a readable code come as a Refusal, which says which organization
// the code was made for and by whom. Applying a code is refused when the same code was
// applied before (a replay), or when a newer code has since changed one of its grants:
// pasting an old "enable" cannot undo a later "withdraw".
//
// A root revokes a certificate with a Revocation, pasted like a code, or inside later
// certificates (Certificate.Revokes), which every code they sign carries along.
//
// A demo organization makes its own root on the spot (its private half is dropped at
// once) and trusts it alone besides the real roots (TrustFor); no other organization
// trusts it.
//
// The package is pure: keys, clock and randomness are passed in. Private keys are held by
// the caller (the staff member's or root holder's OS vault); the app only ever sees public
// keys. The dev build (-tags dev) alone also trusts the roots in PROOFKEYS_DEV_ROOTS.
package enablement
