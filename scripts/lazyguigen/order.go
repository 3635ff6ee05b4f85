package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"fmt"
	"os/exec"
	"slices"
	"strings"
)

// DependentsFirst orders libs so that the libraries that need more of the others come
// first (needs: a library's DT_NEEDED). Opened first, WebKitGTK, which needs all the
// others, has the loader map and relocate them in one pass, as at the start of a program
// linked with them: 110 to 146 ms against 148 to 197 from GTK down, in the binary's
// order (docs/BENCHMARKS.md).
func DependentsFirst(libs []string, needs func(lib string) ([]string, error)) ([]string, error) {
	others := map[string]int{}
	for _, lib := range libs {
		deps, err := needs(lib)
		if err != nil {
			return nil, err
		}
		for _, dep := range deps {
			if dep != lib && slices.Contains(libs, dep) {
				others[lib]++
			}
		}
	}
	out := slices.Clone(libs)
	slices.SortStableFunc(out, func(a, b string) int { return others[b] - others[a] })
	return out, nil
}

// neededBy returns what reads the DT_NEEDED of the libraries bin was linked with, found
// where the loader finds them for it (ldd).
func neededBy(bin string) (func(lib string) ([]string, error), error) {
	out, err := exec.Command("ldd", bin).Output()
	if err != nil {
		return nil, fmt.Errorf("ldd %s: %w", bin, err)
	}
	paths := map[string]string{}
	lines := bufio.NewScanner(bytes.NewReader(out))
	for lines.Scan() { // "\tlibgtk-3.so.0 => /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 (0x...)"
		if f := strings.Fields(lines.Text()); len(f) >= 3 && f[1] == "=>" {
			paths[f[0]] = f[2]
		}
	}
	return func(lib string) ([]string, error) {
		path, ok := paths[lib]
		if !ok {
			return nil, fmt.Errorf("ldd %s does not say where %s is", bin, lib)
		}
		f, err := elf.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return f.DynString(elf.DT_NEEDED)
	}, nil
}
