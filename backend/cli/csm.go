package cli

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// csmCommand is for Proof staff: a signing key kept in the staff member's own OS vault,
// and enablement codes signed with it for an organization to paste into its app.
var csmCommand = command{
	summary: "for Proof staff: signing key and enablement codes (keygen | pubkey | issue | withdraw)",
	run:     runCSM,
}

const csmUsage = `Usage (for Proof staff):
  proofkeys csm keygen --name "Sam Lee, Proof CSM" [--key-name NAME] [--replace]
      make a signing key in your OS vault and print its public key
  proofkeys csm pubkey [--key-name NAME]
      print the public key, for an Owner to trust (Organization page) or for Proof's release
  proofkeys csm issue --org ORG_ID --grant GRANTS [--expires 7d|72h|2026-12-31] [--key-name NAME]
      print a code that enables GRANTS for the organization
  proofkeys csm withdraw --org ORG_ID --grant GRANTS [--key-name NAME]
      print a code that withdraws GRANTS
GRANTS is a comma-separated list of api_access, payer_invoice, payer_organization.
The Owner or Admin pastes the code on the Organization page; the app checks that it is
for their organization and signed by a key it trusts.`

// staffVaultItem is how the signing key is kept: never printed, never in a file.
type staffVaultItem struct {
	Name string `json:"name"`
	Key  string `json:"key"`
}

// staffVault opens the OS vault the app itself uses; the file backend keeps its files in
// the default data folder.
var staffVault = func() (*vault.Vault, error) { return vault.New("", store.DefaultDir()) }

func runCSM(env Env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, csmUsage)
		return ExitUsage
	}
	switch args[0] {
	case "keygen":
		return csmKeygen(env, args[1:])
	case "pubkey":
		return csmPubkey(env, args[1:])
	case "issue":
		return csmIssue(env, args[1:], false)
	case "withdraw":
		return csmIssue(env, args[1:], true)
	case "help", "--help", "-help", "-h":
		fmt.Fprintln(env.Stdout, csmUsage)
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "proofkeys csm: unknown subcommand %q\n%s\n", args[0], csmUsage)
	return ExitUsage
}

// csmFlags are the flags of `proofkeys csm name`, with the --key-name they all have; its
// --help is the usage of every csm subcommand.
func csmFlags(name string, env Env) (*flagSet, *string) {
	f := newFlags("csm "+name, env, csmUsage)
	keyName := f.String("key-name", "default", "the `NAME` of your signing key (several may live in the vault)")
	return f, keyName
}

func csmKeygen(env Env, args []string) int {
	f, keyName := csmFlags("keygen", env)
	name := f.String("name", "", "your name as codes show it, e.g. \"Sam Lee, Proof CSM\" (required)")
	replace := f.Bool("replace", false, "replace an existing key of this --key-name (codes it signed stay valid only where it is still trusted)")
	if code, ok := f.parse(args); !ok {
		return code
	}
	if strings.TrimSpace(*name) == "" {
		return f.fail("--name is required")
	}
	v, err := staffVault()
	if err != nil {
		return failed(env, "keygen", err)
	}
	if _, err := loadSigner(v, *keyName); err == nil && !*replace {
		fmt.Fprintf(env.Stderr, "proofkeys csm keygen: a key named %q is already in your vault; print it with `proofkeys csm pubkey`, or pass --replace\n", *keyName)
		return ExitFailed
	}
	s, err := enablement.NewSigner(strings.TrimSpace(*name), rand.Reader)
	if err != nil {
		return failed(env, "keygen", err)
	}
	raw, _ := json.Marshal(staffVaultItem{Name: s.Name, Key: enablement.FormatPrivateKey(s.Key)})
	if err := v.Set(vaultID(*keyName), string(raw), "proofkeys staff signing key ("+*keyName+")"); err != nil {
		return failed(env, "keygen", err)
	}
	fmt.Fprintf(env.Stdout, "Made signing key %s in %s. Your public key:\n", s.Staff().ID, v.Backend())
	printPublic(env.Stdout, s)
	return ExitOK
}

func csmPubkey(env Env, args []string) int {
	f, keyName := csmFlags("pubkey", env)
	if code, ok := f.parse(args); !ok {
		return code
	}
	s, code := signerOrFail(env, "pubkey", *keyName)
	if code != ExitOK {
		return code
	}
	printPublic(env.Stdout, s)
	return ExitOK
}

