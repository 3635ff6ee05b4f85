package keys

import (
	"crypto/subtle"
	"errors"
	"strings"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/store"
)

// Verdict is the answer to "is this the right key?", the first that applies in this order.
type Verdict string

// The verdicts of a check.
const (
	CheckInvalid          Verdict = "invalid"           // not a well-formed key (Problem says why)
	CheckUnknown          Verdict = "unknown"           // well formed, but not a key of this organization
	CheckExpired          Verdict = "expired"           // replaced, and deleted when its grace period ended
	CheckDeleted          Verdict = "deleted"           // deleted by a member, or at once as exposed (Key.Exposed)
	CheckWrongEnvironment Verdict = "wrong_environment" // a sandbox key where production is expected, or the reverse
	CheckReplaced         Verdict = "replaced"          // still works, until its grace period ends
	CheckActive           Verdict = "active"            // the right key, and it works
)

// CheckResult is what Check found. It never holds the pasted text.
type CheckResult struct {
	Verdict Verdict
	// Environment is the pasted key's, when its prefix is known.
	Environment apikey.Environment
	// Key is the organization's key the text is (or, for an invalid text, most likely was
	// meant to be: then Position is where it differs, from 1, and 0 when unknown).
	Key      apikey.Key
	Position int
	// Replacement is the key that works now in Key's place, following the chain when
	// Key's replacement was replaced in turn (see worksNow); zero when there is none.
	Replacement apikey.Key
	// Problem is apikey's parse error for an invalid text.
	Problem error
}

// Check tells which of the organization's keys pasted is, and whether it is the one an
// integration should use in expect (empty for either environment). Keys are looked up by
// fingerprint, compared in constant time with every key's; the text is neither stored nor
// logged, and no error or result repeats it. Any member may check, as any member may view.
func (s *Service) Check(memberID, pasted string, expect apikey.Environment) (CheckResult, error) {
	return s.check(pasted, expect, func(tx *store.Tx) error {
		_, _, err := tx.Authorize(memberID, access.ViewKeys)
		return err
	})
}

// CheckOffline is Check for the command line, which has no signed-in member: whoever can
// read the data folder (owner-only, the OS user's) can read every record in it anyway.
func (s *Service) CheckOffline(pasted string, expect apikey.Environment) (CheckResult, error) {
	return s.check(pasted, expect, func(*store.Tx) error { return nil })
}

// check runs allow, then compares pasted with every key that ever became active.
func (s *Service) check(pasted string, expect apikey.Environment, allow func(*store.Tx) error) (CheckResult, error) {
	var all []apikey.Key
	err := s.Store.View(func(tx *store.Tx) error {
		if err := allow(tx); err != nil {
			return err
		}
		var err error
		all, err = tx.Keys(func(k apikey.Key) bool { return k.State != apikey.Pending })
		return err
	})
	if err != nil {
		return CheckResult{}, err
	}
	return checkAgainst(Clean(pasted), expect, all), nil
}

// worksNow follows the chain of replacements from k to the key that works now: the
// first one that is active and not replaced, else the last one still in use (expiring).
// It is zero when k was not replaced, or nothing after it still works.
func worksNow(k apikey.Key, all []apikey.Key) apikey.Key {
	var inUse apikey.Key
	seen := map[string]bool{k.ID: true}
	for k.ReplacedBy != "" && !seen[k.ReplacedBy] {
		next, ok := find(all, func(x apikey.Key) bool { return x.ID == k.ReplacedBy })
		if !ok {
			break
		}
		seen[next.ID] = true
		switch next.Standing() {
		case apikey.StandingActive:
			return next
		case apikey.StandingExpiring:
			inUse = next
		}
		k = next
	}
	return inUse
}

// Clean is the key in what a person pasted: without spaces and line breaks around it,
// the quotes of a config file or code ("…", '…', `…`, “…”), or the "Bearer " of an
// Authorization header it was copied from.
func Clean(pasted string) string {
	s := strings.TrimSpace(pasted)
	for {
		before := s
		if rest, ok := cutPrefixFold(s, "authorization:"); ok {
			s = strings.TrimSpace(rest)
		}
		if rest, ok := cutPrefixFold(s, "bearer "); ok {
			s = strings.TrimSpace(rest)
		}
		for _, q := range [][2]string{{`"`, `"`}, {"'", "'"}, {"`", "`"}, {"“", "”"}, {"‘", "’"}} {
			if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
				s = strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
			}
		}
		if s == before {
			return s
		}
	}
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func checkAgainst(text string, expect apikey.Environment, all []apikey.Key) CheckResult {
	p, err := apikey.Parse(text)
	if err != nil {
		r := CheckResult{Verdict: CheckInvalid, Problem: err, Environment: prefixEnvironment(text)}
		if errors.Is(err, apikey.ErrPrefix) || errors.Is(err, apikey.ErrEmpty) {
			return r
		}
		r.Key, r.Position = nearest(text, r.Environment, all)
		return withReplacement(r, all)
	}
	return Judge(p, expect, all)
}

// Judge is Check's verdict on a well-formed key p, among all the organization's keys that
// ever became active: the scan for exposed keys uses it, so that both say the same thing
// about the same key. It never sees the secret, only its fingerprint.
func Judge(p apikey.Parsed, expect apikey.Environment, all []apikey.Key) CheckResult {
	r := CheckResult{Environment: p.Environment}
	k, ok := byFingerprint(all, p.Fingerprint)
	if !ok {
		r.Verdict = CheckUnknown
		return r
	}
	r.Key = k
	r = withReplacement(r, all)
	switch {
	case k.State != apikey.Active && !k.Exposed && k.Expired(k.DeletedAt):
		r.Verdict = CheckExpired
	case k.State != apikey.Active:
		r.Verdict = CheckDeleted
	case expect != "" && expect != k.Environment:
		r.Verdict = CheckWrongEnvironment
	case k.ReplacedBy != "":
		r.Verdict = CheckReplaced
	default:
		r.Verdict = CheckActive
	}
	return r
}

// withReplacement adds the key that works now in r.Key's place, if any (see worksNow).
func withReplacement(r CheckResult, all []apikey.Key) CheckResult {
	r.Replacement = worksNow(r.Key, all)
	return r
}

// byFingerprint compares fp with every key's fingerprint in constant time, and never
// stops early, so the time taken says nothing about which or how many keys matched.
func byFingerprint(all []apikey.Key, fp string) (apikey.Key, bool) {
	var found apikey.Key
	hit := 0
	for _, k := range all {
		eq := subtle.ConstantTimeCompare([]byte(k.Fingerprint), []byte(fp))
		if eq == 1 {
			found = k
		}
		hit |= eq
	}
	return found, hit == 1
}

func find(all []apikey.Key, match func(apikey.Key) bool) (apikey.Key, bool) {
	for _, k := range all {
		if match(k) {
			return k, true
		}
	}
	return apikey.Key{}, false
}

func prefixEnvironment(text string) apikey.Environment {
	for _, env := range []apikey.Environment{apikey.Sandbox, apikey.Production} {
		if strings.HasPrefix(text, env.Prefix()) {
			return env
		}
	}
	return ""
}
