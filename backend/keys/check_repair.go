package keys

import (
	"proofkeys/backend/apikey"
)

// keyAlphabet is the characters a key's body is made of (apikey's base62).
const keyAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// nearest looks for the organization's key that text is one slip away from: a character
// changed, lost, doubled or two swapped, the usual ways a copy and paste or a retyping
// goes wrong. It tries every such edit after the prefix (about 2,300 for a changed
// character), keeps those whose checksum holds, and compares their fingerprints with the
// keys'. It returns the key and the position in text, from 1, where the slip is.
func nearest(text string, env apikey.Environment, all []apikey.Key) (apikey.Key, int) {
	if env == "" || len(all) == 0 {
		return apikey.Key{}, 0
	}
	found, pos := apikey.Key{}, 0
	for cand, at := range oneSlipAway(text, len(env.Prefix())) {
		p, err := apikey.Parse(cand)
		if err != nil {
			continue
		}
		if k, ok := byFingerprint(all, p.Fingerprint); ok {
			found, pos = k, at
			break
		}
	}
	return found, pos
}

// oneSlipAway yields every text one edit away from text, leaving its first from
// characters (the prefix) alone, with the 1-based position of the edit.
func oneSlipAway(text string, from int) func(yield func(string, int) bool) {
	want := from + apikey.RandomLength + apikey.ChecksumLength
	return func(yield func(string, int) bool) {
		switch len(text) - want {
		case 1: // a character too many
			for i := from; i < len(text); i++ {
				if !yield(text[:i]+text[i+1:], i+1) {
					return
				}
			}
		case -1: // a character lost
			for i := from; i <= len(text); i++ {
				for _, c := range []byte(keyAlphabet) {
					if !yield(text[:i]+string(c)+text[i:], i+1) {
						return
					}
				}
			}
		case 0: // two neighbours swapped, or one character changed
			for i := from; i < len(text); i++ {
				if i+1 < len(text) && !yield(text[:i]+text[i+1:i+2]+text[i:i+1]+text[i+2:], i+1) {
					return
				}
				for _, c := range []byte(keyAlphabet) {
					if c != text[i] && !yield(text[:i]+string(c)+text[i+1:], i+1) {
						return
					}
				}
			}
		}
	}
}
