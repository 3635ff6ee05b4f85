package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"proofkeys/backend/scan/scantest"
)

// runPlant makes the organization in a new data folder and plants its keys, and a typo of
// each, at the end of source files spread over the corpus. A previous run's planting is
// undone first, from its manifest, so the corpus can be reused.
func runPlant(flags *flag.FlagSet, args []string) error {
	data := flags.String("data", "", "the new data folder to make")
	corpus := flags.String("corpus", "", "the source tree to plant into")
	out := flags.String("manifest", "", "where to write what was planted")
	sets := flags.Int("sets", 6, "how many keys of each verdict (7 verdicts)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *data == "" || *corpus == "" || *out == "" {
		return errors.New("--data, --corpus and --manifest are required")
	}
	if err := unplant(*corpus, *out); err != nil {
		return err
	}
	org, err := scantest.NewOrg(*data, *sets)
	if err != nil {
		return err
	}
	files, err := sourceFiles(*corpus)
	if err != nil {
		return err
	}
	texts := make([]planted, 0, 2*len(org.Keys))
	for _, k := range org.Keys {
		texts = append(texts, planted{Secret: k.Secret, Verdict: string(k.Verdict)},
			planted{Secret: scantest.Typo(k.Secret), Typo: true})
	}
	if len(files) < len(texts) {
		return fmt.Errorf("the corpus has %d source files, fewer than the %d texts to plant", len(files), len(texts))
	}
	step := len(files) / len(texts)
	for i := range texts {
		texts[i].Path = files[i*step]
		if err := appendLine(*corpus, &texts[i]); err != nil {
			return err
		}
	}
	fmt.Printf("planted %d keys and %d typos into %s\n", len(org.Keys), len(org.Keys), *corpus)
	return writeManifest(*out, manifest{Corpus: texts})
}

// unplant restores the files a previous run planted into, by their original sizes.
func unplant(corpus, manifestPath string) error {
	m, err := readManifest(manifestPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, p := range m.Corpus {
		if err := os.Truncate(filepath.Join(corpus, p.Path), p.OriginalSize); err != nil {
			return err
		}
	}
	return os.Remove(manifestPath)
}

// sourceFiles lists the corpus's .c and .h files, sorted, relative to it.
func sourceFiles(corpus string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(corpus, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && (strings.HasSuffix(path, ".c") || strings.HasSuffix(path, ".h")) {
			rel, err := filepath.Rel(corpus, path)
			files = append(files, rel)
			return err
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// appendLine adds a comment holding p's text as the last line of its file, and notes
// the line's number and the file's size before.
func appendLine(corpus string, p *planted) error {
	path := filepath.Join(corpus, p.Path)
	content, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	p.OriginalSize = int64(len(content))
	line := "/* Proof API key: " + p.Secret + " */\n"
	if len(content) > 0 && content[len(content)-1] != '\n' {
		line = "\n" + line
	}
	p.Line = strings.Count(string(content)+line, "\n")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(line)
	return errors.Join(err, f.Close())
}
