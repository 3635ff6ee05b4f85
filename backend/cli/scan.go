package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/scan"
	"proofkeys/backend/store"
)

// scanCommand is `proofkeys scan`: Proof keys in folders, in a repository's history or in
// what is about to be committed, each with what it is. It prints hints, never a secret.
// It only reads, and does not write to the audit log: it has no signed-in member, opens
// the data read-only, and as a pre-commit hook it would add an event to every commit.
var scanCommand = command{
	summary: "find Proof keys in folders or git history and say whose they are (--git, --staged, --format)",
	run:     runScan,
}

// scanOptions is the command line of scan.
type scanOptions struct {
	dataDir, format, expect, maxSize string
	history, staged, all, noInv      bool
}

func scanFlags(env Env, o *scanOptions) *flagSet {
	flags := newFlags("scan",
		env,
		"Usage: proofkeys scan [--git | --staged] [--format table|json|sarif] [--all] [--max-size 16M] [--env production|sandbox] [--data-dir DIR | --no-inventory] [PATH...]",
		"Finds Proof API keys in the files under each PATH (default: the current folder), checks their checksum,",
		"and says of each whether it is an active key of this organization (exposed: replace it now), expiring,",
		"deleted or replaced (harmless now), of another environment, or not this organization's. Text shaped",
		"like a key whose checksum fails is counted apart, as a typo. Prints hints (prf_…abcd), never a key.",
		"Exit codes: 0 no key that works or may work, 3 such a key found, 1 the scan failed, 2 wrong command line.",
	)
	flags.StringVar(&o.dataDir, "data-dir", "", "the data folder whose inventory judges the keys found (default: the app's)")
	flags.BoolVar(&o.noInv, "no-inventory", false, "judge without a data folder: every valid key is then \"not this organization's\" (for CI machines)")
	flags.StringVar(&o.format, "format", "table", "table, json or sarif")
	flags.BoolVar(&o.history, "git", false, "scan every commit reachable from any ref of the repository at PATH")
	flags.BoolVar(&o.staged, "staged", false, "scan what `git commit` is about to record in the repository at PATH (for a pre-commit hook)")
	flags.BoolVar(&o.all, "all", false, "also scan files .gitignore excludes")
	flags.StringVar(&o.maxSize, "max-size", "16M", "skip files larger than this: bytes, or with k, M or G (1024-based)")
	flags.StringVar(&o.expect, "env", "", "the environment keys here should be of: production or sandbox (default: either)")
	return flags
}

