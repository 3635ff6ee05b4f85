package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"proofkeys/backend/scan"
)

// runCheck compares a scan's JSON with what was planted: every key found once, where it
// was planted, with its verdict; every typo counted; nothing else found.
func runCheck(flags *flag.FlagSet, args []string) error {
	path := flags.String("manifest", "", "the manifest")
	resultPath := flags.String("result", "", "the JSON of proofkeys scan --format json")
	gitLog := flags.String("git-log", "", "for history: `git log --all --format='%H %s'`")
	if err := flags.Parse(args); err != nil {
		return err
	}
	m, err := readManifest(*path)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(*resultPath)
	if err != nil {
		return err
	}
	var r scan.Result
	if err := json.Unmarshal(raw, &r); err != nil {
		return err
	}
	want, commits := m.Corpus, map[string]string{}
	if r.Mode == scan.History {
		want = m.History
		if commits, err = readGitLog(*gitLog); err != nil {
			return err
		}
	}
	return compare(want, r, commits)
}

// readGitLog maps each commit's hash to its message.
func readGitLog(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		hash, msg, _ := strings.Cut(s.Text(), " ")
		out[hash] = msg
	}
	return out, s.Err()
}

// compare prints the tally and fails unless the scan found exactly what was planted.
func compare(want []planted, r scan.Result, commits map[string]string) error {
	expected := map[string]planted{} // by place
	typos := 0
	for _, p := range want {
		if p.Typo {
			typos++
			continue
		}
		expected[place(p.Path, p.Line, p.Commit)] = p
	}
	right, wrong, falseFindings := 0, 0, 0
	for _, f := range r.Findings {
		key := ""
		for k, p := range expected {
			if strings.HasSuffix(f.Path, p.Path) && k == place(p.Path, f.Line, commits[f.Commit]) {
				key = k
			}
		}
		p, ok := expected[key]
		switch {
		case !ok:
			falseFindings++
			fmt.Printf("  not planted: %s %s:%d %s\n", f.Key, f.Path, f.Line, f.Commit)
		case p.Verdict != string(f.Verdict):
			wrong++
			fmt.Printf("  wrong verdict: %s:%d is %s, planted as %s\n", f.Path, f.Line, f.Verdict, p.Verdict)
		default:
			right++
		}
		delete(expected, key)
	}
	fmt.Printf("planted %d keys: %d found once with the right verdict, %d with a wrong one, %d missed, %d false findings; typos counted %d of %d\n",
		right+wrong+len(expected), right, wrong, len(expected), falseFindings, r.Counts.Typos, typos)
	if wrong+len(expected)+falseFindings > 0 || r.Counts.Typos != typos {
		return errors.New("the scan did not find exactly what was planted")
	}
	return nil
}

func place(path string, line int, commit string) string {
	return fmt.Sprintf("%s:%d@%s", path, line, commit)
}
