//go:build linux && cgo

#include <string.h>
#include <gtk/gtk.h>

#include "clipboard_linux.h"
#include "_cgo_export.h"

// What the get function is asked for: the text, or the password-manager hint.
enum {
	TARGET_TEXT,
	TARGET_PASSWORD_HINT,
};

// Text targets as GTK's own text clipboard offers them, minus COMPOUND_TEXT (no program
// that pastes keys needs it), plus the hint that tells clipboard managers to look away.
static const GtkTargetEntry targets[] = {
	{"UTF8_STRING", 0, TARGET_TEXT},
	{"text/plain;charset=utf-8", 0, TARGET_TEXT},
	{"TEXT", 0, TARGET_TEXT},
	{"STRING", 0, TARGET_TEXT},
	{"text/plain", 0, TARGET_TEXT},
	{"x-kde-passwordManagerHint", 0, TARGET_PASSWORD_HINT},
};

static const char password_hint[] = "secret";

// One copy of a secret on offer, with the Go owner to tell when it is dropped.
// The text follows the struct in the same allocation, so one wipe covers both.
typedef struct {
	uintptr_t owner;
	size_t len;
	char text[];
} secret;

bool proofkeys_clipboard_on_gtk_thread(void) {
	// The loop's thread owns the default main context while the loop runs.
	return g_main_context_is_owner(g_main_context_default());
}

static gboolean run_call(gpointer call) {
	proofkeysClipboardRun((uintptr_t)call);
	return G_SOURCE_REMOVE;
}

void proofkeys_clipboard_invoke(uintptr_t call) {
	g_idle_add(run_call, (gpointer)call);
}

// get_secret answers a paste. GTK converts the text to the requested target.
static void get_secret(GtkClipboard *clipboard, GtkSelectionData *data, guint info, gpointer user_data) {
	secret *s = user_data;
	switch (info) {
	case TARGET_TEXT:
		gtk_selection_data_set_text(data, s->text, (gint)s->len);
		break;
	case TARGET_PASSWORD_HINT:
		gtk_selection_data_set(data, gtk_selection_data_get_target(data), 8,
			(const guchar *)password_hint, sizeof password_hint - 1);
		break;
	}
}

static void free_secret(secret *s) {
	explicit_bzero(s, sizeof *s + s->len + 1);
	g_free(s);
}

// drop_secret runs when our copy leaves the clipboard, however that happens. It wipes the
// copy first, then tells Go, so nothing about the secret remains whatever Go does next.
static void drop_secret(GtkClipboard *clipboard, gpointer user_data) {
	secret *s = user_data;
	uintptr_t owner = s->owner;
	free_secret(s);
	proofkeysClipboardLost(owner);
}

bool proofkeys_clipboard_set(const char *text, size_t len, uintptr_t owner) {
	secret *s = g_malloc(sizeof *s + len + 1);
	s->owner = owner;
	s->len = len;
	memcpy(s->text, text, len);
	s->text[len] = '\0';

	// CLIPBOARD only: PRIMARY would paste the key on any middle click. And no
	// gtk_clipboard_set_can_store: that would hand the key to a clipboard manager at quit.
	GtkClipboard *clipboard = gtk_clipboard_get(GDK_SELECTION_CLIPBOARD);
	if (!gtk_clipboard_set_with_data(clipboard, targets, G_N_ELEMENTS(targets), get_secret, drop_secret, s)) {
		// GTK calls drop_secret on failure only if drop_secret itself re-set the
		// clipboard, which it never does, so the copy is still ours to free.
		free_secret(s);
		return false;
	}
	return true;
}

bool proofkeys_clipboard_clear(void) {
	GtkClipboard *clipboard = gtk_clipboard_get(GDK_SELECTION_CLIPBOARD);
	// GTK learns that another program took the clipboard only when it handles the display
	// server's notice, which may still be queued. Ask the server who owns it now, so that
	// we never wipe what the person copied since.
	GdkDisplay *display = gtk_clipboard_get_display(clipboard);
	if (gdk_selection_owner_get_for_display(display, GDK_SELECTION_CLIPBOARD) == NULL) {
		return false;
	}
	gtk_clipboard_clear(clipboard); // calls drop_secret
	return true;
}
