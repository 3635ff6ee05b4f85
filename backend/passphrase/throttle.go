package passphrase

import (
	"time"

	"proofkeys/backend/access"
)

// Backoff slows down guessing: after Free wrong passphrases for a member, each further
// attempt must wait, twice as long after each failure, up to MaxWait. The count lives in
// the member's record (access.SignInFailures), so restarting the app does not reset it;
// an attacker with the database file guesses offline anyway, which argon2id's cost is for.
type Backoff struct {
	// Free is how many wrong attempts are allowed before waits begin.
	Free int
	// FirstWait is the wait after the first failure beyond Free; each next one doubles it.
	FirstWait, MaxWait time.Duration
}

// DefaultBackoff allows 3 free attempts, then waits of 2 s, 4 s, ... up to 5 minutes.
var DefaultBackoff = Backoff{Free: 3, FirstWait: 2 * time.Second, MaxWait: 5 * time.Minute}

// Failed returns the record after one more wrong passphrase at now (f is nil before the
// first): the count, and until when the next attempt must wait.
func (b Backoff) Failed(f *access.SignInFailures, now time.Time) *access.SignInFailures {
	next := access.SignInFailures{Count: 1}
	if f != nil {
		next.Count = f.Count + 1
	}
	wait := time.Duration(0)
	if over := next.Count - b.Free; over > 0 {
		wait = b.FirstWait
		for i := 1; i < over && wait < b.MaxWait; i++ {
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
