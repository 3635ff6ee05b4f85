//go:build linux && amd64 && cgo && webkit2_41 && !gui_linked

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include "lazygui.h"

int lazygui_load(char *msg, size_t n) {
	// RTLD_GLOBAL: the libraries find each other's symbols, as when linked; RTLD_NOW: a
	// missing symbol is an error here, not a crash later.
	for (int i = 0; lazygui_libs[i]; i++) {
		if (!dlopen(lazygui_libs[i], RTLD_NOW | RTLD_GLOBAL)) {
			snprintf(msg, n, "%s", dlerror());
			return 1;
		}
	}
	// Look everything up before filling a slot, so that a failure leaves none half done.
	void *found[lazygui_nfuncs];
	for (int i = 0; i < lazygui_nfuncs; i++) {
		const struct lazygui_func *f = &lazygui_funcs[i];
		// RTLD_DEFAULT finds the libraries opened above and never the trampolines, which
		// are hidden: not in the binary's dynamic symbol table.
		found[i] = f->version ? dlvsym(RTLD_DEFAULT, f->name, f->version) : dlsym(RTLD_DEFAULT, f->name);
		if (!found[i]) {
			snprintf(msg, n, "no function %s in the libraries (an older version?)", f->name);
			return 1;
		}
	}
	for (int i = 0; i < lazygui_nfuncs; i++) {
		lazygui_slots[i] = found[i];
	}
	return 0;
}

void lazygui_unloaded(void) {
	fputs("proofkeys: a GTK function was called before lazygui.Load opened the window's libraries\n", stderr);
	abort();
}
