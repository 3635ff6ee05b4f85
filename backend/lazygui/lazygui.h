// The loader and the tables scripts/lazyguigen generates (zsymbols_linux.c and the
// trampolines). All hidden: nothing here may be exported from the binary, or a library
// opened by lazygui_load could bind to it.
#ifndef PROOFKEYS_LAZYGUI_H
#define PROOFKEYS_LAZYGUI_H

#include <stddef.h>

#pragma GCC visibility push(hidden)

// lazygui_func is a function to look up: its name, and its version for dlvsym, or 0.
struct lazygui_func {
	const char *name;
	const char *version;
};

extern const char *const lazygui_libs[]; // ends with 0
extern const struct lazygui_func lazygui_funcs[];
extern const int lazygui_nfuncs;
extern void *lazygui_slots[];

// lazygui_load opens lazygui_libs and fills lazygui_slots. On failure it writes why into
// msg (n bytes) and returns non-zero; the slots are then left as they were.
int lazygui_load(char *msg, size_t n);

// lazygui_unloaded is where every slot points before lazygui_load: it aborts, saying so.
void lazygui_unloaded(void);

#pragma GCC visibility pop

#endif
