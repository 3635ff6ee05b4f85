//go:build linux && cgo

// The C half of the Linux clipboard: GTK calls, made on the GTK thread only.
// This header declares no GTK types, so the Go side needs none.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// proofkeys_clipboard_on_gtk_thread reports whether the caller is the thread running the
// GTK main loop, where GTK may be called directly.
bool proofkeys_clipboard_on_gtk_thread(void);

// proofkeys_clipboard_invoke asks the GTK main loop to call proofkeysClipboardRun(call).
// Safe from any thread.
void proofkeys_clipboard_invoke(uintptr_t call);

// proofkeys_clipboard_set copies text into C memory and offers it on CLIPBOARD. When the
// copy is dropped (replaced, cleared, or taken by another program), it is zeroed and
// proofkeysClipboardLost(owner) is called. Returns false, having freed the copy and
// called nothing, if ownership could not be taken.
bool proofkeys_clipboard_set(const char *text, size_t len, uintptr_t owner);

// proofkeys_clipboard_clear empties CLIPBOARD if this process still owns it, as the display
// server says now. Reports whether it cleared.
bool proofkeys_clipboard_clear(void);
