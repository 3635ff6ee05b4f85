package main

import (
	"debug/elf"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cc compiles C source src with gcc and glib into dir/name (extra: gcc flags), as the app's
// build links GTK: the same kind of imports, from a library that is quick to link.
func cc(t *testing.T, src, name string, extra ...string) string {
	t.Helper()
	dir := t.TempDir()
	c := filepath.Join(dir, "prog.c")
	require.NoError(t, os.WriteFile(c, []byte(src), 0o600))
	flags, err := exec.Command("pkg-config", "--cflags", "--libs", "glib-2.0").Output()
	require.NoError(t, err, "pkg-config glib-2.0 (make setup installs it)")
	out := filepath.Join(dir, name)
	args := append([]string{"-o", out, c}, extra...)
	args = append(args, strings.Fields(string(flags))...)
	msg, err := exec.Command("gcc", args...).CombinedOutput()
	require.NoError(t, err, string(msg))
	return out
}

func TestReadImportsTakesGUIFunctionsAndLeavesTheCLibrary(t *testing.T) {
	bin := cc(t, `#include <glib.h>
#include <stdio.h>
int main(void) { char *s = g_strdup("x"); printf("%s\n", s); g_free(s); return 0; }`, "prog")
	imp, err := ReadImports(bin)
	require.NoError(t, err)
	assert.Equal(t, []string{"libglib-2.0.so.0"}, imp.Libs)
	assert.ElementsMatch(t, []Func{{Name: "g_strdup"}, {Name: "g_free"}}, imp.Funcs)
}

func TestReadImportsRefusesData(t *testing.T) {
	bin := cc(t, `#include <glib.h>
int main(void) { return (int)glib_major_version; }`, "prog")
	_, err := ReadImports(bin)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "glib_major_version")
}

func TestUnionKeepsLibraryOrderAndSortsFunctionsOnce(t *testing.T) {
	a := Imports{Libs: []string{"libgtk-3.so.0", "libglib-2.0.so.0"}, Funcs: []Func{{Name: "gtk_main"}, {Name: "g_free"}}}
	b := Imports{Libs: []string{"libglib-2.0.so.0", "libsoup-3.0.so.0"}, Funcs: []Func{{Name: "g_free"}, {Name: "soup_uri_new"}}}
	u := a.Union(b)
	assert.Equal(t, []string{"libgtk-3.so.0", "libglib-2.0.so.0", "libsoup-3.0.so.0"}, u.Libs)
	assert.Equal(t, []Func{{Name: "g_free"}, {Name: "gtk_main"}, {Name: "soup_uri_new"}}, u.Funcs)
}

// The generated files compile, and every trampoline is a hidden function: a library opened
// later must never bind its own calls to one.
func TestGeneratedFilesCompileToHiddenTrampolines(t *testing.T) {
	imp := Imports{Libs: []string{"libglib-2.0.so.0"}, Funcs: []Func{{Name: "g_free"}, {Name: "g_strdup", Version: "V1"}}}
	dir := t.TempDir()
	for name, text := range map[string]string{"t.S": TrampolinesAMD64(imp), "s.c": SymbolsC(imp)} {
		src := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(src, []byte(text), 0o600))
		msg, err := exec.Command("gcc", "-c", "-I", "../../backend/lazygui", "-o", src+".o", src).CombinedOutput()
		require.NoError(t, err, string(msg))
	}
	f, err := elf.Open(filepath.Join(dir, "t.S.o"))
	require.NoError(t, err)
	defer f.Close()
	syms, err := f.Symbols()
	require.NoError(t, err)
	found := map[string]elf.Symbol{}
	for _, s := range syms {
		found[s.Name] = s
	}
	for _, fn := range imp.Funcs {
		s, ok := found[fn.Name]
		require.True(t, ok, fn.Name)
		assert.Equal(t, elf.STT_FUNC, elf.ST_TYPE(s.Info), fn.Name)
		assert.Equal(t, elf.STB_GLOBAL, elf.ST_BIND(s.Info), fn.Name)
		assert.Equal(t, elf.STV_HIDDEN, elf.ST_VISIBILITY(s.Other), fn.Name)
	}
	assert.Contains(t, SymbolsC(imp), `{"g_strdup", "V1"}`)
}

// The library that needs all the others comes first, then those that need fewer; a
// library's own name or one outside the list counts for nothing, and equals keep their order.
func TestDependentsFirst(t *testing.T) {
	needs := map[string][]string{
		"libgtk-3.so.0":          {"libgdk-3.so.0", "libglib-2.0.so.0", "libc.so.6"},
		"libgdk-3.so.0":          {"libglib-2.0.so.0"},
		"libglib-2.0.so.0":       {"libglib-2.0.so.0", "libpcre2-8.so.0"},
		"libsoup-3.0.so.0":       {"libglib-2.0.so.0"},
		"libwebkit2gtk-4.1.so.0": {"libgtk-3.so.0", "libgdk-3.so.0", "libglib-2.0.so.0", "libsoup-3.0.so.0"},
	}
	got, err := DependentsFirst([]string{"libgtk-3.so.0", "libgdk-3.so.0", "libglib-2.0.so.0", "libwebkit2gtk-4.1.so.0", "libsoup-3.0.so.0"},
		func(lib string) ([]string, error) { return needs[lib], nil })
	require.NoError(t, err)
	assert.Equal(t, []string{"libwebkit2gtk-4.1.so.0", "libgtk-3.so.0", "libgdk-3.so.0", "libsoup-3.0.so.0", "libglib-2.0.so.0"}, got)

	_, err = DependentsFirst([]string{"libgtk-3.so.0"}, func(string) ([]string, error) { return nil, errors.New("not found") })
	assert.ErrorContains(t, err, "not found")
}
