// Package privatefile saves the files the app writes for a person (inventory and audit
// exports, the support bundle): readable only by their owner (mode 0600), whatever the
// mode of a file they replace, and whole or not at all. The data goes to a temporary file
// in the target's folder, which is then renamed over the target (renameio), so a crash or
// a full disk never leaves half an export where a good one was.
//
// On Windows a file cannot be replaced atomically and has no Unix mode: there the file is
// written in place, and the folder's access list decides who reads it.
package privatefile

import "io/fs"

// Mode is the permission every saved file ends with: read and write for its owner only.
const Mode fs.FileMode = 0o600
