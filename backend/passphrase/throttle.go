package passphrase

import (
	"time"

	"proofkeys/backend/access"
)

// Backoff slows down guessing: from the WaitAfter-th wrong passphrase in a row for a
// member on, each next attempt must wait, twice as long after each failure, up to MaxWait. The count lives in
// the member's record (access.SignInFailures), so restarting the app does not reset it;
// an attacker with the database file guesses offline anyway, which argon2id's cost is for.
type Backoff struct {
	// WaitAfter is the wrong attempt that starts the waits: with 3, the third wrong
	// passphrase makes the fourth try wait FirstWait.
	WaitAfter int
	// FirstWait is the wait after the WaitAfter-th failure; each next one doubles it.
	FirstWait, MaxWait time.Duration
}

// DefaultBackoff waits after three wrong passphrases: 2 s, then 4 s, ... up to 5 minutes.
var DefaultBackoff = Backoff{WaitAfter: 3, FirstWait: 2 * time.Second, MaxWait: 5 * time.Minute}

// Failed returns the record after one more wrong passphrase at now (f is nil before the
// first): the count, and until when the next attempt must wait.
func (b Backoff) Failed(f *access.SignInFailures, now time.Time) *access.SignInFailures {
	next := access.SignInFailures{Count: 1}
	if f != nil {
		next.Count = f.Count + 1
	}
	wait := time.Duration(0)
	if over := next.Count - b.WaitAfter; over >= 0 {
		wait = b.FirstWait
		for i := 0; i < over && wait < b.MaxWait; i++ {
			wait *= 2
		}
		wait = min(wait, b.MaxWait)
	}
	next.WaitUntil = now.Add(wait)
	return &next
}

// Wait is how long a member with record f must wait at now before the next attempt; 0
// means go ahead.
func Wait(f *access.SignInFailures, now time.Time) time.Duration {
	if f == nil {
		return 0
	}
	return max(f.WaitUntil.Sub(now), 0)
}
