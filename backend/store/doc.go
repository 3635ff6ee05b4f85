// Package store keeps everything but the secrets in one bbolt file: the organization, its
// members and the metadata of its keys. It knows nothing of the vault.
//
// Hazards, stated outright:
//   - Only one process may hold the file. Open waits at most OpenTimeout for the lock and
//     then returns ErrInUse, instead of the forever-wait bbolt does by default.
//   - The schema version is written by the first Open. A file written by a newer proofkeys
//     is refused with ErrNewerSchema and left untouched.
//   - An older file is migrated by the first Open of a newer proofkeys, in one transaction
//     (migrate.go); a read-only open (the command line) reads it as it is, without writing.
//   - Audit events and key records are in a compact binary form (codec.go), every other
//     value is JSON. A record never holds a secret: the apikey.Key type has no field for it.
//   - What the inventory and the Audit page's filters need from the whole log is kept in an
//     index (index.go) written with each event, so that they read keys, not events.
package store
