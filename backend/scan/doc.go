// Package scan looks for Proof keys where they should not be: in folders, in a git
// repository's whole history, and in what `git commit` is about to record. It tells a key
// from noise by its checksum, and a key of the organization from anyone else's by its
// fingerprint in the inventory, and says of each what Check a key says: active (exposed:
// replace it now), expiring, deleted or replaced (harmless now), another environment, or
// not this organization's. Text that has a key's shape but not its checksum is counted
// apart, as a key with a typo, and never called a key.
//
// Nothing the scan returns holds a secret: a finding names the key by its hint
// (prf_…abcd), the file, line and column, and for history the commit and its date.
//
// How it stays fast: a literal search for "prf_" (bytes.Index) finds the few places worth
// a look, so no regular expression runs over every byte; each worker reads files into one
// buffer it reuses; a walker lists folders while workers read files in parallel. History is
// read oldest commit first, and every tree and blob is read once by its object ID, so a file
// that did not change between commits costs nothing and a key is reported once, with the
// commit that brought it in.
//
// The command line calls Run with an Inventory from LoadInventory. The app calls
// Service.Scan, which checks the member's right, runs the scan with its Progress callback
// and a context the page can cancel, and records the scan in the audit log with its counts.
// An active finding is replaced by keys.Service.Replace(member, finding.KeyID, 0).
package scan
