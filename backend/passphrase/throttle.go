package passphrase

import (
	"sync"
	"time"
)

// Throttle slows down guessing: after a few wrong passphrases for a member, each further
// attempt must wait, twice as long after each failure, up to MaxWait. It lives in memory:
// restarting the app resets it, but a restart costs a guesser seconds, and an attacker
// with the database file guesses offline anyway, which argon2id's cost is there for.
type Throttle struct {
	// Free is how many wrong attempts are allowed before waits begin.
	Free int
	// FirstWait is the wait after the first failure beyond Free; each next one doubles it.
	FirstWait, MaxWait time.Duration

	mu    sync.Mutex
	state map[string]attempts
}

type attempts struct {
	failures int
	until    time.Time
}

// NewThrottle allows 3 free attempts, then waits of 2 s, 4 s, ... up to 5 minutes.
func NewThrottle() *Throttle {
	return &Throttle{Free: 3, FirstWait: 2 * time.Second, MaxWait: 5 * time.Minute}
}

// Wait is how long id must wait at now before the next attempt; 0 means go ahead.
func (t *Throttle) Wait(id string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if d := t.state[id].until.Sub(now); d > 0 {
		return d
	}
	return 0
}

// Failed records a wrong passphrase for id at now and returns the wait it earned.
func (t *Throttle) Failed(id string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state == nil {
		t.state = map[string]attempts{}
	}
	a := t.state[id]
	a.failures++
	wait := time.Duration(0)
	if over := a.failures - t.Free; over > 0 {
		wait = t.FirstWait
		for i := 1; i < over && wait < t.MaxWait; i++ {
			wait *= 2
		}
		wait = min(wait, t.MaxWait)
	}
	a.until = now.Add(wait)
	t.state[id] = a
	return wait
}

// Succeeded forgets id's failures.
func (t *Throttle) Succeeded(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.state, id)
}
