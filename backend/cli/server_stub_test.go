//go:build !server

package cli_test

import (
	"strings"
	"testing"

	"proofkeys/backend/cli"
)

func TestTheDesktopBuildSaysWhereTheServerIs(t *testing.T) {
	code, _, errs := runCLI("server")
	if code != cli.ExitFailed || !strings.Contains(errs, "-tags server") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}
