// Package inventory is the offline review of an organization's keys: every key it has
// had, active, expiring and deleted, with who made it, how old it is against the rotation
// policy, who copied its secret and how often, what it replaced and when it went. It is
// what an AWS credential report is to an AWS admin, for an owner's quarterly review, a
// CSM's health check or an auditor's request.
//
// A Report is built from the store's records and the audit log (Build is pure, so tests
// fix the time); writers turn it into CSV, JSON or a self-contained HTML page. No value
// here comes from the vault, so no export can hold a secret: a row knows a key by its ID
// and its hint ("prf_…abcd").
//
// The app asks for the inventory often while the log keeps growing, so Service keeps what
// it read and, on the next call, reads only the events appended since (see cache.go).
package inventory
