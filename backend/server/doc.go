// Package server runs a shared organization's server for an organization without IT:
// an embedded etcd member with TLS from an authority it makes in its own data folder,
// auto-compaction, and a join service that turns a one-time invite code into a client
// certificate. Only `proofkeys server` links it; the desktop app links the etcd client.
package server
