//go:build !dev

package enablement

// devRoots is empty: a release build trusts its built-in roots alone.
func devRoots() []Root { return nil }
