package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"proofkeys/backend/audit"
	"proofkeys/backend/privatefile"
	"proofkeys/backend/store"
)

// auditCommand is `proofkeys audit verify` and `proofkeys audit export`. Both only read
// the database, so they run next to nothing but the file; while the app holds the file
// they say so within OpenTimeout.
var auditCommand = command{
	summary: "verify the audit log's chain, or export it (verify | export --format csv|json)",
	run:     runAudit,
}

const auditUsage = `Usage: proofkeys audit verify [--anchor HASH] [--data-dir DIR]
       proofkeys audit export --format csv|json [--out FILE] [--data-dir DIR]
Verifies the audit log's chain of events, or exports every event. Only reads.
Exit codes: 0 ok, 1 the data could not be read, 2 wrong command line, 3 the chain is broken.`

func runAudit(env Env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(env.Stderr, "proofkeys audit: say verify or export\n%s\n", auditUsage)
		return ExitUsage
	}
	switch args[0] {
	case "verify":
		return auditVerify(env, args[1:])
	case "export":
		return auditExport(env, args[1:])
	case "help", "--help", "-help", "-h":
		fmt.Fprintln(env.Stdout, auditUsage)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "proofkeys audit: unknown subcommand %q (use verify or export)\n%s\n", args[0], auditUsage)
	return ExitUsage
}

// auditVerify prints OK, the number of events and the anchor (the last event's hash), or
// the first broken event and exits with ExitProblem. With --anchor, an anchor printed by
// an earlier verify must still be in the chain: a log cut back or rewritten whole fits its
// own chain and head, but no longer holds what a reviewer noted down.
func auditVerify(env Env, args []string) int {
	flags := newFlags("audit verify", env,
		"Usage: proofkeys audit verify [--anchor HASH] [--data-dir DIR]",
		"Checks that no event of the audit log was edited, removed or reordered, and prints the anchor to note down.",
		"Exit codes: 0 intact, 1 the data could not be read, 2 wrong command line, 3 the chain is broken.")
	dataDir := dataDirFlag(flags)
	anchor := flags.String("anchor", "", "the anchor (`HASH`) an earlier verify printed, which must still be in the log")
	if code, ok := flags.parse(args); !ok {
		return code
	}
	log, _, err := readLog(*dataDir)
	if errors.Is(err, store.ErrCorrupt) {
		// An event edited into something unreadable is a broken chain too.
		fmt.Fprintf(env.Stdout, "BROKEN: %v\n", err)
		return ExitProblem
	}
	if err != nil {
		return openFailed(env, "audit verify", err)
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

// auditExport writes every event as CSV or JSON to --out, or to standard output. A CSV
// file gets its companion "about" file beside it (audit.About).
func auditExport(env Env, args []string) int {
	flags := newFlags("audit export", env,
		"Usage: proofkeys audit export --format csv|json [--out FILE] [--data-dir DIR]",
		"Writes every event of the audit log, to a file readable only by you or to standard output.",
		"Exit codes: 0 ok, 1 the data could not be read or the file written, 2 wrong command line.")
	dataDir := dataDirFlag(flags)
	format := flags.String("format", "", "csv or json (required)")
	out := flags.String("out", "", "the `FILE` to write (default: standard output)")
	if code, ok := flags.parse(args); !ok {
		return code
	}
	if *format != audit.FormatCSV && *format != audit.FormatJSON {
		return flags.fail("--format must be csv or json")
	}
	log, about, err := readLog(*dataDir)
	if err != nil {
		return openFailed(env, "audit export", err)
	}
	err = writeAuditTo(env.Stdout, *out, func(w io.Writer) error { return audit.WriteExport(w, *format, about, log.Events) })
	if err == nil && *out != "" && *format == audit.FormatCSV {
		err = privatefile.Write(audit.AboutPath(*out), []byte(about.Text("the audit log of "+about.OrgName)))
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys audit export: %v\n", err)
		return ExitFailed
	}
	return ExitOK
}

// readLog opens the data folder read-only and returns the whole audit log, and what an
// export of it says about itself (made now).
func readLog(dataDir string) (audit.Log, audit.About, error) {
	about := audit.About{GeneratedAt: time.Now()}
	st, err := openData(dataDir)
	if err != nil {
		return audit.Log{}, about, err
	}
	defer st.Close()
	var log audit.Log
	err = st.View(func(tx *store.Tx) error {
		if o, err := tx.Org(); err == nil {
			about.OrgID, about.OrgName, about.RotationDays = o.ID, o.Name, o.Settings.RotationDays
		}
		log, err = tx.AuditLog()
		return err
	})
	return log, about, err
}

// writeAuditTo runs write on path (saved owner-only, since an audit log names members and
// keys, and whole: see privatefile) or on stdout when path is empty.
func writeAuditTo(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	return privatefile.Write(path, buf.Bytes())
}
