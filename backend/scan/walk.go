package scan

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// folders scans every file under paths with workers reading in parallel, while this
// goroutine lists the folders.
func (c *collector) folders(ctx context.Context, paths []string, all bool, workers int) error {
	roots, err := statRoots(paths)
	if err != nil {
		return err
	}
	files := make(chan []string, 64)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf []byte // one per worker, grown to the largest file it reads
			for batch := range files {
				for _, path := range batch {
					if ctx.Err() == nil {
						buf = c.readFile(path, buf)
					}
				}
			}
		})
	}
	w := walker{c: c, ctx: ctx, files: files, all: all}
	for _, root := range roots {
		if root.isDir {
			w.dir(root.path, nil, w.rootPatterns(root.path))
		} else {
			w.send([]string{root.path})
		}
	}
	close(files)
	wg.Wait()
	return nil
}

type root struct {
	path  string
	isDir bool
}

// statRoots checks every path before anything is read, so that a mistyped one fails the
// scan at once. A path named on the command line is followed if it is a link: the person
// chose it. Links met inside it are not.
func statRoots(paths []string) ([]root, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	roots := make([]root, 0, len(paths))
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrPath, err)
		}
		roots = append(roots, root{path: p, isDir: info.IsDir()})
	}
	return roots, nil
}

// walker lists folders and sends their files to the workers, a folder's files at a
// time: one hand-over per file cost more than reading a small file.
type walker struct {
	c     *collector
	ctx   context.Context
	files chan<- []string
	all   bool
}

func (w *walker) send(batch []string) {
	if len(batch) == 0 {
		return
	}
	select {
	case w.files <- batch:
	case <-w.ctx.Done():
	}
}

// dir lists the folder at path (rel is its place under the root, as .gitignore sees it)
// and goes down into its folders. Links are never followed: one inside the tree points at
// a file the walk reaches anyway, and one out of it leads where nobody asked to look.
func (w *walker) dir(path string, rel []string, patterns []gitignore.Pattern) {
	if w.ctx.Err() != nil {
		return
	}
	entries, err := readDir(path)
	if err != nil {
		w.c.cannotRead(path)
	}
	var ignored gitignore.Matcher
	if !w.all {
		patterns = w.ignoreFile(path, rel, entries, patterns)
		if len(patterns) > 0 {
			ignored = gitignore.NewMatcher(patterns)
		}
	}
	var batch []string
	for _, e := range entries {
		name, kind := e.Name(), e.Type()
		full := filepath.Join(path, name)
		sub := append(rel[:len(rel):len(rel)], name)
		switch {
		case name == ".git":
			// the repository's own store: --git reads it as history
		case kind&fs.ModeSymlink != 0:
			w.c.skippedLinks.Add(1)
		case ignored != nil && ignored.Match(sub, kind.IsDir()):
			w.c.skippedIgnored.Add(1)
		case kind.IsDir():
			w.dir(full, sub, patterns)
		case kind.IsRegular():
			batch = append(batch, full)
		}
	}
	w.send(batch)
}

// readDir lists a folder in the order the system gives, which costs less than sorting.
func readDir(path string) ([]fs.DirEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.ReadDir(-1)
}

// ignoreFile adds the patterns of the folder's .gitignore, if it has one, after those of
// the folders above it: later patterns win, as in git.
func (w *walker) ignoreFile(path string, rel []string, entries []fs.DirEntry, patterns []gitignore.Pattern) []gitignore.Pattern {
	for _, e := range entries {
		if e.Name() == ".gitignore" && e.Type().IsRegular() {
			own := readPatterns(filepath.Join(path, ".gitignore"), rel)
			return append(patterns[:len(patterns):len(patterns)], own...)
		}
	}
	return patterns
}

// rootPatterns are the repository's own excludes (.git/info/exclude) when the root is the
// top of a repository.
func (w *walker) rootPatterns(path string) []gitignore.Pattern {
	if w.all {
		return nil
	}
	return readPatterns(filepath.Join(path, ".git", "info", "exclude"), nil)
}

// readPatterns reads a .gitignore-style file; a missing or unreadable one has no patterns.
func readPatterns(path string, domain []string) []gitignore.Pattern {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var ps []gitignore.Pattern
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := s.Text()
		if !strings.HasPrefix(line, "#") && strings.TrimSpace(line) != "" {
			ps = append(ps, gitignore.ParsePattern(line, domain))
		}
	}
	return ps
}

// readFile reads the file at path into buf (grown if it is too small) and looks for keys
// in it. It returns the buffer for the next file.
func (c *collector) readFile(path string, buf []byte) []byte {
	data, buf, err := readWhole(path, buf, c.maxSize)
	switch {
	case errors.Is(err, errTooLarge):
		c.skippedLarge.Add(1)
	case err != nil:
		c.cannotRead(path)
	default:
		c.data(data, Location{Path: path})
	}
	return buf
}

// errTooLarge: the file is over the size limit, and was not read.
var errTooLarge = errors.New("file too large")

// grow returns buf if it holds size bytes, and a larger buffer otherwise.
func grow(buf []byte, size int64) []byte {
	if int64(cap(buf)) < size {
		return make([]byte, max(size, 64<<10))
	}
	return buf
}
