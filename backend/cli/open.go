package cli

import (
	"fmt"

	"proofkeys/backend/store"
	"proofkeys/backend/ui"
)

// openData opens the data folder dataDir (or the app's default) read-only.
func openData(dataDir string) (*store.Store, error) {
	dir, err := store.ResolveDir(dataDir)
	if err != nil {
		return nil, err
	}
	return store.OpenReadOnly(dir)
}

// openFailed says, in the same words as the app's window, why the data could not be read
// and what to do, and returns ExitFailed.
func openFailed(env Env, name string, err error) int {
	p := ui.Explain(err)
	fmt.Fprintf(env.Stderr, "proofkeys %s: %s\n%s\n", name, p.Message, p.Hint)
	return ExitFailed
}

// dataDirFlag is the --data-dir flag every command that reads the data has.
func dataDirFlag(flags *flagSet) *string {
	return flags.String("data-dir", "", "the data folder, `DIR` (default: the app's)")
}
