// Package store keeps everything but the secrets in one bbolt file: the organization, its
// members and the metadata of its keys. It knows nothing of the vault.
//
// Hazards, stated outright:
//   - Only one process may hold the file. Open waits at most OpenTimeout for the lock and
//     then returns ErrInUse, instead of the forever-wait bbolt does by default.
//   - The schema version is written by the first Open. A file written by a newer proofkeys
//     is refused with ErrNewerSchema and left untouched.
//   - Values are JSON. A record never holds a secret: the apikey.Key type has no field for it.
package store
