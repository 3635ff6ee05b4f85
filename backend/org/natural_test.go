package org

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompareNatural(t *testing.T) {
	want := []string{"", "1", "2", "10", "100", "1000", "1001", "key", "Key 1", "key 2", "Key 07", "key 7",
		"key 10", "key 10a", "key 10b", "key 99999999999999999999", "key 100000000000000000000", "Kéy 1"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, CompareNatural)
	assert.Equal(t, want, got)
	for _, s := range want {
		assert.Zero(t, CompareNatural(s, s))
	}
}

// The first few choices kept as they come are the first of all choices sorted.
func TestChoicesFirstFewAreTheFirstOfAll(t *testing.T) {
	names := map[string]string{}
	for i := range 3 * fewChoices {
		names[fmt.Sprintf("key_%d", i)] = fmt.Sprintf("Key %d", (i*7919)%(2*fewChoices))
	}
	all, total := choices(names, "", 0)
	assert.Equal(t, len(names), total)
	require.Len(t, all, len(names))
	assert.True(t, slices.IsSortedFunc(all, compareChoices))
	for _, n := range []int{1, 10, fewChoices} {
		few, total := choices(names, "", n)
		assert.Equal(t, len(names), total)
		assert.Equal(t, all[:n], few)
	}
}
