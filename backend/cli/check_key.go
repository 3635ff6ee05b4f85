package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"proofkeys/backend/apikey"
	"proofkeys/backend/keys"
)

// checkKeyCommand is `proofkeys check-key`: which of the organization's keys the text on
// standard input is, and whether it works. The key is read from standard input, never
// from the command line, where the shell's history and the process list would keep it.
var checkKeyCommand = command{
	summary: "say which key the key on standard input is and whether it works (--env)",
	run:     runCheckKey,
}

// maxKeyLine bounds what is read: a key is under 60 characters.
const maxKeyLine = 4096

func runCheckKey(env Env, args []string) int {
	flags := newFlags("check-key", env,
		"Usage: proofkeys check-key [--env production|sandbox] [--format text|json] [--data-dir DIR] < file-with-the-key",
		"Reads one key from standard input and says which key it is and whether it works.",
		"Times are UTC: written out in text, RFC 3339 in JSON.",
		"At a terminal it asks for the key and does not show what you paste.",
		"Exit codes: 0 an active key, 3 not a working key of this organization, 1 the data could not be read, 2 wrong command line.",
	)
	dataDir := dataDirFlag(flags)
	expect := flags.String("env", "", "the environment the integration uses: production or sandbox (default: either)")
	format := flags.String("format", "text", "text or json")
	if code, ok := flags.parse(args); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return flags.fail("--format must be text or json")
	}
	var want apikey.Environment
	if *expect != "" {
		var err error
		if want, err = apikey.ParseEnvironment(*expect); err != nil {
			return flags.fail("--env must be production or sandbox")
		}
	}
	text, err := readKey(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys check-key: read standard input: %v\n", err)
		return ExitFailed
	}
	r, err := checkKey(*dataDir, text, want)
	if err != nil {
		return openFailed(env, "check-key", err)
	}
	if *format == "json" {
		err = writeVerdictJSON(env.Stdout, r)
	} else {
		_, err = fmt.Fprintln(env.Stdout, verdictLine(r))
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "proofkeys check-key: %v\n", err)
		return ExitFailed
	}
	if r.Verdict != keys.CheckActive {
		return ExitProblem
	}
	return ExitOK
}

// readKey reads one line: at a terminal after a prompt and without showing what is typed
// or pasted, so the key stays off the screen and out of the terminal's scrollback.
func readKey(env Env) (string, error) {
	if f, ok := env.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(env.Stderr, "Paste the key (it is not shown), then press Enter: ")
		line, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		return string(line), err
	}
	text, err := bufio.NewReader(io.LimitReader(env.Stdin, maxKeyLine)).ReadString('\n')
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return text, err
}

// checkKey runs the keys.CheckOffline use case on the data folder. It only reads.
func checkKey(dataDir, text string, want apikey.Environment) (keys.CheckResult, error) {
	st, err := openData(dataDir)
	if err != nil {
		return keys.CheckResult{}, err
	}
	defer st.Close()
	svc := &keys.Service{Store: st, Now: time.Now}
	return svc.CheckOffline(text, want)
}

// verdictLine is the answer in one line. It names the key by name and hint, never by the
// text that was read.
func verdictLine(r keys.CheckResult) string {
	k := fmt.Sprintf("%q (%s, %s)", r.Key.Settings.Name, r.Key.Environment, r.Key.Hint())
	switch r.Verdict {
	case keys.CheckActive:
		return "active: " + k + " works."
	case keys.CheckReplaced:
		if r.Replacement.ID == "" {
			return fmt.Sprintf("replaced: %s still works until %s, but no key that replaced it works now; replace it again in the app.",
				k, when(r.Key.ExpiresAt))
		}
		return fmt.Sprintf("replaced: %s still works until %s; switch the integration to %q (%s).",
			k, when(r.Key.ExpiresAt), r.Replacement.Settings.Name, r.Replacement.Hint())
	case keys.CheckWrongEnvironment:
		return "wrong environment: " + k + " is a " + string(r.Key.Environment) + " key."
	case keys.CheckDeleted:
		if r.Key.Exposed {
			return fmt.Sprintf("deleted: %s was deleted at once as exposed, on %s, and no longer works.", k, when(r.Key.DeletedAt))
		}
		return fmt.Sprintf("deleted: %s was deleted on %s and no longer works.", k, when(r.Key.DeletedAt))
	case keys.CheckExpired:
		return "expired: " + k + " was replaced and its grace period has ended."
	case keys.CheckUnknown:
		return "unknown: a well-formed key, but not one of this organization's."
	}
	msg := "invalid: this is not a Proof API key"
	if r.Problem != nil {
		msg += " (" + r.Problem.Error() + ")"
	}
	if r.Position > 0 {
		msg += fmt.Sprintf("; it looks like %s with a difference at character %d", k, r.Position)
	}
	return msg + "."
}
