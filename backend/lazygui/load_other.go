//go:build !(linux && amd64 && cgo && webkit2_41) || gui_linked

package lazygui

// load has nothing to do: the binary is linked to the GUI libraries the ordinary way.
func load() error { return nil }
