// Package cli is proofkeys' command line: the same binary as the app, run with a command
// name (`proofkeys inventory`, `proofkeys audit verify`, ...). Each command lives in its own
// file as a small function that parses its flags and a plain function that does the work.
// Commands read the data folder and never need a display.
//
// Exit codes, the same for every command: 0 success, 1 the work failed (the message says
// why), 2 the command line was wrong, 3 a check found a problem (a broken audit chain, a
// key that is not valid).
package cli

import (
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailed  = 1
	ExitUsage   = 2
	ExitProblem = 3
)

// Env is what a command reads and writes, passed in so tests can drive commands.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Version is the version the binary was built as ("dev" when empty).
	Version string
}

// command runs with the arguments after its name and returns an exit code.
type command struct {
	summary string
	run     func(env Env, args []string) int
}

// commands is the command table. One line per command; its file holds the rest.
var commands = map[string]command{
	"audit":     auditCommand,
	"inventory": inventoryCommand,
	"check-key": checkKeyCommand,
	"seed":      seedCommand,
	"csm":       csmCommand,
	"version":   versionCommand,
	"doctor":    doctorCommand,
	"scan":      scanCommand,
}

// helpWords ask for the overview of every command.
var helpWords = map[string]bool{"help": true, "--help": true, "-help": true, "-h": true}

// Has reports whether name is a command or asks for help, so main can tell a command from
// the app's flags.
func Has(name string) bool {
	_, ok := commands[name]
	return ok || helpWords[name] || name == versionFlag
}

// Wants reports whether args (without the program name) are for the command line rather
// than the window: a command, a request for help, or any first argument that is not a
// flag, so that a mistyped command is refused with the list of commands (Run, exit code
// ExitUsage) and never opens the window.
func Wants(args []string) bool {
	return len(args) > 0 && (Has(args[0]) || !strings.HasPrefix(args[0], "-"))
}

// Run runs the command args[0] with the rest of args and returns the exit code.
func Run(env Env, args []string) (code int) {
	// The store checks a file before reading it; this is the last guard. A fault while
	// reading a mapped file becomes a panic here, and a panic an exit 1 with a sentence,
	// never a stack trace with exit 2, which means a wrong command line.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(env.Stderr, "proofkeys %s: stopped on an unexpected error (%v).\n%s\n", strings.Join(args[:min(len(args), 1)], ""), r, damagedAdvice)
			code = ExitFailed
		}
	}()
	if len(args) == 0 || helpWords[args[0]] {
		usage(env.Stdout)
		return ExitOK
	}
	if args[0] == versionFlag {
		return runVersion(env, args[1:])
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "proofkeys: unknown command %q; the commands are below\n\n", args[0])
		usage(env.Stderr)
		return ExitUsage
	}
	return c.run(env, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: proofkeys [--data-dir DIR]        open the app")
	fmt.Fprintln(w, "       proofkeys COMMAND [--help] ...    run a command")
	fmt.Fprintln(w, "       proofkeys --help                  show this overview")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nExit codes: 0 ok, 1 failed, 2 wrong command line, 3 a check found a problem.")
}
