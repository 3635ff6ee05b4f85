package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"proofkeys/backend/store"
)

// doctorCommand is `proofkeys doctor`: it checks the data file and every daily snapshot
// whole, as the app does before it opens one, and says which snapshots could be restored.
// It only reads.
var doctorCommand = command{
	summary: "check the data file and its daily snapshots (exit 3 when one is damaged)",
	run:     runDoctor,
}

// doctorReport is what doctor found, also its --format json output.
type doctorReport struct {
	DataFile  string           `json:"dataFile"`
	Damaged   bool             `json:"damaged"`
	Problem   string           `json:"problem,omitempty"`
	Contents  store.Contents   `json:"contents"`
	Snapshots []store.Snapshot `json:"snapshots"`
}

// problems counts the damaged files in r.
func (r doctorReport) problems() int {
	n := 0
	if r.Damaged {
		n++
	}
	for _, s := range r.Snapshots {
		if s.Damaged {
			n++
		}
	}
	return n
}

func runDoctor(env Env, args []string) int {
	flags := newFlags("doctor", env,
		"Usage: proofkeys doctor [--format text|json] [--data-dir DIR]",
		"Checks the data file and every daily snapshot, page by page and record by record, and says what each holds.",
		"Changes nothing. Exit codes: 0 all whole, 1 the check could not run, 2 wrong command line, 3 a file is damaged.",
	)
	dataDir := dataDirFlag(flags)
	format := flags.String("format", "text", "text or json")
	if code, ok := flags.parse(args); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return flags.fail("--format must be text or json")
	}
	dir, err := store.ResolveDir(*dataDir)
	if err != nil {
		return openFailed(env, "doctor", err)
	}
	r, err := diagnose(dir)
	if err != nil {
		return openFailed(env, "doctor", err)
	}
	if *format == "json" {
		err = writeDoctorJSON(env.Stdout, r)
	} else {
		err = writeDoctorText(env.Stdout, r)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys doctor: %v\n", err)
		return ExitFailed
	}
	if r.problems() > 0 {
		return ExitProblem
	}
	return ExitOK
}

// diagnose checks the data folder dir. A damaged file is a finding, not an error; the
// error is for a check that could not run (the app holds the file, no data at all).
func diagnose(dir string) (doctorReport, error) {
	r := doctorReport{DataFile: filepath.Join(dir, store.FileName)}
	snaps, err := store.Describe(dir)
	if err != nil {
		return r, err
	}
	r.Snapshots = snaps
	r.Contents, err = store.FileContents(r.DataFile)
	if store.Damaged(err) {
		r.Damaged, r.Problem, err = true, store.Problem(err), nil
	}
	return r, err
}

func writeDoctorJSON(w io.Writer, r doctorReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func writeDoctorText(w io.Writer, r doctorReport) error {
	ew := &errWriter{w: w}
	if r.Damaged {
		ew.printf("Data file %s: DAMAGED: %s\n", r.DataFile, r.Problem)
	} else {
		ew.printf("Data file %s: whole; %s\n", r.DataFile, holds(r.Contents))
	}
	ew.printf("Daily snapshots: %d\n", len(r.Snapshots))
	for _, s := range r.Snapshots {
		if s.Damaged {
			ew.printf("  %s  taken %s  DAMAGED: %s\n", s.Name, readableTime(s.Taken), s.Problem)
		} else {
			ew.printf("  %s  taken %s  whole; %s\n", s.Name, readableTime(s.Taken), holds(s.Contents))
		}
	}
	switch {
	case r.problems() == 0:
		ew.printf("OK: nothing is damaged.\n")
	case r.Damaged:
		ew.printf("PROBLEM: the data file is damaged. Open the app: it offers to restore one of the whole " +
			"snapshots above, and keeps the damaged file beside it. Nothing was changed.\n")
	default:
		ew.printf("PROBLEM: %d snapshots are damaged; they are never restored. The data file is whole.\n", r.problems())
	}
	return ew.err
}

// holds says what a file holds, in a person's words.
func holds(c store.Contents) string {
	if c.OrgID == "" {
		return "no organization"
	}
	s := fmt.Sprintf("%s (%s), %d keys, %d events", c.OrgName, c.OrgID, c.Keys, c.Events)
	if !c.NewestEvent.IsZero() {
		s += ", newest " + readableTime(c.NewestEvent)
	}
	return s
}

// readableTime is a time as people read it: Dec 1, 2026 02:50 UTC.
func readableTime(t time.Time) string { return t.UTC().Format("Jan 2, 2006 15:04 MST") }

// errWriter keeps the first write error, so a report is written without a check per line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
