package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// historyFiles is how many files the made-up project has; each commit changes one.
const historyFiles = 200

// branchCommits are made on a side branch, so that a key reachable only from it counts.
const branchCommits = 10

// runHistory writes, for `git fast-import`, a repository of --commits commits in which
// each planted text of the corpus is brought in by one commit (in a file of its own, on
// line 1) and, for every other one, taken out by the next: then it is only in the history.
// The last texts are on a side branch. It adds them to the manifest.
func runHistory(flags *flag.FlagSet, args []string) error {
	path := flags.String("manifest", "", "the manifest of scanbench plant, to add the history to")
	commits := flags.Int("commits", 10000, "how many commits")
	if err := flags.Parse(args); err != nil {
		return err
	}
	m, err := readManifest(*path)
	if err != nil {
		return err
	}
	if *commits < 2*len(m.Corpus)+2*branchCommits {
		return errors.New("--commits is too small for the texts to plant")
	}
	w := bufio.NewWriter(os.Stdout)
	h := historyWriter{w: w, start: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	m.History = h.write(m.Corpus, *commits)
	if err := w.Flush(); err != nil {
		return err
	}
	return writeManifest(*path, m)
}

type historyWriter struct {
	w     io.Writer
	start time.Time
}

// write makes the commits and returns where each text went in.
func (h historyWriter) write(texts []planted, commits int) []planted {
	mainCommits := commits - branchCommits
	fork := mainCommits / 2
	onBranch := min(2, len(texts))
	at := map[int]int{} // commit number -> index of the text it brings in
	for j := range texts[:len(texts)-onBranch] {
		at[(j+1)*(mainCommits-2)/(len(texts)-onBranch+1)] = j
	}
	for j := len(texts) - onBranch; j < len(texts); j++ {
		at[mainCommits+1+(j-(len(texts)-onBranch))*2] = j
	}
	var out []planted
	removeNext := ""
	for i := 1; i <= commits; i++ {
		ref, from := "refs/heads/main", ""
		if i > mainCommits {
			ref = "refs/heads/feature"
			if i == mainCommits+1 {
				from = fmt.Sprintf(":%d", fork)
			}
		}
		var ops []string
		if removeNext != "" {
			ops, removeNext = append(ops, "D "+removeNext), ""
		}
		ops = append(ops, modify(fmt.Sprintf("src/d%02d/file%03d.txt", i%20, i%historyFiles), projectFile(i)))
		if j, ok := at[i]; ok {
			p := texts[j]
			p.Path, p.Line, p.OriginalSize, p.Commit = fmt.Sprintf("config/key%03d.env", j), 1, 0, commitMessage(i)
			ops = append(ops, modify(p.Path, "PROOF_API_KEY="+p.Secret+"\n"))
			if j%2 == 0 {
				removeNext = p.Path
			}
			out = append(out, p)
		}
		h.commit(i, ref, from, ops)
	}
	return out
}

func commitMessage(i int) string { return fmt.Sprintf("commit %d", i) }

// projectFile is the content of the file commit i changes: a few lines of text.
func projectFile(i int) string {
	var b strings.Builder
	for l := range 30 {
		fmt.Fprintf(&b, "line %d of a file of the project, as of commit %d\n", l+1, i)
	}
	return b.String()
}

func modify(path, content string) string {
	return fmt.Sprintf("M 100644 inline %s\ndata %d\n%s", path, len(content), content)
}

func (h historyWriter) commit(i int, ref, from string, ops []string) {
	when := h.start.Add(time.Duration(i) * time.Minute).Unix()
	msg := commitMessage(i)
	fmt.Fprintf(h.w, "commit %s\nmark :%d\n", ref, i)
	fmt.Fprintf(h.w, "author Bench <bench@example.com> %d +0000\ncommitter Bench <bench@example.com> %d +0000\n", when, when)
	fmt.Fprintf(h.w, "data %d\n%s\n", len(msg), msg)
	if from != "" {
		fmt.Fprintf(h.w, "from %s\n", from)
	}
	for _, op := range ops {
		fmt.Fprintln(h.w, op)
	}
	fmt.Fprintln(h.w)
}
