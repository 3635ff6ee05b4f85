//go:build !linux

package cli

// inHugePages does nothing: the systems other than Linux give huge pages only to memory
// set aside for them.
func inHugePages(int) {}
