// Package seal holds a shared organization member's keys: it puts a key's secret in an
// envelope that only the named members can open (an age file encrypted to each member's
// X25519 recipient), and signs and verifies their audit events (Ed25519). The server keeps
// envelopes and public keys, never a secret; each member's private keys stay in that
// member's own OS vault.
package seal
