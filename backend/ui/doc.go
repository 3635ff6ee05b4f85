// Package ui is what the window may call: the bound methods of proofkeys' web page.
//
// Each concern of the page has its own struct, bound to the window on its own (Session,
// Keys, Members, Org, Audit, Inventory, Snapshots, Support), and each stays thin: it checks
// the shape of what the page sent, calls one use-case package, and turns the answer into
// plain views. They share one core, built by New, which opens the database and the vault
// at start-up and hands the opened services out through a single door (core.services):
// a bound method cannot reach a service without passing it, so a call that arrives while
// start-up is still opening the data waits for it, and a call after a failed start-up gets
// the reason, never a nil service.
//
// Errors reach the page (and the command line) as a Problem: what happened, what to do,
// and for a form a message per field, chosen from the table in words.go. A Problem never
// carries a secret: the backends' errors hold none, and the message is picked from known
// sentinels.
//
// The package imports nothing of Wails. The window's own services (bringing it to the
// front, the native save dialog) are the Desktop interface, which the app's main package
// implements over Wails' runtime and tests implement with a stand-in.
package ui
