package scan

import (
	"cmp"
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxSize is the largest file or blob read unless told otherwise: keys live in
// source and configuration, not in files of this size.
const DefaultMaxSize = 16 << 20

// keepUnreadable is how many unreadable paths a Result lists; Counts has them all.
const keepUnreadable = 20

var (
	// ErrPath means a path to scan cannot be read (it does not exist, or is not allowed).
	ErrPath = errors.New("cannot read the path to scan")
	// ErrNotRepository means history or staged changes were asked of a folder outside any git
	// repository.
	ErrNotRepository = errors.New("not a git repository")
	// ErrGit means the repository could not be read (damaged, or of a format not understood).
	ErrGit = errors.New("cannot read the git repository")
)

// Request says what to scan.
type Request struct {
	Mode Mode
	// Paths are folders or files for Folders, and one repository (or a folder in it) for
	// History and Staged.
	Paths []string
	// All reads what .gitignore excludes too (Folders only). The .git folder is never
	// read as files: History reads it as history.
	All bool
	// MaxSize skips larger files and blobs; 0 is DefaultMaxSize.
	MaxSize int64
	// Progress, when set, is called about every ProgressEvery (0: a quarter second) while
	// the scan runs, and once at the end, from another goroutine.
	Progress      func(Progress)
	ProgressEvery time.Duration
	// Workers read files in parallel; 0 is one per CPU.
	Workers int
}

// Run scans what req names and judges each key it finds against inv. Cancelling ctx
// stops it soon after: the Result then says Cancelled and holds what was found so far.
// The error is for a scan that could not run at all (a path or repository not readable).
func Run(ctx context.Context, req Request, inv Inventory) (Result, error) {
	start := time.Now()
	if req.MaxSize <= 0 {
		req.MaxSize = DefaultMaxSize
	}
	if req.Workers <= 0 {
		req.Workers = runtime.GOMAXPROCS(0)
	}
	c := &collector{maxSize: req.MaxSize}
	stop := c.report(req.Progress, req.ProgressEvery)
	var err error
	switch req.Mode {
	case History:
		err = c.history(ctx, onePath(req.Paths))
	case Staged:
		err = c.staged(ctx, onePath(req.Paths))
	default:
		req.Mode = Folders
		err = c.folders(ctx, req.Paths, req.All, req.Workers)
	}
	stop()
	if err != nil {
		return Result{}, err
	}
	r := c.result(inv)
	r.Mode, r.Cancelled, r.Took = req.Mode, ctx.Err() != nil, time.Since(start)
	return r, nil
}

// onePath is the repository to read: the first path, or the current folder.
func onePath(paths []string) string {
	if len(paths) == 0 {
		return "."
	}
	return paths[0]
}

// collector gathers what the workers find. Its counters are read while they run.
type collector struct {
	maxSize int64

	files, bytes, commits, findings, typos                    atomic.Int64
	skippedLarge, skippedBinary, skippedLinks, skippedIgnored atomic.Int64
	unreadable                                                atomic.Int64

	mu              sync.Mutex
	hits            []hit
	unreadablePaths []string
}

// data looks for keys in the content of one file or blob.
func (c *collector) data(data []byte, at Location) {
	c.files.Add(1)
	c.bytes.Add(int64(len(data)))
	if isBinary(data) {
		c.skippedBinary.Add(1)
		return
	}
	match(data, at, c.add)
}

func (c *collector) add(h hit) {
	if h.typo {
		c.typos.Add(1)
	} else {
		c.findings.Add(1)
	}
	c.mu.Lock()
	c.hits = append(c.hits, h)
	c.mu.Unlock()
}

// cannotRead notes a file or folder that could not be read; the scan goes on.
func (c *collector) cannotRead(path string) {
	c.unreadable.Add(1)
	c.mu.Lock()
	if len(c.unreadablePaths) < keepUnreadable {
		c.unreadablePaths = append(c.unreadablePaths, path)
	}
	c.mu.Unlock()
}

func (c *collector) progress() Progress {
	return Progress{Files: c.files.Load(), Bytes: c.bytes.Load(), Findings: c.findings.Load(), Typos: c.typos.Load()}
}

// report calls fn with the progress every interval until the returned stop is called,
// which reports once more and waits for the last call to return.
func (c *collector) report(fn func(Progress), every time.Duration) (stop func()) {
	if fn == nil {
		return func() {}
	}
	if every <= 0 {
		every = 250 * time.Millisecond
	}
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fn(c.progress())
			case <-done:
				fn(c.progress())
				return
			}
		}
	}()
	return func() { close(done); <-finished }
}

// result judges the hits against inv and puts them in order: path, line, column.
func (c *collector) result(inv Inventory) Result {
	slices.SortFunc(c.hits, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), a.AuthorDate.Compare(b.AuthorDate), cmp.Compare(a.Commit, b.Commit))
	})
	r := Result{Findings: []Finding{}, Typos: []Typo{}, Unreadable: c.unreadablePaths}
	judged := map[string]Finding{}
	for _, h := range c.hits {
		if h.typo {
			r.Typos = append(r.Typos, Typo{Location: h.Location, Key: h.hint})
			continue
		}
		f, ok := judged[h.parsed.Fingerprint]
		if !ok {
			f = inv.judge(h.parsed, h.Location)
			judged[h.parsed.Fingerprint] = f
		}
		f.Location = h.Location
		r.Findings = append(r.Findings, f)
		if f.Live {
			r.Counts.Live++
		}
	}
	r.Counts = Counts{
		Files: c.files.Load(), Bytes: c.bytes.Load(), Commits: c.commits.Load(),
		SkippedLarge: c.skippedLarge.Load(), SkippedBinary: c.skippedBinary.Load(),
		SkippedLinks: c.skippedLinks.Load(), SkippedIgnored: c.skippedIgnored.Load(),
		Unreadable: c.unreadable.Load(), Keys: len(r.Findings), Live: r.Counts.Live, Typos: len(r.Typos),
	}
	return r
}
