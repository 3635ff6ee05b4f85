// Command lazyguigen writes backend/lazygui's tables: the functions the window's libraries
// (GTK 3, WebKitGTK 4.1 and the GLib family under them) give the binary, and the libraries
// themselves, so that the binary can open them with dlopen when the window is about to open
// instead of having the dynamic loader map them, and resolve some 70,000 symbols, before
// main runs (docs/BENCHMARKS.md: a command-line run).
//
// It is the "import library" technique of Implib.so, in two steps:
//
//  1. Build the app as usual, with the gui_linked tag, which leaves backend/lazygui's
//     tables out: the binary then names the window's libraries as DT_NEEDED and imports
//     their functions. Each variant the Makefile builds (production and dev) is read with
//     debug/elf: the DT_NEEDED libraries other than the C library's, and the functions
//     imported from them. A data object imported from them cannot go through a
//     trampoline: the generator stops and names it.
//  2. Write, for each imported function, a trampoline (ztrampolines_linux_amd64.S: `jmp
//     *slot(%rip)`) of hidden visibility, so that the libraries opened later never bind
//     their own calls to it, and the tables the loader fills with dlsym
//     (zsymbols_linux.c: names, slots, libraries).
//
// Run it after a Wails, GTK or WebKitGTK upgrade, from the repository's root, with the
// frontend built (the binary embeds it): `make lazygui`. The built binary's check
// (`make test-smoke`: scripts/lazyguigen's binary test) says when it is needed.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// variants are the builds whose imports the tables must cover, as the Makefile builds
// them, plus gui_linked.
var variants = [][]string{
	{"-tags", "desktop,production,webkit2_41,gui_linked", "-buildmode=pie"},
	{"-tags", "dev,webkit2_41,gui_linked"},
}

func main() {
	out := flag.String("out", "backend/lazygui", "the folder of the generated files")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "lazyguigen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	tmp, err := os.MkdirTemp("", "lazyguigen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var all Imports
	var needs func(string) ([]string, error)
	for i, flags := range variants {
		bin := filepath.Join(tmp, fmt.Sprint("proofkeys", i))
		cmd := exec.Command("go", slices.Concat([]string{"build"}, flags, []string{"-o", bin, "."})...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", strings.Join(flags, " "), err)
		}
		imp, err := ReadImports(bin)
		if err != nil {
			return err
		}
		all = all.Union(imp)
		if needs == nil {
			if needs, err = neededBy(bin); err != nil {
				return err
			}
		}
	}
	if len(all.Funcs) == 0 {
		return errors.New("the binary imports nothing from GUI libraries: nothing to generate")
	}
	if all.Libs, err = DependentsFirst(all.Libs, needs); err != nil {
		return err
	}
	for i := 1; i < len(all.Funcs); i++ {
		if all.Funcs[i].Name == all.Funcs[i-1].Name {
			return fmt.Errorf("%s is imported in two versions; one trampoline cannot stand for both", all.Funcs[i].Name)
		}
	}
	files := map[string]string{
		"zsymbols_linux.c":           SymbolsC(all),
		"ztrampolines_linux_amd64.S": TrampolinesAMD64(all),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "lazyguigen: %d functions from %d libraries\n", len(all.Funcs), len(all.Libs))
	return nil
}
