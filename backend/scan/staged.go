package scan

import (
	"context"
	"errors"
	"fmt"
	"io"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// staged scans what `git commit` would record in the repository at dir: the files of the
// index whose content differs from HEAD's (all of them before the first commit). It reads
// the blobs `git add` wrote, not the working files, which may hold other changes.
func (c *collector) staged(ctx context.Context, dir string) error {
	repo, closeRepo, err := openRepo(dir)
	if err != nil {
		return err
	}
	defer closeRepo()
	idx, err := repo.Storer.Index()
	if err != nil {
		return fmt.Errorf("%w: the index: %w", ErrGit, err)
	}
	head, err := headFiles(repo)
	if err != nil {
		return fmt.Errorf("%w: HEAD: %w", ErrGit, err)
	}
	b := blobReader{c: c, repo: repo, seen: map[plumbing.Hash]bool{}}
	for _, e := range idx.Entries {
		if ctx.Err() != nil {
			return nil
		}
		if head[e.Name] == e.Hash || b.seen[e.Hash] {
			continue
		}
		switch e.Mode {
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
			b.seen[e.Hash] = true
			if err := b.blob(e.Hash, Location{Path: e.Name}); err != nil {
				return fmt.Errorf("%w: %s: %w", ErrGit, e.Name, err)
			}
		case filemode.Symlink:
			c.skippedLinks.Add(1)
		}
	}
	return nil
}

// headFiles maps each file of HEAD's tree to its blob; none before the first commit. It
// reads trees only, never a blob.
func headFiles(repo *git.Repository) (map[string]plumbing.Hash, error) {
	files := map[string]plumbing.Hash{}
	ref, err := repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return files, nil
	}
	if err != nil {
		return nil, err
	}
	cm, err := repo.CommitObject(ref.Hash())
	if err != nil {
		return nil, err
	}
	tree, err := cm.Tree()
	if err != nil {
		return nil, err
	}
	w := object.NewTreeWalker(tree, true, nil)
	defer w.Close()
	for {
		name, e, err := w.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if e.Mode != filemode.Dir {
			files[name] = e.Hash
		}
	}
}
