package inventory

import (
	"runtime"
	"sync"
)

// minPart is the fewest rows worth handing to another goroutine.
const minPart = 256

// inParts runs fn over [0, n) split into consecutive parts, one per processor the
// process may use (each of at least minPart rows), all at once, and returns when all are
// done; part numbers the parts from 0. Rows are built and written independently of each
// other, so ten thousand of them take about half the time on two cores.
func inParts(n int, fn func(part, from, to int)) {
	parts := partsFor(n)
	var wg sync.WaitGroup
	for p := 1; p < parts; p++ {
		wg.Go(func() { fn(p, n*p/parts, n*(p+1)/parts) })
	}
	fn(0, 0, n/parts)
	wg.Wait()
}

// partsFor is how many parts inParts splits n rows into.
func partsFor(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/minPart))
}

// merged returns the runs, each sorted by cmp, as one slice sorted by cmp: merged two
// by two. Of two equal, the one of the earlier run comes first.
func merged[T any](runs [][]T, cmp func(a, b T) int) []T {
	for len(runs) > 1 {
		var next [][]T
		for i := 0; i < len(runs); i += 2 {
			if i+1 == len(runs) {
				next = append(next, runs[i])
				break
			}
			next = append(next, merge(runs[i], runs[i+1], cmp))
		}
		runs = next
	}
	if len(runs) == 0 {
		return nil
	}
	return runs[0]
}

// merge returns a and b, each sorted by cmp, as one slice sorted; of two equal, a's first.
func merge[T any](a, b []T, cmp func(a, b T) int) []T {
	out := make([]T, len(a)+len(b))
	i, j := 0, 0
	for k := range out {
		if j == len(b) || i < len(a) && cmp(a[i], b[j]) <= 0 {
			out[k], i = a[i], i+1
		} else {
			out[k], j = b[j], j+1
		}
	}
	return out
}
