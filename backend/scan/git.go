package scan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// history scans every commit reachable from any ref of the repository at dir, oldest
// first. Trees and blobs are read once each, by object ID: a subtree that did not change
// since an earlier commit is skipped whole, and a key is reported once, with the first
// commit (by date) that holds it.
func (c *collector) history(ctx context.Context, dir string) error {
	repo, closeRepo, err := openRepo(dir)
	if err != nil {
		return err
	}
	defer closeRepo()
	commits, err := allCommits(repo)
	if err != nil {
		return err
	}
	h := blobReader{c: c, repo: repo, seen: map[plumbing.Hash]bool{}}
	for _, cm := range commits {
		if ctx.Err() != nil {
			return nil
		}
		c.commits.Add(1)
		at := Location{Commit: cm.Hash.String(), AuthorDate: cm.Author.When.UTC()}
		if err := h.tree(cm.TreeHash, "", at); err != nil {
			return fmt.Errorf("%w: commit %s: %w", ErrGit, cm.Hash, err)
		}
	}
	return nil
}

// openRepo opens the repository that holds dir, as git does from a folder inside it. Its
// pack files stay open until close: go-git otherwise opens a pack again for every object,
// which made a scan of 10,000 commits several times slower.
func openRepo(dir string) (repo *git.Repository, close func(), err error) {
	found, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	switch {
	case errors.Is(err, git.ErrRepositoryNotExists):
		return nil, nil, fmt.Errorf("%w: %s", ErrNotRepository, dir)
	case err != nil:
		return nil, nil, fmt.Errorf("%w: %w", ErrGit, err)
	}
	fsStore, ok := found.Storer.(*filesystem.Storage)
	if !ok {
		return found, func() {}, nil
	}
	st := filesystem.NewStorageWithOptions(fsStore.Filesystem(), cache.NewObjectLRUDefault(), filesystem.Options{KeepDescriptors: true})
	repo, err = git.Open(st, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrGit, err)
	}
	return repo, func() { _ = st.Close() }, nil
}

// allCommits lists every commit reachable from any ref (branches, tags, remotes, HEAD),
// each once, oldest first by commit date. Annotated tags are followed to what they tag,
// and every parent of a merge is walked; a parent missing from a shallow clone ends its
// line quietly.
func allCommits(repo *git.Repository) ([]*object.Commit, error) {
	var todo []plumbing.Hash
	refs, err := repo.References()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrGit, err)
	}
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		if ref.Type() == plumbing.HashReference {
			todo = append(todo, ref.Hash())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrGit, err)
	}
	if head, err := repo.Head(); err == nil {
		todo = append(todo, head.Hash()) // a detached HEAD is no ref of its own
	}
	seen := map[plumbing.Hash]bool{}
	var commits []*object.Commit
	for len(todo) > 0 {
		h := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[h] {
			continue
		}
		seen[h] = true
		c, err := commitOf(repo, h)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrGit, h, err)
		}
		if c != nil {
			commits = append(commits, c)
			todo = append(todo, c.ParentHashes...)
		}
	}
	slices.SortStableFunc(commits, func(a, b *object.Commit) int { return a.Committer.When.Compare(b.Committer.When) })
	return commits, nil
}

// commitOf is the commit h names, through annotated tags; nil when h names no commit (a
// tag of a tree or blob) or is missing (the far end of a shallow clone).
func commitOf(repo *git.Repository, h plumbing.Hash) (*object.Commit, error) {
	for {
		obj, err := repo.Storer.EncodedObject(plumbing.AnyObject, h)
		if errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		switch obj.Type() {
		case plumbing.CommitObject:
			return object.DecodeCommit(repo.Storer, obj)
		case plumbing.TagObject:
			tag, err := object.DecodeTag(repo.Storer, obj)
			if err != nil {
				return nil, err
			}
			h = tag.Target
		default:
			return nil, nil
		}
	}
}

// blobReader reads trees and blobs of one repository, each once, into one buffer.
type blobReader struct {
	c    *collector
	repo *git.Repository
	seen map[plumbing.Hash]bool
	buf  []byte
}

// tree scans the tree h found at dir, skipping every tree and blob already seen.
func (b *blobReader) tree(h plumbing.Hash, dir string, at Location) error {
	if b.seen[h] {
		return nil
	}
	b.seen[h] = true
	t, err := b.repo.TreeObject(h)
	if err != nil {
		return err
	}
	for _, e := range t.Entries {
		at.Path = path.Join(dir, e.Name)
		var err error
		switch e.Mode {
		case filemode.Dir:
			err = b.tree(e.Hash, at.Path, at)
		case filemode.Regular, filemode.Executable, filemode.Deprecated:
			if !b.seen[e.Hash] {
				b.seen[e.Hash] = true
				err = b.blob(e.Hash, at)
			}
		case filemode.Symlink:
			b.c.skippedLinks.Add(1)
		}
		// a submodule is another repository's commit: not here to read
		if err != nil {
			return err
		}
	}
	return nil
}

// blob reads the blob h and looks for keys in it, unless it is over the size limit.
func (b *blobReader) blob(h plumbing.Hash, at Location) error {
	blob, err := b.repo.BlobObject(h)
	if err != nil {
		return err
	}
	if blob.Size > b.c.maxSize {
		b.c.skippedLarge.Add(1)
		return nil
	}
	if int64(cap(b.buf)) < blob.Size {
		b.buf = make([]byte, max(blob.Size, 64<<10))
	}
	r, err := blob.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	n, err := io.ReadFull(r, b.buf[:blob.Size])
	if err != nil && err != io.ErrUnexpectedEOF {
		return err
	}
	b.c.data(b.buf[:n], at)
	return nil
}
