// Package shared keeps an organization on an etcd v3 cluster, so that its members see
// the same keys from several desktops. Org is a second implementation of the store and
// the vault the use cases take (keys.Store, keys.Vault, org.Store): they do not change.
//
// Each desktop keeps a copy of the organization in a store file of its own, which every
// read uses (so the inventory, the audit log, the exports and Check a key work while the
// server is away) and which follows the server's watch from the last revision it applied.
// A change is rehearsed on that copy (store.Rehearse: the use case runs on the file in a
// transaction that is thrown away, noting the records it writes) and sent as one etcd
// transaction on the condition that the organization has not changed since the copy's
// revision: otherwise the copy catches up and the change is rehearsed again. So two
// desktops appending to the audit chain at once never fork it, and a permission is
// checked on the data the change is committed over.
//
// The server only ever holds settled records. The intents the local mode writes first (a
// pending key, a deleting key) stay on the desktop: a pending record is not sent, a
// deleting record is sent as the active key it still is. A new key's secret (SetKey)
// waits on the desktop for the change that makes the key active, which seals it with age
// to the members allowed to copy keys; a removal (Delete) waits for the change that
// marks the key deleted. No other desktop ever sees half a change.
//
// Every audit event is signed with its member's Ed25519 key (package seal); each desktop
// verifies the signature and the signer's right (access.Can) of every event it applies,
// and flags, without hiding, the events that fail.
package shared
