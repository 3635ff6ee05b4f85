// Package invite is how a desktop joins a shared organization's server: the invite code
// an Owner or Admin hands a new member (the server's addresses, the fingerprint of the
// certificate authority it made, a one-time join token, an expiry), and the redeeming of
// that code for the credentials the desktop then connects with. It needs no server code:
// the desktop links this package and the etcd client only.
package invite
