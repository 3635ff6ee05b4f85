package main

import (
	"debug/elf"
	"fmt"
	"slices"
	"strings"
)

// systemLibs are the C library's parts, which every process loads anyway: the binary keeps
// importing from them as usual.
var systemLibs = []string{"libc.so.", "libm.so.", "libpthread.so.", "libdl.so.", "librt.so.",
	"libresolv.so.", "libgcc_s.so.", "ld-linux"}

// Func is a function the binary imports from a GUI library; Version is set when the
// library versions its symbols (then the loader asks dlvsym for that version).
type Func struct {
	Name, Version string
}

// Imports are what the binary takes from the GUI libraries: the libraries (DT_NEEDED, in
// the binary's order) and the functions.
type Imports struct {
	Libs  []string
	Funcs []Func
}

// ReadImports reads the GUI libraries and functions a binary built with the gui_linked tag
// imports. A data object imported from them is an error: it cannot go through a trampoline.
func ReadImports(path string) (Imports, error) {
	f, err := elf.Open(path)
	if err != nil {
		return Imports{}, err
	}
	defer f.Close()
	needed, err := f.DynString(elf.DT_NEEDED)
	if err != nil {
		return Imports{}, fmt.Errorf("%s: %w", path, err)
	}
	var imp Imports
	for _, lib := range needed {
		if !isSystem(lib) {
			imp.Libs = append(imp.Libs, lib)
		}
	}
	syms, err := f.DynamicSymbols()
	if err != nil {
		return Imports{}, fmt.Errorf("%s: %w", path, err)
	}
	var data []string
	for _, s := range syms {
		if s.Section != elf.SHN_UNDEF || s.Name == "" || isSystem(s.Library) {
			continue
		}
		typ, bind := elf.ST_TYPE(s.Info), elf.ST_BIND(s.Info)
		switch {
		case s.Library == "" && s.Version == "" && bind == elf.STB_WEAK && typ == elf.STT_NOTYPE:
			// the C runtime's optional hooks (__gmon_start__, _ITM_*), never defined
		case typ == elf.STT_FUNC:
			imp.Funcs = append(imp.Funcs, Func{Name: s.Name, Version: s.Version})
		default:
			data = append(data, fmt.Sprintf("%s (%s, %s)", s.Name, typ, s.Library))
		}
	}
	copied, err := copiedData(f, syms)
	if err != nil {
		return Imports{}, fmt.Errorf("%s: %w", path, err)
	}
	data = append(data, copied...)
	if len(data) > 0 {
		return Imports{}, fmt.Errorf("%s imports data from GUI libraries, which a trampoline cannot stand for: %s",
			path, strings.Join(data, ", "))
	}
	return imp, nil
}

// isSystem reports whether lib is a part of the C library. An unversioned symbol has no
// library in ELF: it is never the C library's, whose symbols all have versions.
func isSystem(lib string) bool {
	return slices.ContainsFunc(systemLibs, func(p string) bool { return strings.HasPrefix(lib, p) })
}

// Union is both imports: the libraries in order of first appearance, the functions sorted
// by name without repeats.
func (a Imports) Union(b Imports) Imports {
	out := Imports{Libs: slices.Clone(a.Libs), Funcs: slices.Concat(a.Funcs, b.Funcs)}
	for _, lib := range b.Libs {
		if !slices.Contains(out.Libs, lib) {
			out.Libs = append(out.Libs, lib)
		}
	}
	slices.SortFunc(out.Funcs, func(x, y Func) int { return strings.Compare(x.Name+"@"+x.Version, y.Name+"@"+y.Version) })
	out.Funcs = slices.Compact(out.Funcs)
	return out
}

// copiedData names the data objects of other libraries that the binary holds a copy of (a
// COPY relocation: the symbol is defined in the binary, so it does not look imported), other
// than the C library's.
func copiedData(f *elf.File, syms []elf.Symbol) ([]string, error) {
	rela := f.Section(".rela.dyn")
	if rela == nil || f.Machine != elf.EM_X86_64 {
		return nil, nil
	}
	raw, err := rela.Data()
	if err != nil {
		return nil, err
	}
	var names []string
	for off := 0; off+24 <= len(raw); off += 24 {
		info := f.ByteOrder.Uint64(raw[off+8:])
		sym := int(elf.R_SYM64(info))
		if elf.R_X86_64(elf.R_TYPE64(info)) != elf.R_X86_64_COPY || sym < 1 || sym > len(syms) {
			continue
		}
		if s := syms[sym-1]; !isSystem(s.Library) {
			names = append(names, fmt.Sprintf("%s (copied, %s)", s.Name, s.Library))
		}
	}
	return names, nil
}
