package cli

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inHugePages marks at least the size asked of the process's memory for huge pages. The
// Go runtime marks none of its own, and a short run in an earlier test marked half as much.
func TestInHugePagesMarksTheHeap(t *testing.T) {
	const size = 2 * shortRunHugeHeap
	inHugePages(size)
	assert.GreaterOrEqual(t, markedForHugePages(t), size)
}

// markedForHugePages is how many bytes of the process's mappings are marked for huge pages:
// the flag hg in /proc/self/smaps.
func markedForHugePages(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	var size, marked int
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		fields := strings.Fields(lines.Text())
		switch {
		case len(fields) == 3 && fields[0] == "Size:" && fields[2] == "kB":
			size, err = strconv.Atoi(fields[1])
			require.NoError(t, err)
		case len(fields) > 0 && fields[0] == "VmFlags:" && slices.Contains(fields[1:], "hg"):
			marked += size << 10
		}
	}
	require.NoError(t, lines.Err())
	return marked
}
