package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// flagSet is a command's flags with the house rules: every error it prints starts with
// "proofkeys COMMAND:", flags are always shown with two dashes (the standard library's
// PrintDefaults shows one), and --help goes to standard output with exit code 0.
type flagSet struct {
	*flag.FlagSet
	env   Env
	name  string   // the command as typed after proofkeys, e.g. "audit verify"
	lines []string // what --help prints before the flags
}

// newFlags makes the flags of `proofkeys name`; lines are its --help text.
func newFlags(name string, env Env, lines ...string) *flagSet {
	fs := flag.NewFlagSet("proofkeys "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse prints the errors, with the command's name
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, env: env, name: name, lines: lines}
}

// parse parses args and reports whether to go on, and otherwise the exit code: ExitOK
// after --help, ExitUsage after a mistake, which it names.
func (f *flagSet) parse(args []string) (int, bool) {
	err := f.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		f.usage(f.env.Stdout)
		return ExitOK, false
	case err != nil:
		return f.fail("%s (see proofkeys %s --help)", twoDashes(err.Error()), f.name), false
	case f.NArg() > 0:
		return f.fail("unexpected argument %q (see proofkeys %s --help)", f.Arg(0), f.name), false
	}
	return ExitOK, true
}

// fail prints "proofkeys COMMAND: message" on standard error and returns ExitUsage.
func (f *flagSet) fail(format string, a ...any) int {
	fmt.Fprintf(f.env.Stderr, "proofkeys %s: %s\n", f.name, fmt.Sprintf(format, a...))
	return ExitUsage
}

// usage prints the command's help: its lines, then its flags.
func (f *flagSet) usage(w io.Writer) {
	for _, l := range f.lines {
		fmt.Fprintln(w, l)
	}
	PrintFlags(w, f.FlagSet)
}

// PrintFlags lists the flags of fs as people type them: "--name VALUE  what it does
// (default x)", under a "Flags:" heading. Every command's --help uses it; main's own flag
// set (the window's --data-dir) can too, since the standard PrintDefaults shows one dash.
func PrintFlags(w io.Writer, fs *flag.FlagSet) {
	if countFlags(fs) == 0 {
		return
	}
	fmt.Fprintln(w, "\nFlags:")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fs.VisitAll(func(fl *flag.Flag) {
		value, usage := flag.UnquoteUsage(fl)
		name := "--" + fl.Name
		if value != "" {
			name += " " + value
		}
		if fl.DefValue != "" && fl.DefValue != "false" {
			usage += fmt.Sprintf(" (default %s)", fl.DefValue)
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, usage)
	})
	_ = tw.Flush()
}

func countFlags(fs *flag.FlagSet) int {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n
}

// twoDashes rewrites the flag package's messages ("flag provided but not defined: -x")
// to name flags as this command line writes them: --x.
func twoDashes(msg string) string {
	for _, before := range []string{": -", "flag -"} {
		msg = strings.Replace(msg, before+"-", before, 1) // typed with two dashes already
		msg = strings.Replace(msg, before, before+"-", 1)
	}
	return msg
}