func runScan(env Env, args []string) int {
	var o scanOptions
	flags := scanFlags(env, &o)
	paths, code, ok := parseInterleaved(flags, args)
	if !ok {
		return code
	}
	req, expect, msg := o.request(paths)
	if msg != "" {
		fmt.Fprintln(env.Stderr, "proofkeys scan: "+msg)
		return ExitUsage
	}
	write, ok := scanWriters[o.format]
	if !ok {
		fmt.Fprintln(env.Stderr, "proofkeys scan: --format must be table, json or sarif")
		return ExitUsage
	}
	inv, err := scanInventory(o, expect)
	if err != nil {
		return openFailed(env, "scan", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r, err := scan.Run(ctx, req, inv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys scan: %v\n", err)
		return ExitFailed
	}
	if err := write(env.Stdout, r); err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys scan: %v\n", err)
		return ExitFailed
	}
	return scanExit(env, r)
}

// parseInterleaved parses flags wherever they are among the paths, as people type them
// (`proofkeys scan . --git`), and returns the paths.
func parseInterleaved(flags *flagSet, args []string) ([]string, int, bool) {
	var paths []string
	for {
		err := flags.Parse(args)
		switch {
		case errors.Is(err, flag.ErrHelp):
			flags.usage(flags.env.Stdout)
			return nil, ExitOK, false
		case err != nil:
			return nil, flags.fail("%s (see proofkeys scan --help)", twoDashes(err.Error())), false
		case flags.NArg() == 0:
			return paths, ExitOK, true
		}
		paths = append(paths, flags.Arg(0))
		args = flags.Args()[1:]
	}
}

// request turns the options into a scan request, or says what is wrong with them.
func (o scanOptions) request(paths []string) (scan.Request, apikey.Environment, string) {
	req := scan.Request{Paths: paths, All: o.all, Mode: scan.Folders}
	var expect apikey.Environment
	switch {
	case o.history && o.staged:
		return req, "", "--git and --staged are two different scans: choose one"
	case o.history:
		req.Mode = scan.History
	case o.staged:
		req.Mode = scan.Staged
	}
	if req.Mode != scan.Folders && len(paths) > 1 {
		return req, "", "--git and --staged read one repository: give one PATH"
	}
	if o.noInv && o.dataDir != "" {
		return req, "", "--no-inventory and --data-dir contradict each other: choose one"
	}
	size, err := parseSize(o.maxSize)
	if err != nil {
		return req, "", "--max-size must be a number of bytes, or end in k, M or G (as in 16M)"
	}
	req.MaxSize = size
	if o.expect != "" {
		if expect, err = apikey.ParseEnvironment(o.expect); err != nil {
			return req, "", "--env must be production or sandbox"
		}
	}
	return req, expect, ""
}

// parseSize reads "123", "64k", "16M" or "1G", in bytes (1024-based units).
func parseSize(s string) (int64, error) {
	mult := int64(1)
	if n := len(s); n > 0 {
		if i := strings.IndexByte("kMG", s[n-1]); i >= 0 {
			mult, s = int64(1)<<(10*(i+1)), s[:n-1]
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return v * mult, nil
}

// scanInventory reads the organization's keys, read-only, unless told to go without.
func scanInventory(o scanOptions, expect apikey.Environment) (scan.Inventory, error) {
	if o.noInv {
		return scan.Inventory{Expect: expect}, nil
	}
	st, err := openData(o.dataDir)
	if err != nil {
		return scan.Inventory{}, err
	}
	defer st.Close()
	return scan.LoadInventory(st, expect, func(*store.Tx) error { return nil })
}

// scanExit says how the scan ended, on standard error so the chosen format stays clean.
func scanExit(env Env, r scan.Result) int {
	switch {
	case r.Cancelled:
		fmt.Fprintln(env.Stderr, "proofkeys scan: stopped before the end; the results above are partial.")
		return ExitFailed
	case r.AnyLive():
		return ExitProblem
	}
	return ExitOK
}

var scanWriters = map[string]func(io.Writer, scan.Result) error{
	"table": writeScanTable,
	"json": func(w io.Writer, r scan.Result) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	},
	"sarif": scan.WriteSARIF,
}

// writeScanTable is the scan for a terminal: a line per key found, the typos, and the sums.
func writeScanTable(w io.Writer, r scan.Result) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(r.Findings) > 0 {
		fmt.Fprintln(tw, "VERDICT\tKEY\tWHERE\tWHAT IT MEANS")
	}
	for _, f := range r.Findings {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Verdict, f.Key, where(f.Location), f.Advice)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Typos) > 0 {
		fmt.Fprintf(w, "\nShaped like a key, but the checksum fails (a typo: not a key, Proof refuses it):\n")
		for _, t := range r.Typos {
			fmt.Fprintf(w, "  %s  %s\n", t.Key, where(t.Location))
		}
	}
	if len(r.Findings)+len(r.Typos) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, scan.Summary(r)+".")
	if r.Counts.Unreadable > 0 {
		fmt.Fprintf(w, "%d could not be read, such as: %s\n", r.Counts.Unreadable, strings.Join(r.Unreadable, ", "))
	}
	return nil
}

// where is path:line:column, and for history the commit and its author date.
func where(at scan.Location) string {
	s := fmt.Sprintf("%s:%d:%d", at.Path, at.Line, at.Column)
	if at.Commit != "" {
		s += fmt.Sprintf(" in %s (%s)", at.Commit[:min(12, len(at.Commit))], at.AuthorDate.UTC().Format(time.DateOnly))
	}
	return s
}
