package cli

import "fmt"

// versionCommand is `proofkeys version` (also `proofkeys --version`): the version this
// binary was built as, for a support request or to check an update took.
var versionCommand = command{
	summary: "print the version of proofkeys (also --version)",
	run:     runVersion,
}

// versionFlag is the usual spelling of the version command as a flag.
const versionFlag = "--version"

func runVersion(env Env, args []string) int {
	flags := newFlags("version", env,
		"Usage: proofkeys version",
		"Prints the version of proofkeys, as in \"proofkeys 1.2.0\".",
		"Exit codes: 0 ok, 2 wrong command line.",
	)
	if code, ok := flags.parse(args); !ok {
		return code
	}
	fmt.Fprintln(env.Stdout, "proofkeys", versionOf(env))
	return ExitOK
}

// versionOf is env's version, or "dev" for a build that was given none.
func versionOf(env Env) string {
	if env.Version == "" {
		return "dev"
	}
	return env.Version
}
