// Package apikey is the domain of a Proof API key: its environment, its secret format, its
// settings and the metadata kept about it. It is pure: no I/O, no clock, no global
// randomness. Everything that talks to the vault or the database lives in other packages.
//
// A secret looks like Proof's own keys: "prf_" for production or "prf_test_" for sandbox,
// then 30 random base62 characters (about 178 bits), then a 6-character base62 CRC32 of
// everything before it. The checksum lets a scanner, or a person pasting a key, tell a real
// key from a typo offline, the way GitHub's token format does.
//
// The secret is held only long enough to write it to the vault; what is kept about a key is
// its SHA-256 fingerprint and its last four characters.
package apikey
