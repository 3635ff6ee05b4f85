//go:build dev

package enablement_test

const devBuild = true
