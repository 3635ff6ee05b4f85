package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"

	"proofkeys/backend/scan"
)

// Scan is the Scan for exposed keys page: it picks a folder, runs one scan at a time in
// the background, reports how far it has got while the page polls, and stops it on
// Cancel. What it returns names keys by their hint, never by their secret.
type Scan struct {
	c *core

	mu  sync.Mutex
	job *scanJob // the running or last scan; nil before the first
}

// scanJob is one scan the page started. Its fields are guarded by Scan.mu.
type scanJob struct {
	folder   string
	cancel   context.CancelFunc
	finished chan struct{} // closed when the scan has returned, its audit event written
	progress scan.Progress
	done     bool
	result   scan.Result
	err      error
}

// ErrScanRunning means a scan was started while another one runs.
var ErrScanRunning = errors.New("a scan is already running")

// ErrNoScanFolder means a scan was started without a folder.
var ErrNoScanFolder = errors.New("no folder was chosen")

// ScanRequest is what the page asks to scan.
type ScanRequest struct {
	Folder string `json:"folder"`
	// Everything reads the files .gitignore excludes too.
	Everything bool `json:"everything"`
	// History reads every commit of the git repository at Folder instead of its files.
	History bool `json:"history"`
}

// ScanStatus is how far the scan has got; Result is set once it has finished.
type ScanStatus struct {
	Running  bool      `json:"running"`
	Files    int64     `json:"files"`
	Bytes    int64     `json:"bytes"`
	Findings int64     `json:"findings"`
	Typos    int64     `json:"typos"`
	Result   *ScanView `json:"result,omitempty"`
}

// ScanView is a finished scan for the page.
type ScanView struct {
	Findings []ScanFinding `json:"findings"`
	Typos    []ScanPlace   `json:"typos"`
	Files    int64         `json:"files"`
	Bytes    int64         `json:"bytes"`
	Live     int           `json:"live"`
	// Cancelled: the scan was stopped early, and the findings are what it found until then.
	Cancelled bool `json:"cancelled"`
	// Summary is the scan's counts in one line, as the audit log records them.
	Summary string `json:"summary"`
}

// ScanPlace is where something was found: the file relative to the scanned folder, and
// for history the commit and its date.
type ScanPlace struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Commit string `json:"commit,omitempty"`
	Date   string `json:"date,omitempty"`
	Hint   string `json:"hint"`
}

// ScanFinding is a key found, in plain words. KeyID is set for the organization's keys;
// Replaceable is true when "Replace now and delete the old key" applies to it.
type ScanFinding struct {
	ScanPlace
	Verdict     string `json:"verdict"`
	Headline    string `json:"headline"`
	Advice      string `json:"advice"`
	Live        bool   `json:"live"`
	KeyID       string `json:"keyId,omitempty"`
	KeyName     string `json:"keyName,omitempty"`
	Replaceable bool   `json:"replaceable"`
}

// ChooseFolder asks for a folder with the system's picker; "" when the person cancelled.
func (x *Scan) ChooseFolder() (string, error) {
	if x.c.desktop == nil {
		return "", nil
	}
	return x.c.desktop.ChooseFolder("Choose a folder to scan for exposed keys")
}

// StartScan starts scanning req.Folder in the background for the signed-in member, and
// returns at once; ScanProgress tells how far it got. One scan runs at a time.
func (x *Scan) StartScan(req ScanRequest) error {
	if strings.TrimSpace(req.Folder) == "" {
		return ErrNoScanFolder
	}
	s, err := x.c.services()
	if err != nil {
		return err
	}
	member := x.c.member(s)
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.job != nil && !x.job.done {
		return ErrScanRunning
	}
	ctx, cancel := context.WithCancel(context.Background())
	job := &scanJob{folder: req.Folder, cancel: cancel, finished: make(chan struct{})}
	x.job = job
	r := scan.Request{Mode: scan.Folders, Paths: []string{req.Folder}, All: req.Everything,
		Progress: func(p scan.Progress) { x.update(job, func() { job.progress = p }) }}
	if req.History {
		r.Mode = scan.History
	}
	go func() {
		defer close(job.finished)
		defer cancel()
		res, err := s.scan.Scan(ctx, member, r, "")
		x.update(job, func() { job.result, job.err, job.done = res, err, true })
	}()
	return nil
}

