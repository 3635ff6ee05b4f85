package org

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CompareNatural orders names as people read them: runs of digits by their value, so
// "key 2" comes before "key 10", and letters ignoring case. Names equal in that order
// (such as "Key 7" and "key 07") are ordered by their bytes, so the order is total.
func CompareNatural(a, b string) int {
	x, y := a, b
	for x != "" && y != "" {
		if isDigit(x[0]) && isDigit(y[0]) {
			nx, ny := digits(x), digits(y)
			if c := compareNumbers(x[:nx], y[:ny]); c != 0 {
				return c
			}
			x, y = x[nx:], y[ny:]
			continue
		}
		if x[0] < utf8.RuneSelf && y[0] < utf8.RuneSelf { // most names are ASCII: no decoding
			if c := cmp.Compare(lowerASCII(x[0]), lowerASCII(y[0])); c != 0 {
				return c
			}
			x, y = x[1:], y[1:]
			continue
		}
		rx, wx := utf8.DecodeRuneInString(x)
		ry, wy := utf8.DecodeRuneInString(y)
		if c := cmp.Compare(unicode.ToLower(rx), unicode.ToLower(ry)); c != 0 {
			return c
		}
		x, y = x[wx:], y[wy:]
	}
	return cmp.Or(cmp.Compare(len(x), len(y)), strings.Compare(a, b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func lowerASCII(c byte) rune {
	if 'A' <= c && c <= 'Z' {
		return rune(c + 'a' - 'A')
	}
	return rune(c)
}

// digits is the length of the run of ASCII digits s starts with.
func digits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// compareNumbers compares two runs of digits by their value, however long.
func compareNumbers(x, y string) int {
	x, y = strings.TrimLeft(x, "0"), strings.TrimLeft(y, "0")
	return cmp.Or(cmp.Compare(len(x), len(y)), strings.Compare(x, y))
}
