package cli

import (
	"errors"
	"flag"
	"fmt"

	"proofkeys/backend/store"
)

// openData opens the data folder dataDir (or the app's default) read-only.
func openData(dataDir string) (*store.Store, error) {
	dir, err := store.ResolveDir(dataDir)
	if err != nil {
		return nil, err
	}
	return store.OpenReadOnly(dir)
}

// damagedAdvice is what to do about a damaged data file, said the same by every command.
const damagedAdvice = "Nothing was changed: the damaged file is kept as it is. Run `proofkeys doctor` to see " +
	"which daily snapshots are whole, then open the app: it offers to restore one."

// openFailed says, in the words of the app's own start-up screen, why the data could not
// be read and what to do, and returns ExitFailed.
func openFailed(env Env, name string, err error) int {
	switch {
	case errors.Is(err, store.ErrInUse):
		fmt.Fprintln(env.Stderr, "proofkeys is open and holds the data file; close it, then run the command again.")
	case errors.Is(err, store.ErrNewerSchema):
		fmt.Fprintln(env.Stderr, "This data was saved by a newer version of proofkeys; install the latest proofkeys. Your data has not been changed.")
	case errors.Is(err, store.ErrCorrupt):
		fmt.Fprintf(env.Stderr, "proofkeys %s: the data file is damaged (%s).\n", name, store.Problem(err))
		fmt.Fprintln(env.Stderr, damagedAdvice)
	case errors.Is(err, store.ErrNoDatabase):
		fmt.Fprintf(env.Stderr, "%v: open the app once to set it up, or pass --data-dir.\n", err)
	default:
		fmt.Fprintf(env.Stderr, "proofkeys %s: %v\n", name, err)
	}
	return ExitFailed
}

// describe sets the --help text of a command: its lines, then the flags.
func describe(flags *flag.FlagSet, lines ...string) {
	flags.Usage = func() {
		for _, l := range lines {
			fmt.Fprintln(flags.Output(), l)
		}
		flags.PrintDefaults()
	}
}
