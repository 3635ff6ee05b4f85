// Package installer reads the Windows installer script made from Wails' NSIS template
// (build/windows/installer/project.nsi and the wails_tools.nsh that `wails build` writes
// next to it) and lists what its uninstaller does, so that a test can hold the promise
// that uninstalling proofkeys keeps the organization's data folder and vault items.
//
// It reads NSIS as the template writes it: sections and functions, !define, !macro and
// !insertmacro. It does not evaluate conditions (!ifdef, ${If}): every branch counts, so
// a removal in any branch is reported.
package installer

import (
	"regexp"
	"strings"
)

// DataFolder is the data folder proofkeys uses on Windows (store.DefaultDir: the roaming
// AppData folder), as NSIS names it.
const DataFolder = `$APPDATA\proofkeys`

// Command is one instruction of the uninstaller, with the defines expanded.
type Command struct {
	// Name is the instruction, lower-cased: rmdir, delete, execwait, ...
	Name string
	// Args are its arguments, unquoted.
	Args []string
}

// maxDepth bounds macro expansion: a macro that inserts itself would never end.
const maxDepth = 16

// Uninstaller lists the commands of the uninstall section, the "un." sections and the
// "un." functions of script, with the macros and defines of script and includes expanded.
func Uninstaller(script string, includes ...string) []Command {
	all := append([]string{script}, includes...)
	defs := map[string]string{}
	macros := map[string][]string{}
	for _, src := range all {
		collect(lines(src), defs, macros)
	}
	var out []Command
	for _, l := range uninstallLines(lines(script)) {
		out = append(out, expand(l, defs, macros, 0)...)
	}
	return out
}

// lines splits src into trimmed lines without comments, joining lines continued with \.
func lines(src string) []string {
	var out []string
	cont := ""
	for _, raw := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		l := strings.TrimSpace(raw)
		if strings.HasSuffix(l, `\`) && !strings.HasSuffix(l, `$\`) {
			cont += strings.TrimSuffix(l, `\`) + " "
			continue
		}
		l = cont + l
		cont = ""
		if l == "" || l[0] == ';' || l[0] == '#' {
			continue
		}
		out = append(out, l)
	}
	return out
}

// collect records the !define values (the first one wins, as with the template's
// !ifndef guards) and the !macro bodies of ls.
func collect(ls []string, defs map[string]string, macros map[string][]string) {
	var name string
	var body []string
	for _, l := range ls {
		words := split(l)
		switch kw := strings.ToLower(words[0]); {
		case kw == "!macro" && len(words) > 1:
			name, body = words[1], nil
		case kw == "!macroend":
			macros[name] = body
			name = ""
		case name != "":
			body = append(body, l)
		case kw == "!define" && len(words) > 1:
			if _, ok := defs[words[1]]; !ok {
				defs[words[1]] = strings.Join(words[2:], " ")
			}
		}
	}
}

// uninstallLines are the lines of the uninstaller's sections and functions in ls.
func uninstallLines(ls []string) []string {
	var out []string
	in := false
	for _, l := range ls {
		words := split(l)
		kw := strings.ToLower(words[0])
		switch {
		case kw == "section" || kw == "function":
			in = len(words) > 1 && isUninstall(words[1:])
		case kw == "sectionend" || kw == "functionend":
			in = false
		case in:
			out = append(out, l)
		}
	}
	return out
}

// isUninstall reports whether a section or function with these words belongs to the
// uninstaller: named "uninstall" or "un.something" (after the section's flags, such as /o).
func isUninstall(words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, "/") {
			continue
		}
		w = strings.ToLower(w)
		return w == "uninstall" || strings.HasPrefix(w, "un.") || strings.HasPrefix(w, "-un.")
	}
	return false
}

// define matches ${NAME}.
var define = regexp.MustCompile(`\$\{([A-Za-z0-9_.]+)\}`)

// expand turns line into commands: a macro's commands for !insertmacro, itself otherwise.
func expand(line string, defs map[string]string, macros map[string][]string, depth int) []Command {
	words := split(line)
	if strings.EqualFold(words[0], "!insertmacro") && len(words) > 1 && depth < maxDepth {
		var out []Command
		for _, l := range macros[words[1]] {
			out = append(out, expand(l, defs, macros, depth+1)...)
		}
		return out
	}
	args := make([]string, len(words)-1)
	for i, w := range words[1:] {
		for range maxDepth {
			next := define.ReplaceAllStringFunc(w, func(m string) string {
				if v, ok := defs[m[2:len(m)-1]]; ok {
					return unquote(v)
				}
				return m
			})
			if next == w {
				break
			}
			w = next
		}
		args[i] = w
	}
	return []Command{{Name: strings.ToLower(words[0]), Args: args}}
}

// split splits an NSIS line into words, keeping quoted words ("...", '...', `...`) whole
// and unquoted.
func split(l string) []string {
	var words []string
	for l = strings.TrimSpace(l); l != ""; l = strings.TrimSpace(l) {
		end := strings.IndexAny(l, " \t")
		if q := l[0]; q == '"' || q == '\'' || q == '`' {
			if i := strings.IndexByte(l[1:], q); i >= 0 {
				words = append(words, l[1:i+1])
				l = l[i+2:]
				continue
			}
		}
		if end < 0 {
			end = len(l)
		}
		words = append(words, l[:end])
		l = l[end:]
	}
	if len(words) == 0 {
		return []string{""}
	}
	return words
}

