// Package org holds the use cases of the organization itself: the first-run setup that
// makes the person its Owner (a new org has no API access), the demo organization, its
// members and roles, passphrases, sign-in and the auto-lock setting, and the enablement
// codes from Proof, checked against Proof's roots (Service.Roots). Every use case checks
// permission (access.Can and the member rules) inside its transaction and records what it
// changed in the audit log in the same transaction.
package org
