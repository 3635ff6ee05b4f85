// Package clipboard puts a secret on the system clipboard so that it can be pasted once
// and is gone again, instead of the way ordinary text is copied.
//
// Copying text the usual way (Wails' runtime.ClipboardSetText) leaves too many copies
// behind. On Linux it fills two selections: CLIPBOARD, which Ctrl+V pastes, and PRIMARY,
// which a middle click pastes anywhere, so a stray click in a chat window posts the key.
// It also marks the text storable: when the app quits, GTK hands it to a running clipboard
// manager, which keeps it after the app has gone, often in a history on disk.
//
// Writing a secret here differs in four ways:
//
//   - Only CLIPBOARD is written, never PRIMARY.
//   - Next to the text, the clipboard offers the target x-kde-passwordManagerHint with the
//     data "secret", the convention of password managers (KeePassXC sets it) that tells
//     clipboard managers such as Klipper and CopyQ not to record the entry. On Windows the
//     equivalent formats keep it out of clipboard history and cloud clipboard; on macOS
//     the pasteboard type org.nspasteboard.ConcealedType does the same for Mac clipboard
//     managers.
//   - The text is never offered for storing, so it does not outlive the app.
//   - Clearing is conditional. The app clears the clipboard when it is done (after a
//     timeout, at quit), but only while the clipboard still holds what it wrote: once the
//     person has copied something else, that is theirs, and wiping it would lose their work.
//
// On Linux the text lives in C memory only while this process owns the clipboard, and is
// overwritten with zeros as soon as it is replaced or cleared. The caller's Go string, and
// the copies the display server and the pasting program make, are beyond this package's
// reach. No function here logs the secret or puts it in an error.
//
// Linux needs cgo and GTK 3, and a running GTK main loop (Wails runs it on the main
// thread): every GTK call is made on that thread, and the caller waits for it. Do not call
// these methods after the main loop has ended (Wails' OnShutdown); use OnBeforeClose.
// macOS needs cgo and AppKit (clipboard_darwin.m), as Wails does there; Windows needs
// neither. Elsewhere WriteSecret returns ErrUnsupported.
package clipboard
