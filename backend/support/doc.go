// Package support makes the support bundle: what a CSM needs to diagnose "I don't see API
// Keys", "I can't generate a key" or "the app won't open", in one file a person can read
// before sending it (Text is that reading, JSON the file). It holds states and counts,
// never a secret, a fingerprint, a key's last characters, a passphrase hash, a member's
// name or a path on the computer (the data folder's holds the OS user's name).
package support
