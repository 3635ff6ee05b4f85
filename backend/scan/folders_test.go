package scan_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"proofkeys/backend/scan"
)

func TestFoldersGiveEachKeyItsVerdict(t *testing.T) {
	p := plant(t)
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree}}, p.inv)
	require.NoError(t, err)

	require.Len(t, r.Findings, len(p.org.Keys), "exactly the planted keys, nothing from ignored, binary or linked files")
	byPath := map[string]scan.Finding{}
	for _, f := range r.Findings {
		byPath[f.Path] = f
	}
	live := 0
	for _, k := range p.org.Keys {
		f, ok := byPath[filepath.Join(p.tree, p.where[k.Secret])]
		require.True(t, ok, "the %s key is found", k.Verdict)
		assert.Equal(t, k.Verdict, f.Verdict)
		assert.Equal(t, 2, f.Line)
		assert.Equal(t, len("PROOF_API_KEY=")+1, f.Column)
		assert.Equal(t, k.Name, f.KeyName)
		assert.Contains(t, f.Key, "…"+k.Secret[len(k.Secret)-4:])
		assert.NotEmpty(t, f.Advice)
		if f.Live {
			live++
		}
	}
	assert.Equal(t, 4, live, "active, expiring, another environment and not this organization's may work")
	assert.Equal(t, live, r.Counts.Live)
	assert.True(t, r.AnyLive())
	assert.Len(t, r.Typos, len(p.org.Keys), "every typo counted apart")
	assert.Equal(t, len(p.org.Keys), r.Counts.Typos)
	assert.EqualValues(t, 1, r.Counts.SkippedBinary)
	assert.EqualValues(t, 2, r.Counts.SkippedIgnored, "build/ and debug.log")
	assert.EqualValues(t, 2, r.Counts.SkippedLinks)
	assert.False(t, r.Cancelled)
}

func TestFoldersWordsOfEachVerdict(t *testing.T) {
	p := plant(t)
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree}}, p.inv)
	require.NoError(t, err)
	for _, f := range r.Findings {
		switch f.Verdict {
		case scan.Active:
			assert.Contains(t, f.Advice, "Replace it now")
			assert.NotEmpty(t, f.KeyID, "the page replaces it by its ID")
		case scan.Expiring:
			assert.Contains(t, f.Advice, "still works until")
			assert.False(t, f.ExpiresAt.IsZero())
		case scan.Deleted, scan.Replaced:
			assert.Contains(t, f.Advice, "harmless now")
			assert.False(t, f.StoppedAt.IsZero(), "says when it stopped working")
		case scan.NotOurs:
			assert.Contains(t, f.Advice, "not one of this organization's")
		}
	}
}

func TestFoldersAllReadsIgnoredFiles(t *testing.T) {
	p := plant(t)
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree}, All: true}, p.inv)
	require.NoError(t, err)
	assert.Len(t, r.Findings, len(p.org.Keys)+2, "build/out.txt and debug.log too")
	assert.Zero(t, r.Counts.SkippedIgnored)
	assert.EqualValues(t, 2, r.Counts.SkippedLinks, "links are never followed, even with All")
}

func TestFoldersSkipLargeFiles(t *testing.T) {
	p := plant(t)
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree}, MaxSize: 10}, p.inv)
	require.NoError(t, err)
	assert.Empty(t, r.Findings)
	assert.Positive(t, r.Counts.SkippedLarge)
}

func TestFoldersTakeFilesAndRefuseMissingPaths(t *testing.T) {
	p := plant(t)
	file := filepath.Join(p.tree, p.where[p.org.Keys[0].Secret])
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{file}}, p.inv)
	require.NoError(t, err)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, file, r.Findings[0].Path)

	_, err = scan.Run(context.Background(), scan.Request{Paths: []string{filepath.Join(p.tree, "nope")}}, p.inv)
	assert.ErrorIs(t, err, scan.ErrPath)
}

func TestProgressAndCancel(t *testing.T) {
	p := plant(t)
	var last scan.Progress
	calls := 0
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree},
		Progress: func(pr scan.Progress) { last = pr; calls++ }}, p.inv)
	require.NoError(t, err)
	assert.Positive(t, calls)
	assert.Equal(t, r.Counts.Files, last.Files, "the last report is the end")
	assert.Equal(t, r.Counts.Bytes, last.Bytes)
	assert.EqualValues(t, len(r.Findings), last.Findings)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err = scan.Run(ctx, scan.Request{Paths: []string{p.tree}}, p.inv)
	require.NoError(t, err)
	assert.True(t, r.Cancelled)
	assert.Empty(t, r.Findings, "a scan cancelled before it starts reads nothing")
}

func TestWithoutInventoryEveryKeyIsNotOurs(t *testing.T) {
	p := plant(t)
	r, err := scan.Run(context.Background(), scan.Request{Paths: []string{p.tree}}, scan.Inventory{})
	require.NoError(t, err)
	for _, f := range r.Findings {
		assert.Contains(t, []scan.Verdict{scan.NotOurs, scan.ClientOnly}, f.Verdict)
	}
}
