//go:build !server

package cli

import "fmt"

// Builds without the "server" tag (the desktop app) say where the server is.
func init() {
	commands["server"] = command{
		summary: "(not in this build) the server for a shared organization",
		run: func(env Env, _ []string) int {
			fmt.Fprintln(env.Stderr, "proofkeys server: this build of proofkeys has no server. "+
				"Use the server build (go build -tags server), made for the computer that stays on.")
			return ExitFailed
		},
	}
}
