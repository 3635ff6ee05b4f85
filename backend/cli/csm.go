package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"proofkeys/backend/vault"
)

// csmCommand is for Proof: staff keys and the root keys that certify them, each kept in
// its holder's own OS vault, and the enablement codes an organization pastes.
var csmCommand = command{
	summary: "for Proof staff: keys, certificates and enablement codes (keygen | issue | certify | ...)",
	run:     runCSM,
}

const csmUsage = `Usage (for Proof staff):
 Once, as a staff member:
  proofkeys csm keygen --name "Sam Lee, Proof CSM" [--key-name NAME] [--replace]
      make your signing key in your OS vault; print a request to send for certification
  proofkeys csm request [--key-name NAME]
      print that request again
  proofkeys csm install-cert --cert CERT|- [--key-name NAME]
      keep the certificate you got back next to your key
 For each customer:
  proofkeys csm issue --org ORG_ID --grant GRANTS [--expires 7d|72h|2026-12-31] [--key-name NAME]
      print a code that enables GRANTS for the organization (what it says goes to standard error)
  proofkeys csm withdraw --org ORG_ID --grant GRANTS [--key-name NAME]
      print a code that withdraws GRANTS
 For whoever holds a Proof root key:
  proofkeys csm root-keygen --name "Proof root 2026" [--key-name NAME] [--replace]
      make a root key in your OS vault; print the line release builds list
  proofkeys csm certify --request REQUEST|- --grant GRANTS [--valid 365d] [--revoke CERT_IDS] [--key-name NAME]
      print a certificate for a staff member's request
  proofkeys csm revoke --cert CERT_IDS [--reason TEXT] [--key-name NAME]
      print a revocation of staff certificates, for organizations to paste like a code
  proofkeys csm roots
      print the Proof roots this copy of proofkeys trusts
GRANTS is a comma-separated list of api_access, payer_invoice, payer_organization.
The Owner or Admin pastes the code on the Organization page; the app checks it from
Proof's root keys alone.`

// csmCommands are the subcommands, one file each.
var csmCommands = map[string]func(Env, []string) int{
	"keygen":       csmKeygen,
	"request":      csmRequest,
	"install-cert": csmInstallCert,
	"issue":        func(env Env, args []string) int { return csmIssue(env, args, false) },
	"withdraw":     func(env Env, args []string) int { return csmIssue(env, args, true) },
	"root-keygen":  csmRootKeygen,
	"certify":      csmCertify,
	"revoke":       csmRevoke,
	"roots":        csmRoots,
}

func runCSM(env Env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, csmUsage)
		return ExitUsage
	}
	if run, ok := csmCommands[args[0]]; ok {
		return run(env, args[1:])
	}
	if args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		fmt.Fprintln(env.Stdout, csmUsage)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "proofkeys csm: unknown subcommand %q\n%s\n", args[0], csmUsage)
	return ExitUsage
}

// csmFlags are the flags of `proofkeys csm name`, with the --key-name they all have.
func csmFlags(name string, env Env) (*flagSet, *string) {
	f := newFlags("csm "+name, env, "Usage: proofkeys csm "+name+" [flags]")
	keyName := f.String("key-name", "default", "which of your keys (several may live in the vault)")
	return f, keyName
}

// usageError says what is wrong with the command line and returns ExitUsage.
func usageError(env Env, name string, err error) int {
	fmt.Fprintf(env.Stderr, "proofkeys csm %s: %v\n", name, err)
	return ExitUsage
}

// textArg is a text given on the command line, or read from standard input for "-", so
// a long certificate or request can be piped.
func textArg(env Env, value string) (string, error) {
	if value != "-" {
		return strings.TrimSpace(value), nil
	}
	raw, err := io.ReadAll(io.LimitReader(env.Stdin, 64<<10))
	return strings.TrimSpace(string(raw)), err
}

// failed says what went wrong (never a secret: the vault's errors hold none) and returns ExitFailed.
func failed(env Env, name string, err error) int {
	fmt.Fprintf(env.Stderr, "proofkeys csm %s: %v\n", name, err)
	if errors.Is(err, vault.ErrLocked) || errors.Is(err, vault.ErrUnavailable) {
		fmt.Fprintln(env.Stderr, "Unlock or start your system keyring, then run the command again.")
	}
	return ExitFailed
}