// update changes job under the lock.
func (x *Scan) update(job *scanJob, f func()) {
	x.mu.Lock()
	defer x.mu.Unlock()
	f()
}

// CancelScan stops the running scan; ScanProgress then returns what it found so far.
func (x *Scan) CancelScan() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.job != nil {
		x.job.cancel()
	}
}

// stop cancels a running scan and waits for it to return, so that the database it records
// its audit event in is not closed under it.
func (x *Scan) stop() {
	x.mu.Lock()
	j := x.job
	x.mu.Unlock()
	if j != nil {
		j.cancel()
		<-j.finished
	}
}

// ScanProgress is how far the last scan has got, with its result once it has finished,
// or why it could not run.
func (x *Scan) ScanProgress() (ScanStatus, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	j := x.job
	if j == nil {
		return ScanStatus{}, nil
	}
	p := j.progress
	st := ScanStatus{Running: !j.done, Files: p.Files, Bytes: p.Bytes, Findings: p.Findings, Typos: p.Typos}
	if !j.done {
		return st, nil
	}
	if j.err != nil && j.result.Mode == "" {
		return st, j.err
	}
	v := scanView(j.folder, j.result)
	st.Files, st.Bytes, st.Findings, st.Typos = v.Files, v.Bytes, int64(len(v.Findings)), int64(len(v.Typos))
	st.Result = &v
	return st, nil
}

func scanView(folder string, r scan.Result) ScanView {
	v := ScanView{Findings: []ScanFinding{}, Typos: []ScanPlace{}, Files: r.Counts.Files, Bytes: r.Counts.Bytes,
		Live: r.Counts.Live, Cancelled: r.Cancelled, Summary: scan.Summary(r)}
	for _, f := range r.Findings {
		v.Findings = append(v.Findings, ScanFinding{ScanPlace: place(folder, f.Location, f.Key),
			Verdict: string(f.Verdict), Headline: headlines[f.Verdict], Advice: advice(f.Advice),
			Live: f.Live, KeyID: f.KeyID, KeyName: f.KeyName,
			Replaceable: f.KeyID != "" && (f.Verdict == scan.Active || f.Verdict == scan.AnotherEnvironment)})
	}
	for _, t := range r.Typos {
		v.Typos = append(v.Typos, place(folder, t.Location, t.Key))
	}
	return v
}

// headlines say each verdict first, in a few words.
var headlines = map[scan.Verdict]string{
	scan.Active:             "This key is live: replace it now",
	scan.AnotherEnvironment: "This key is live, in the other environment: replace it now",
	scan.Expiring:           "This key still works until its grace period ends",
	scan.Deleted:            "Harmless now: this key was deleted",
	scan.Replaced:           "Harmless now: this key was replaced",
	scan.NotOurs:            "Not one of your organization's keys: it may still work",
	scan.ClientOnly:         "A client-only key, made to be seen",
}

// place is loc relative to the scanned folder, so the page shows no machine paths.
func place(folder string, loc scan.Location, hint string) ScanPlace {
	file := loc.Path // in history, already the path in the repository
	if rel, err := filepath.Rel(folder, loc.Path); filepath.IsAbs(loc.Path) && err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	p := ScanPlace{File: filepath.ToSlash(file), Line: loc.Line, Column: loc.Column, Hint: hint}
	if loc.Commit != "" {
		p.Commit, p.Date = loc.Commit[:min(12, len(loc.Commit))], stamp(loc.AuthorDate)
	}
	return p
}

// advice is the scan's advice without the "exposed:" or "harmless now:" the headline
// already says, starting with a capital letter.
func advice(s string) string {
	for _, said := range []string{"exposed: ", "harmless now: "} {
		s = strings.TrimPrefix(s, said)
	}
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