func unquote(v string) string {
	if w := split(v); len(w) == 1 {
		return w[0]
	}
	return v
}

// Removes is the path the command deletes, for the commands that delete files or folders.
func (c Command) Removes() (string, bool) {
	switch c.Name {
	case "rmdir", "delete", "rename":
		for _, a := range c.Args {
			if !strings.HasPrefix(a, "/") {
				return a, true // Rename's first argument is the one that goes
			}
		}
	}
	return "", false
}

// RunsProgram reports whether the command starts a program or a plugin, which could
// remove anything (a folder, vault items) unseen by this reading.
func (c Command) RunsProgram() bool {
	return strings.HasPrefix(c.Name, "exec") || strings.Contains(c.Name, "::")
}

// register matches NSIS variables whose value the script alone does not say: $0-$9,
// $R0-$R9 and user variables of the uninstaller.
var register = regexp.MustCompile(`^\$(r?[0-9]|[a-z_][a-z0-9_]*)$`)

// known are the NSIS folder constants a path may start with, lower-cased.
var known = map[string]bool{
	"$instdir": true, "$appdata": true, "$localappdata": true, "$smprograms": true,
	"$desktop": true, "$programfiles": true, "$programfiles64": true, "$temp": true,
	"$startmenu": true, "$smstartup": true, "$quicklaunch": true, "$pluginsdir": true,
	"$exedir": true, "$windir": true, "$sysdir": true, "$profile": true, "$documents": true,
}

// Threatens reports whether removing path could remove folder, or files in it: the
// path is the folder, holds it, lies inside it, is a wildcard over either, or starts
// with a variable whose value is not known.
func Threatens(path, folder string) bool {
	p, f := normal(path), normal(folder)
	if first, _, _ := strings.Cut(p, `\`); register.MatchString(first) && !known[first] {
		return true
	}
	if i := strings.IndexAny(p, "*?"); i >= 0 {
		p = p[:max(strings.LastIndex(p[:i], `\`), 0)]
	}
	return p == f || strings.HasPrefix(f, p+`\`) || strings.HasPrefix(p, f+`\`)
}

// normal writes an NSIS path one way: lower case (Windows paths and NSIS variables are
// case-insensitive), backslashes, no trailing or doubled separator, $PROFILE's roaming
// folder as $APPDATA.
func normal(p string) string {
	p = strings.ToLower(strings.ReplaceAll(p, "/", `\`))
	for strings.Contains(p, `\\`) {
		p = strings.ReplaceAll(p, `\\`, `\`)
	}
	p = strings.TrimSuffix(p, `\`)
	if rest, ok := strings.CutPrefix(p, `$profile\appdata\roaming`); ok {
		p = "$appdata" + rest
	}
	return p
}
