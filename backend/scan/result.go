package scan

import (
	"time"

	"proofkeys/backend/apikey"
)

// Mode is what a scan reads.
type Mode string

// What a scan reads.
const (
	Folders Mode = "folders" // the files under the given paths, as they are now
	History Mode = "history" // every commit reachable from any ref of a git repository
	Staged  Mode = "staged"  // what `git commit` is about to record: the index, where it differs from HEAD
)

// Location is where a key-shaped text was found. Line and Column count from 1; Column
// counts characters (Unicode code points). Commit and AuthorDate are set for history only.
type Location struct {
	Path       string    `json:"path"`
	Line       int       `json:"line"`
	Column     int       `json:"column"`
	Commit     string    `json:"commit,omitempty"`
	AuthorDate time.Time `json:"authorDate,omitzero"`
}

// Finding is a key whose checksum holds, and what it is. It never holds the secret.
type Finding struct {
	Location
	// Key is the hint, such as "prf_…abcd".
	Key         string             `json:"key"`
	Environment apikey.Environment `json:"environment"`
	Access      apikey.Access      `json:"access"`
	Verdict     Verdict            `json:"verdict"`
	// Live is true when the key works, or may work (a key not in this inventory).
	Live bool `json:"live"`
	// Advice is the verdict in plain words, with what to do.
	Advice string `json:"advice"`
	// KeyID and KeyName name the organization's key, when it is one.
	KeyID   string `json:"keyId,omitempty"`
	KeyName string `json:"keyName,omitempty"`
	// StoppedAt is when a deleted or replaced key stopped working; ExpiresAt when an
	// expiring one will.
	StoppedAt time.Time `json:"stoppedAt,omitzero"`
	ExpiresAt time.Time `json:"expiresAt,omitzero"`
	// Replacement names the key that replaced this one, if any.
	Replacement string `json:"replacement,omitempty"`

	fingerprint string
}

// Typo is text shaped like a key whose checksum does not hold: most likely a key with a
// character wrong, which Proof refuses. It is not a key, so it is only counted and placed.
type Typo struct {
	Location
	Key string `json:"key"` // the hint of the text: its prefix and last four characters
}

// Counts sum a scan up. Files and Bytes are what was read; the Skipped counts say what was
// not, and why.
type Counts struct {
	Files          int64 `json:"files"`
	Bytes          int64 `json:"bytes"`
	Commits        int64 `json:"commits,omitempty"`
	SkippedLarge   int64 `json:"skippedLarge"`
	SkippedBinary  int64 `json:"skippedBinary"`
	SkippedLinks   int64 `json:"skippedLinks"`
	SkippedIgnored int64 `json:"skippedIgnored"`
	Unreadable     int64 `json:"unreadable"`
	Keys           int   `json:"keys"`
	Live           int   `json:"live"`
	Typos          int   `json:"typos"`
}

// Result is a whole scan: its findings in path order, its typos, its counts.
type Result struct {
	Mode     Mode      `json:"mode"`
	Findings []Finding `json:"findings"`
	Typos    []Typo    `json:"typos"`
	Counts   Counts    `json:"counts"`
	// Unreadable lists the first files that could not be read (Counts.Unreadable has all).
	Unreadable []string `json:"unreadable,omitempty"`
	// Cancelled is true when the scan was stopped before the end: what it holds is partial.
	Cancelled bool          `json:"cancelled,omitempty"`
	Took      time.Duration `json:"tookNanoseconds"`
}

// AnyLive reports whether a finding is a key that works or may work.
func (r Result) AnyLive() bool { return r.Counts.Live > 0 }

// Progress is how far a running scan has got, for a page that shows it.
type Progress struct {
	Files    int64 `json:"files"`
	Bytes    int64 `json:"bytes"`
	Findings int64 `json:"findings"`
	Typos    int64 `json:"typos"`
}