func csmIssue(env Env, args []string, withdraw bool) int {
	name := map[bool]string{false: "issue", true: "withdraw"}[withdraw]
	f, keyName := csmFlags(name, env)
	orgID := f.String("org", "", "the Organization ID, as the organization's app shows it (required)")
	grants := f.String("grant", "", "comma-separated: api_access, payer_invoice, payer_organization (required)")
	expires := f.String("expires", "", "last moment the code may be applied: 7d, 72h, or a date 2026-12-31 (default: no limit)")
	if code, ok := f.parse(args); !ok {
		return code
	}
	req, err := csmRequest(*orgID, *grants, *expires, withdraw, time.Now())
	if err != nil {
		return f.fail("%v", err)
	}
	s, code := signerOrFail(env, name, *keyName)
	if code != ExitOK {
		return code
	}
	out, err := enablement.Issue(s, req, time.Now(), rand.Reader)
	if err != nil {
		return failed(env, name, err)
	}
	fmt.Fprintln(env.Stdout, out)
	return ExitOK
}

// csmRequest checks the command line of issue and withdraw.
func csmRequest(orgID, grants, expires string, withdraw bool, now time.Time) (enablement.Request, error) {
	r := enablement.Request{Org: strings.TrimSpace(orgID), Withdraw: withdraw}
	if !strings.HasPrefix(r.Org, "org_") {
		return r, errors.New("--org must be an Organization ID (org_...), as the app's Organization page shows it")
	}
	var e access.Enablement
	for _, g := range strings.Split(grants, ",") {
		g := access.Grant(strings.TrimSpace(g))
		if !e.Set(g, true) {
			return r, fmt.Errorf("--grant: %q is not one of api_access, payer_invoice, payer_organization", g)
		}
		r.Grants = append(r.Grants, g)
	}
	if expires == "" {
		return r, nil
	}
	at, err := parseExpiry(expires, now)
	if err != nil {
		return r, err
	}
	r.ExpiresAt = at
	return r, nil
}

// parseExpiry reads "7d", "72h" (from now) or a date (the end of that day, UTC).
func parseExpiry(s string, now time.Time) (time.Time, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n > 0 {
			return now.AddDate(0, 0, n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(d), nil
	}
	if day, err := time.Parse(time.DateOnly, s); err == nil {
		return day.Add(24*time.Hour - time.Second), nil
	}
	return time.Time{}, fmt.Errorf("--expires %q: use 7d, 72h or a date such as 2026-12-31", s)
}

func signerOrFail(env Env, name, keyName string) (enablement.Signer, int) {
	v, err := staffVault()
	if err != nil {
		return enablement.Signer{}, failed(env, name, err)
	}
	s, err := loadSigner(v, keyName)
	if errors.Is(err, vault.ErrNotFound) {
		fmt.Fprintf(env.Stderr, "proofkeys csm %s: no signing key named %q in your vault; make one with `proofkeys csm keygen --name \"Your Name\"`\n", name, keyName)
		return enablement.Signer{}, ExitFailed
	}
	if err != nil {
		return enablement.Signer{}, failed(env, name, err)
	}
	return s, ExitOK
}

func loadSigner(v *vault.Vault, keyName string) (enablement.Signer, error) {
	raw, err := v.Get(vaultID(keyName))
	if err != nil {
		return enablement.Signer{}, err
	}
	var item staffVaultItem
	if err := json.Unmarshal([]byte(raw), &item); err != nil {
		return enablement.Signer{}, fmt.Errorf("the signing key in the vault is unreadable: %w", enablement.ErrBadKey)
	}
	k, err := enablement.ParsePrivateKey(item.Key)
	if err != nil {
		return enablement.Signer{}, fmt.Errorf("the signing key in the vault is unreadable: %w", err)
	}
	return enablement.Signer{Name: item.Name, Key: k}, nil
}

func vaultID(keyName string) string { return "proofkeys-staff-signing-key:" + keyName }

func printPublic(w io.Writer, s enablement.Signer) {
	fmt.Fprintf(w, "%s %s\n", enablement.FormatPublicKey(s.Public()), s.Name)
}

// failed says what went wrong (never a secret: the vault's errors hold none) and returns ExitFailed.
func failed(env Env, name string, err error) int {
	fmt.Fprintf(env.Stderr, "proofkeys csm %s: %v\n", name, err)
	if errors.Is(err, vault.ErrLocked) || errors.Is(err, vault.ErrUnavailable) {
		fmt.Fprintln(env.Stderr, "Unlock or start your system keyring, then run the command again.")
	}
	return ExitFailed
}
