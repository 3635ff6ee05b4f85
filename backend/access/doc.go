// Package access says who may do what in an organization: the organization itself and
// what Proof has enabled for it, its members and their roles, and the permission check
// every use case runs before it acts. It is pure: no I/O.
package access
