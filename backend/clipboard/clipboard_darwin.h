// The pasteboard calls of clipboard_darwin.go, in Objective-C (clipboard_darwin.m).
#include <stddef.h>

// Replaces the general pasteboard's content with the len bytes of UTF-8 text, marked
// concealed, and returns the pasteboard's change count after the write, or -1 when the
// text is not UTF-8 or the pasteboard refused it.
long proofkeys_pasteboard_write(const char *text, size_t len);

// The general pasteboard's change count, which macOS raises on every change.
long proofkeys_pasteboard_change_count(void);

// Empties the general pasteboard.
void proofkeys_pasteboard_clear(void);
