package cli

import (
	"errors"
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

// openFailed says, in the words of the app's own start-up screen, why the data could not
// be read and what to do, and returns ExitFailed.
func openFailed(env Env, name string, err error) int {
	fmt.Fprintf(env.Stderr, "proofkeys %s: ", name)
	switch {
	case errors.Is(err, store.ErrInUse):
		fmt.Fprintln(env.Stderr, "proofkeys is open and holds the data file; close it, then run the command again.")
	case errors.Is(err, store.ErrNewerSchema):
		fmt.Fprintln(env.Stderr, "this data was saved by a newer version of proofkeys; install the latest proofkeys. Your data has not been changed.")
	case errors.Is(err, store.ErrCorrupt):
		fmt.Fprintf(env.Stderr, "proofkeys cannot read its data file (%v).\n", err)
		fmt.Fprintln(env.Stderr, "Your data has not been changed. Open the app: it offers to restore the newest daily snapshot.")
	case errors.Is(err, store.ErrNoDatabase):
		fmt.Fprintf(env.Stderr, "%v: open the app once to set it up, or pass --data-dir.\n", err)
	default:
		fmt.Fprintln(env.Stderr, err)
	}
	return ExitFailed
}

// dataDirFlag is the --data-dir flag every command that reads the data has.
func dataDirFlag(flags *flagSet) *string {
	return flags.String("data-dir", "", "the data folder, `DIR` (default: the app's)")
}
