package org

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCompareNatural(t *testing.T) {
	want := []string{"", "1", "2", "10", "100", "1000", "1001", "key", "Key 1", "key 2", "Key 07", "key 7",
		"key 10", "key 10a", "key 10b", "key 99999999999999999999", "key 100000000000000000000", "Kéy 1"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, compareNatural)
	assert.Equal(t, want, got)
	for _, s := range want {
		assert.Zero(t, compareNatural(s, s))
	}
}
