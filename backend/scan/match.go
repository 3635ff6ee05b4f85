package scan

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"proofkeys/backend/apikey"
)

// marker starts every Proof key; the literal search for it is the prefilter.
var marker = []byte("prf_")

// bodyLength is what follows a key's prefix: the random part and the checksum.
const bodyLength = apikey.RandomLength + apikey.ChecksumLength

// binaryProbe is how much of a file is looked at for a NUL byte, as git and grep do.
const binaryProbe = 8000

// isBinary reports whether data looks like a binary file: a NUL byte near its start.
func isBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), binaryProbe)], 0) >= 0
}

// hit is a key-shaped text in a buffer: a key whose checksum holds (parsed) or a typo.
type hit struct {
	Location
	parsed apikey.Parsed
	typo   bool
	hint   string
}

// match finds every key-shaped text in data and passes each to emit, with its line and
// column. A key-shaped text is one of apikey's prefixes, then exactly bodyLength base62
// characters, with no letter, digit or underscore on either side (the \b of a regular
// expression). Only those whose checksum holds are keys; the others are typos. Text that
// is too short, too long or has another prefix is neither, and is not reported.
func match(data []byte, at Location, emit func(hit)) {
	line, lineStart, counted := 1, 0, 0
	for i := 0; ; {
		j := bytes.Index(data[i:], marker)
		if j < 0 {
			return
		}
		start := i + j
		i = start + len(marker)
		end, ok := keyShape(data, start)
		if !ok {
			continue
		}
		// Lines are counted only up to a hit, so files without one cost no counting.
		n := bytes.Count(data[counted:start], []byte{'\n'})
		if n > 0 {
			line += n
			lineStart = bytes.LastIndexByte(data[:start], '\n') + 1
		}
		counted = start
		text := string(data[start:end])
		h := hit{Location: at}
		h.Line, h.Column = line, utf8.RuneCount(data[lineStart:start])+1
		p, err := apikey.ParseAny(text)
		switch {
		case err == nil:
			h.parsed, h.hint = p, p.Hint()
		case errors.Is(err, apikey.ErrChecksum):
			sh, _ := apikey.ShapeOf(text)
			h.typo, h.hint = true, sh.Prefix+"…"+text[len(text)-4:]
		default:
			continue
		}
		emit(h)
		i = end
	}
}

// keyShape reports whether a key-shaped text starts at start, and where it ends.
func keyShape(data []byte, start int) (int, bool) {
	if start > 0 && isWord(data[start-1]) {
		return 0, false
	}
	rest := data[start:]
	for _, sh := range apikey.Shapes {
		if !bytes.HasPrefix(rest, []byte(sh.Prefix)) {
			continue
		}
		body := start + len(sh.Prefix)
		end := body
		for end < len(data) && end-body <= bodyLength && isBase62(data[end]) {
			end++
		}
		if end-body != bodyLength || (end < len(data) && isWord(data[end])) {
			return 0, false
		}
		return end, true
	}
	return 0, false
}

func isBase62(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z'
}

// isWord is a character of a word for a regular expression's \b.
func isWord(b byte) bool { return isBase62(b) || b == '_' }
