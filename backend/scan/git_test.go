package scan_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/scan"
)

// repo is a git repository made for a test, committing at a fixed, rising time.
type repo struct {
	t    *testing.T
	dir  string
	r    *git.Repository
	wt   *git.Worktree
	when time.Time
}

func newRepo(t *testing.T) *repo {
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	require.NoError(t, err)
	wt, err := r.Worktree()
	require.NoError(t, err)
	return &repo{t: t, dir: dir, r: r, wt: wt, when: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

// commit writes files (an empty content removes the file), adds them and commits.
func (g *repo) commit(files map[string]string) plumbing.Hash {
	g.stage(files)
	g.when = g.when.Add(time.Hour)
	h, err := g.wt.Commit("change", &git.CommitOptions{Author: &object.Signature{Name: "Dana", Email: "dana@example.com", When: g.when}})
	require.NoError(g.t, err)
	return h
}

func (g *repo) stage(files map[string]string) {
	for rel, content := range files {
		if content == "" {
			_, err := g.wt.Remove(rel)
			require.NoError(g.t, err)
			continue
		}
		write(g.t, g.dir, rel, content)
		_, err := g.wt.Add(rel)
		require.NoError(g.t, err)
	}
}

func TestHistoryFindsEachKeyOnceWithTheCommitThatBroughtIt(t *testing.T) {
	p := plant(t)
	active, other := p.org.Keys[0], p.org.Keys[len(p.org.Keys)-2]
	require.Equal(t, scan.Active, active.Verdict)
	require.Equal(t, scan.NotOurs, other.Verdict)

	g := newRepo(t)
	first := g.commit(map[string]string{"app/config.env": "KEY=" + active.Secret + "\n", "README": "one"})
	g.commit(map[string]string{"README": "two"})
	g.commit(map[string]string{"app/config.env": ""})
	require.NoError(t, g.wt.Checkout(&git.CheckoutOptions{Hash: first, Branch: plumbing.NewBranchReferenceName("feature"), Create: true}))
	feature := g.commit(map[string]string{"lib/keys.go": "package lib\n\nconst k = \"" + other.Secret + "\"\n"})
	require.NoError(t, g.wt.Checkout(&git.CheckoutOptions{Branch: plumbing.Master}))

	r, err := scan.Run(context.Background(), scan.Request{Mode: scan.History, Paths: []string{filepath.Join(g.dir, "app")}}, p.inv)
	require.NoError(t, err)
	assert.EqualValues(t, 4, r.Counts.Commits)
	require.Len(t, r.Findings, 2, "each key once, though its blob is in several commits")
	assert.Equal(t, "app/config.env", r.Findings[0].Path)
	assert.Equal(t, first.String(), r.Findings[0].Commit)
	assert.Equal(t, scan.Active, r.Findings[0].Verdict)
	assert.Equal(t, time.Date(2026, 1, 2, 4, 4, 5, 0, time.UTC), r.Findings[0].AuthorDate)
	assert.Equal(t, "lib/keys.go", r.Findings[1].Path)
	assert.Equal(t, feature.String(), r.Findings[1].Commit)
	assert.Equal(t, 3, r.Findings[1].Line)
}

func TestStagedReadsWhatTheCommitWouldRecord(t *testing.T) {
	p := plant(t)
	committed, staged, unstaged := p.org.Keys[0], p.org.Keys[1], p.org.Keys[2]
	g := newRepo(t)

	// before the first commit, everything staged is new
	g.stage(map[string]string{"a.env": committed.Secret})
	r, err := scan.Run(context.Background(), scan.Request{Mode: scan.Staged, Paths: []string{g.dir}}, p.inv)
	require.NoError(t, err)
	require.Len(t, r.Findings, 1)

	g.commit(nil)
	g.stage(map[string]string{"b.env": "B=" + staged.Secret})
	write(t, g.dir, "a.env", committed.Secret+"\n"+unstaged.Secret) // changed, not added
	r, err = scan.Run(context.Background(), scan.Request{Mode: scan.Staged, Paths: []string{g.dir}}, p.inv)
	require.NoError(t, err)
	require.Len(t, r.Findings, 1, "only what the commit adds; not HEAD's files, not unstaged changes")
	assert.Equal(t, "b.env", r.Findings[0].Path)
	assert.Equal(t, staged.Verdict, r.Findings[0].Verdict)
}

func TestHistoryOutsideARepository(t *testing.T) {
	for _, mode := range []scan.Mode{scan.History, scan.Staged} {
		_, err := scan.Run(context.Background(), scan.Request{Mode: mode, Paths: []string{t.TempDir()}}, scan.Inventory{})
		assert.ErrorIs(t, err, scan.ErrNotRepository)
	}
}

func TestHistoryOfARepositoryWithoutCommits(t *testing.T) {
	g := newRepo(t)
	require.NoError(t, os.WriteFile(filepath.Join(g.dir, "x"), []byte("x"), 0o644))
	r, err := scan.Run(context.Background(), scan.Request{Mode: scan.History, Paths: []string{g.dir}}, scan.Inventory{})
	require.NoError(t, err)
	assert.Zero(t, r.Counts.Commits)
}

func TestHistoryWalksMergedBranchesAndAnnotatedTags(t *testing.T) {
	p := plant(t)
	merged, tagged := p.org.Keys[0], p.org.Keys[1]
	g := newRepo(t)
	base := g.commit(map[string]string{"README": "one"})

	// a branch merged and then deleted: its commits are reachable through the merge only
	require.NoError(t, g.wt.Checkout(&git.CheckoutOptions{Hash: base, Branch: plumbing.NewBranchReferenceName("side"), Create: true}))
	side := g.commit(map[string]string{"side.env": merged.Secret})
	require.NoError(t, g.wt.Checkout(&git.CheckoutOptions{Branch: plumbing.Master}))
	main := g.commit(map[string]string{"README": "two"})
	g.when = g.when.Add(time.Hour)
	_, err := g.wt.Commit("merge", &git.CommitOptions{Parents: []plumbing.Hash{main, side}, AllowEmptyCommits: true,
		Author: &object.Signature{Name: "Dana", Email: "dana@example.com", When: g.when}})
	require.NoError(t, err)
	require.NoError(t, g.r.Storer.RemoveReference(plumbing.NewBranchReferenceName("side")))

	// a branch deleted after an annotated tag was put on it: reachable through the tag only
	require.NoError(t, g.wt.Checkout(&git.CheckoutOptions{Hash: base, Branch: plumbing.NewBranchReferenceName("release"), Create: true}))
	release := g.commit(map[string]string{"release.env": tagged.Secret})
	_, err = g.r.CreateTag("v1.0", release, &git.CreateTagOptions{Message: "v1.0",
		Tagger: &object.Signature{Name: "Dana", Email: "dana@example.com", When: g.when}})
	require.NoError(t, err)
	require.NoError(t, g.wt.Checkout(&git.CheckoutOptions{Branch: plumbing.Master}))
	require.NoError(t, g.r.Storer.RemoveReference(plumbing.NewBranchReferenceName("release")))

	r, err := scan.Run(context.Background(), scan.Request{Mode: scan.History, Paths: []string{g.dir}}, p.inv)
	require.NoError(t, err)
	assert.EqualValues(t, 5, r.Counts.Commits)
	require.Len(t, r.Findings, 2)
	assert.Equal(t, "release.env", r.Findings[0].Path)
	assert.Equal(t, release.String(), r.Findings[0].Commit)
	assert.Equal(t, "side.env", r.Findings[1].Path)
	assert.Equal(t, side.String(), r.Findings[1].Commit)
}
