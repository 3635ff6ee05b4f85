package cli

import "proofkeys/backend/gcpause"

// shortRunHeap is how large the heap of a command that reads, prints and exits may grow
// before the garbage collector runs at all: well above what 100,000 keys need, well
// below what any machine that runs the app has.
const shortRunHeap = 512 << 20

// shortRunHugeHeap is how much of a short run's heap comes in huge pages: about what the
// inventory of 25,000 keys takes (24 MB for 10,000).
const shortRunHugeHeap = 64 << 20

// shortRun turns the garbage collector off for a command that reads the data, prints it
// and exits, until the heap reaches shortRunHeap: the process ends soon after, and its
// memory with it. With 10,000 keys, collecting the report's garbage as it was made took
// about 40% of the inventory command's CPU time. GOGC or GOMEMLIMIT set by whoever runs
// the command win (gcpause.Off). The heap's first shortRunHugeHeap bytes come in huge
// pages where the system gives them (inHugePages). It returns what puts the settings
// back, for commands run in process.
func shortRun() (restore func()) {
	restore, off := gcpause.Off(shortRunHeap)
	if off {
		inHugePages(shortRunHugeHeap)
	}
	return restore
}
