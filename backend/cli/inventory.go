package cli

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"proofkeys/backend/apikey"
	"proofkeys/backend/inventory"
	"proofkeys/backend/store"
)

// inventoryCommand is `proofkeys inventory`: every key the organization has had, as a
// table for a person or CSV / JSON for a script. It only reads.
var inventoryCommand = command{
	summary: "list every key, active, expiring and deleted (--env, --format table|csv|json)",
	run:     runInventory,
}

func runInventory(env Env, args []string) int {
	flags := newFlags("inventory", env,
		"Usage: proofkeys inventory [--env production|sandbox|all] [--format table|csv|json] [--data-dir DIR]",
		"Lists every key the organization has had. Never prints a secret. Times are UTC: written out in the table,",
		"RFC 3339 in CSV and JSON.",
		"Exit codes: 0 ok, 1 the data could not be read, 2 wrong command line.",
	)
	dataDir := dataDirFlag(flags)
	which := flags.String("env", "all", "production, sandbox or all")
	format := flags.String("format", "table", "table, csv or json")
	if code, ok := flags.parse(args); !ok {
		return code
	}
	write, ok := inventoryWriters[*format]
	if !ok {
		return flags.fail("--format must be table, csv or json")
	}
	if *which != "all" && *which != "production" && *which != "sandbox" {
		return flags.fail("--env must be production, sandbox or all")
	}
	defer shortRun()()
	r, err := readInventory(*dataDir)
	if err != nil {
		return openFailed(env, "inventory", err)
	}
	if r, err = r.Only(*which); err != nil {
		return openFailed(env, "inventory", err)
	}
	if err := write(env.Stdout, r); err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys inventory: %v\n", err)
		return ExitFailed
	}
	return ExitOK
}

var inventoryWriters = map[string]func(io.Writer, inventory.Report) error{
	"table": writeTable,
	"csv":   func(w io.Writer, r inventory.Report) error { return inventory.WriteCSV(w, r.Rows) },
	"json":  inventory.WriteJSON,
}

// readInventory reads the report from the data folder. The inventory reads no audit event
// but the newest, so the folder is opened for keys (store.OpenForKeys).
func readInventory(dataDir string) (inventory.Report, error) {
	st, err := openDataWith(store.OpenForKeys, dataDir)
	if err != nil {
		return inventory.Report{}, err
	}
	defer st.Close()
	return inventory.New(st).Offline()
}

// writeTable is the inventory for a terminal: the summary, then a line per key.
func writeTable(w io.Writer, r inventory.Report) error {
	s := r.Summary
	fmt.Fprintf(w, "%s: %d keys, %d in use (%d active, %d expiring), %d overdue for rotation, %d deleted in the last 30 days\n\n",
		r.OrgName, s.Total, s.InUse, s.Active, s.Expiring, s.Overdue, s.DeletedLast30)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tENVIRONMENT\tKEY\tSTATE\tPAYER\tSIGNERS\tCREATED\tBY\tAGE\tROTATION\tCOPIES\tLAST COPIED")
	for _, row := range r.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%dd\t%s\t%d\t%s\n", row.Name, row.Environment, row.Key,
			row.StateLabel, row.PayerLabel, row.Signers, when(row.CreatedAt), row.CreatedBy, row.AgeDays, row.Rotation,
			row.CopyCount, when(row.LastCopiedAt))
	}
	return tw.Flush()
}

// when is a time in a terminal's table: as people read it, "-" for none.
func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return apikey.Readable(t)
}
