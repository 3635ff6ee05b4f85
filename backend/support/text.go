package support

import (
	"fmt"
	"slices"
	"strings"

	"proofkeys/backend/apikey"
	"proofkeys/backend/audit"
)

// Text is the bundle as a person reads it before sending: the same facts as JSON, in
// sentences, with times as people read them (apikey.Readable) and the keys counted by
// the same standing as the Inventory page.
func (b Bundle) Text() string {
	var w strings.Builder
	line := func(format string, a ...any) { fmt.Fprintf(&w, format+"\n", a...) }
	line("proofkeys support bundle, made %s", apikey.Readable(b.GeneratedAt))
	line("App: proofkeys %s (%s, %s/%s)", b.App.Version, b.App.GoVersion, b.App.OS, b.App.Arch)
	line("Vault: %s", b.Vault.text())
	line("Database: %s", b.Database.text())
	if !b.Organization.SetUp {
		line("Organization: not set up yet")
		return w.String()
	}
	o := b.Organization
	line("Organization: %s (%s), set up %s%s", o.Name, o.ID, apikey.Readable(o.CreatedAt), map[bool]string{true: ", a demo"}[o.Demo])
	line("Policies: locks after %d idle minutes; %s", o.AutoLockMinutes,
		audit.About{RotationDays: o.RotationDays}.Policy())
	line("Enabled by Proof: API access %s; Invoice payer %s; Your Organization payer %s",
		onOff(b.Enablement.APIAccess), onOff(b.Enablement.PayerInvoice), onOff(b.Enablement.PayerOrganization))
	for _, g := range b.Enablement.Latest {
		line("  %s %s by %s, applied %s", g.Grant, map[bool]string{true: "enabled", false: "withdrawn"}[g.Enabled],
			g.IssuedBy, apikey.Readable(g.AppliedAt))
	}
	line("Proof roots trusted: %d; staff certificates revoked: %d; staff keys trusted by hand in earlier versions: %d",
		len(b.Enablement.Roots), len(b.Enablement.RevokedCerts), b.Enablement.LegacyStaffKeys)
	m := b.Members
	line("Members: %d Owners, %d Admins, %d Team members (%d may manage API keys); %d have a passphrase",
		m.Owners, m.Admins, m.TeamMembers, m.TeamMembersWithKeys, m.WithPassphrase)
	line("Keys:%s", b.keysText())
	return w.String()
}

func (v VaultCheck) text() string {
	if v.Answers {
		return v.Backend + ", answers"
	}
	return fmt.Sprintf("%s, does not answer: %s", v.Backend, v.Problem)
}

func (d Database) text() string {
	if !d.Readable {
		return "cannot be read: " + d.Problem
	}
	chain := "chain intact"
	if !d.AuditChainIntact {
		chain = "chain broken: " + d.AuditProblem
	}
	return fmt.Sprintf("readable; %d audit events, %s", d.AuditEvents, chain)
}

// keysText is a line per environment: "production: 2 in use (1 active, 1 expiring), 3 deleted".
func (b Bundle) keysText() string {
	if len(b.Keys) == 0 {
		return " none"
	}
	envs := make([]string, 0, len(b.Keys))
	for env := range b.Keys {
		envs = append(envs, env)
	}
	slices.Sort(envs)
	var w strings.Builder
	for _, env := range envs {
		n := b.Keys[env]
		active, expiring := n[string(apikey.StandingActive)], n[string(apikey.StandingExpiring)]
		fmt.Fprintf(&w, "\n  %s: %d in use (%d active, %d expiring), %d deleted", env, active+expiring, active, expiring,
			n[string(apikey.StandingDeleted)])
		if p := n[string(apikey.StandingPending)]; p > 0 {
			fmt.Fprintf(&w, ", %d never finished", p)
		}
	}
	return w.String()
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
