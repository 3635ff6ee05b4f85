package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"proofkeys/backend/audit"
	"proofkeys/backend/store"
)

// auditCommand is `proofkeys audit verify` and `proofkeys audit export`. Both only read
// the database, so they run next to nothing but the file; while the app holds the file
// they say so within OpenTimeout.
var auditCommand = command{
	summary: "verify the audit log's chain, or export it (verify | export --format csv|json)",
	run:     runAudit,
}

func runAudit(env Env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, "Usage: proofkeys audit verify [--anchor HASH] [--data-dir DIR]")
		fmt.Fprintln(env.Stderr, "       proofkeys audit export --format csv|json [--out FILE] [--data-dir DIR]")
		return ExitUsage
	}
	switch args[0] {
	case "verify":
		return auditVerify(env, args[1:])
	case "export":
		return auditExport(env, args[1:])
	}
	fmt.Fprintf(env.Stderr, "proofkeys audit: unknown subcommand %q (use verify or export)\n", args[0])
	return ExitUsage
}

// auditVerify prints OK, the number of events and the anchor (the last event's hash), or
// the first broken event and exits with ExitProblem. With --anchor, an anchor printed by
// an earlier verify must still be in the chain: a log cut back or rewritten whole fits its
// own chain and head, but no longer holds what a reviewer noted down.
func auditVerify(env Env, args []string) int {
	flags := auditFlags("audit verify", env)
	dataDir := flags.String("data-dir", "", "the data folder (default: the app's)")
	anchor := flags.String("anchor", "", "the anchor an earlier verify printed, which must still be in the log")
	if code, ok := parseAuditFlags(flags, args); !ok {
		return code
	}
	st, err := openData(*dataDir)
	if err != nil {
		return openFailed(env, "audit verify", err)
	}
	defer st.Close()
	log, err := readLog(st)
	if errors.Is(err, store.ErrCorrupt) {
		// An event edited into something unreadable is a broken chain too.
		fmt.Fprintf(env.Stdout, "BROKEN: %v\n", err)
		return ExitProblem
	}
	if err != nil {
		return readFailed(env, err)
	}
	if err := log.Verify(); err != nil {
		fmt.Fprintf(env.Stdout, "BROKEN: %v\n", err)
		fmt.Fprintln(env.Stdout, "An event was edited, removed or reordered after it was recorded; the events from there on cannot be trusted.")
		return ExitProblem
	}
	if *anchor != "" && !log.Contains(*anchor) {
		fmt.Fprintf(env.Stdout, "BROKEN: the anchor %s is not in the log\n", *anchor)
		fmt.Fprintln(env.Stdout, "The log no longer holds the event noted down earlier: it was cut back or rewritten since, or the anchor was mistyped.")
		return ExitProblem
	}
	fmt.Fprintf(env.Stdout, "OK: %d events, chain intact\n", len(log.Events))
	if log.Head.Hash != "" {
		fmt.Fprintf(env.Stdout, "Anchor: %s (note it down; --anchor checks later that the log still holds it)\n", log.Head.Hash)
	}
	return ExitOK
}

// auditExport writes every event as CSV or JSON to --out, or to standard output.
func auditExport(env Env, args []string) int {
	flags := auditFlags("audit export", env)
	dataDir := flags.String("data-dir", "", "the data folder (default: the app's)")
	format := flags.String("format", "", "csv or json (required)")
	out := flags.String("out", "", "the file to write (default: standard output)")
	if code, ok := parseAuditFlags(flags, args); !ok {
		return code
	}
	if *format != audit.FormatCSV && *format != audit.FormatJSON {
		fmt.Fprintln(env.Stderr, "proofkeys audit export: --format must be csv or json")
		return ExitUsage
	}
	st, err := openData(*dataDir)
	if err != nil {
		return openFailed(env, "audit export", err)
	}
	defer st.Close()
	log, err := readLog(st)
	if err != nil {
		return readFailed(env, err)
	}
	if err := writeAuditTo(env.Stdout, *out, func(w io.Writer) error { return audit.Export(w, *format, log.Events) }); err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys audit export: %v\n", err)
		return ExitFailed
	}
	return ExitOK
}

// readLog returns the whole audit log of st.
func readLog(st *store.Store) (audit.Log, error) {
	var log audit.Log
	err := st.View(func(tx *store.Tx) (err error) {
		log, err = tx.AuditLog()
		return err
	})
	return log, err
}

// readFailed says why the log could not be read and returns ExitFailed.
func readFailed(env Env, err error) int {
	fmt.Fprintf(env.Stderr, "proofkeys: read the audit log: %v\n", err)
	return ExitFailed
}

func auditFlags(name string, env Env) *flag.FlagSet {
	flags := flag.NewFlagSet("proofkeys "+name, flag.ContinueOnError)
	flags.SetOutput(env.Stderr)
	return flags
}

// parseAuditFlags parses args and reports whether to go on, and otherwise the exit code (ExitOK
// for --help).
func parseAuditFlags(flags *flag.FlagSet, args []string) (int, bool) {
	err := flags.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return ExitOK, false
	case err != nil:
		return ExitUsage, false
	case flags.NArg() > 0:
		fmt.Fprintf(flags.Output(), "unexpected argument %q\n", flags.Arg(0))
		return ExitUsage, false
	}
	return ExitOK, true
}

// writeAuditTo runs write on path (created owner-only, since an audit log names members and
// keys) or on stdout when path is empty.
func writeAuditTo(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
