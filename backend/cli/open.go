package cli

import (
	"fmt"
	"strings"

	"proofkeys/backend/store"
	"proofkeys/backend/ui"
)

// openData opens the data folder dataDir (or the app's default) read-only.
func openData(dataDir string) (*store.Store, error) {
	return openDataWith(store.OpenReadOnly, dataDir)
}

// openDataWith opens the data folder dataDir (or the app's default) with open: a
// command that looks no audit event up opens it with store.OpenForKeys.
func openDataWith(open func(dir string) (*store.Store, error), dataDir string) (*store.Store, error) {
	dir, err := store.ResolveDir(dataDir)
	if err != nil {
		return nil, err
	}
	return open(dir)
}

// damagedAdvice is what to do about a damaged data file, said the same by every command.
const damagedAdvice = "Nothing was changed: the damaged file is kept as it is. Run proofkeys doctor to see " +
	"which daily snapshots are whole, then open the app: it offers to restore one."

// openFailed says, in the same words as the app's window, why the data could not be read
// and what to do, and returns ExitFailed. For a damaged file it also says what is damaged.
func openFailed(env Env, name string, err error) int {
	p := ui.Explain(err)
	if store.Damaged(err) {
		p.Message = strings.TrimSuffix(p.Message, ".") + " (" + store.Problem(err) + ")."
		p.Hint = damagedAdvice
	}
	fmt.Fprintf(env.Stderr, "proofkeys %s: %s\n%s\n", name, lowerFirst(p.Message), p.Hint)
	return ExitFailed
}

// dataDirFlag is the --data-dir flag every command that reads the data has.
func dataDirFlag(flags *flagSet) *string {
	return flags.String("data-dir", "", "the data folder, `DIR` (default: the app's)")
}

// lowerFirst starts a sentence of the window's words with a small letter, as it follows
// "proofkeys COMMAND:" on the command line.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
