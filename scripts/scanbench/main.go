// Command scanbench prepares and checks the benchmark of `proofkeys scan`
// (scripts/bench-scan.sh): it makes an organization with keys of every verdict, plants
// them and a one-character typo of each into a source tree and into the history of a
// git repository it makes, and checks a scan's JSON against what was planted.
//
//	scanbench plant   --data DIR --corpus DIR --manifest FILE [--sets N]
//	scanbench history --manifest FILE --repo DIR [--commits N]
//	scanbench check   --manifest FILE --result FILE [--git-log FILE]
//
// The secrets are made up for the benchmark and written to the manifest in clear: that is
// what planting them takes. Never point it at a real data folder.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

// planted is one text put into the corpus or the history, and what a scan must say.
type planted struct {
	Secret  string `json:"secret"`
	Typo    bool   `json:"typo"`
	Verdict string `json:"verdict,omitempty"`
	Path    string `json:"path"` // relative to the corpus or the repository
	Line    int    `json:"line"`
	// OriginalSize is the file's size before planting, to restore it on the next run.
	OriginalSize int64 `json:"originalSize"`
	// Commit is the message of the commit that brings it into the history.
	Commit string `json:"commit,omitempty"`
}

// manifest is everything planted, in the corpus and in the history.
type manifest struct {
	Corpus  []planted `json:"corpus"`
	History []planted `json:"history"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: scanbench plant|history|check [flags]")
		os.Exit(2)
	}
	flags := flag.NewFlagSet("scanbench "+os.Args[1], flag.ExitOnError)
	var err error
	switch os.Args[1] {
	case "plant":
		err = runPlant(flags, os.Args[2:])
	case "history":
		err = runHistory(flags, os.Args[2:])
	case "check":
		err = runCheck(flags, os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "scanbench:", err)
		os.Exit(1)
	}
}

func readManifest(path string) (manifest, error) {
	var m manifest
	raw, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(raw, &m)
}

func writeManifest(path string, m manifest) error {
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o600)
}
