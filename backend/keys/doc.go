// Package keys holds the use cases of the API Keys page: generate, configure, copy, delete,
// list, and the recovery that runs at start. It is the only package that touches both the
// vault and the database, so it alone keeps the two in step.
//
// The rule that keeps them in step: a change is written to the database as an intent first
// (a pending key, a key being deleted), then the vault is changed, then the intent is
// settled. Recover finishes or undoes every intent left by a crash, so no secret is left
// without a record and no active record is left without a secret.
//
// The secret crosses one path only: generated here, written to the vault, read back from
// the vault only to go to the clipboard. No function of this package returns it.
package keys
