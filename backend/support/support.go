package support

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/enablement"
	"proofkeys/backend/store"
)

// Store is the database (store.Store in the app).
type Store interface {
	View(func(*store.Tx) error) error
}

// Vault is the credential vault, probed with a throwaway item.
type Vault interface {
	Backend() string
	Set(id, secret, label string) error
	Get(id string) (string, error)
	Delete(id string) error
}

// Bundle is the support bundle. Its JSON is the file a person sends.
type Bundle struct {
	Format       string       `json:"format"`
	GeneratedAt  time.Time    `json:"generatedAt"`
	App          App          `json:"app"`
	Vault        VaultCheck   `json:"vault"`
	Database     Database     `json:"database"`
	Organization Organization `json:"organization"`
	Enablement   Enablement   `json:"enablement"`
	Members      Members      `json:"members"`
	// Keys counts keys by environment, then by standing (apikey.Standing: active,
	// expiring, deleted, pending), as the Inventory page and the exports count them.
	Keys map[string]map[string]int `json:"keys"`
}

// App is the build that made the bundle: which proofkeys, on which Go and system.
type App struct {
	Version   string `json:"version"`
	GoVersion string `json:"goVersion"`
	OS        string `json:"os"`
	Arch      string `json:"arch"`
}

// VaultCheck is the credential vault in use and whether it answers.
type VaultCheck struct {
	Backend string `json:"backend"`
	// Answers: a throwaway secret could be written, read back and removed.
	Answers bool   `json:"answers"`
	Problem string `json:"problem,omitempty"`
}

// Database says whether the data file reads, and whether its audit history is whole.
type Database struct {
	Readable bool   `json:"readable"`
	Problem  string `json:"problem,omitempty"`
	// AuditEvents and AuditChainIntact say whether the history is whole.
	AuditEvents      int    `json:"auditEvents"`
	AuditChainIntact bool   `json:"auditChainIntact"`
	AuditProblem     string `json:"auditProblem,omitempty"`
}

// Organization is the organization of the data folder and its policies.
type Organization struct {
	SetUp     bool      `json:"setUp"`
	ID        string    `json:"id,omitempty"`
	Name      string    `json:"name,omitempty"`
	Demo      bool      `json:"demo"`
	CreatedAt time.Time `json:"createdAt,omitzero"`
	// AutoLockMinutes and RotationDays are the org's policies.
	AutoLockMinutes int `json:"autoLockMinutes"`
	RotationDays    int `json:"rotationDays"`
}

// Enablement is what Proof has enabled, and the roots and certificates behind it.
type Enablement struct {
	APIAccess         bool `json:"apiAccess"`
	PayerInvoice      bool `json:"payerInvoice"`
	PayerOrganization bool `json:"payerOrganization"`
	// Latest is the newest code's word on each grant.
	Latest []Grant `json:"latest"`
	// Roots are the Proof roots codes are checked against (a demo's own root marked Demo).
	Roots []Root `json:"roots"`
	// RevokedCerts are the staff certificates Proof has revoked, as far as the org has heard.
	RevokedCerts []string `json:"revokedCerts"`
	// LegacyStaffKeys counts staff keys an Owner trusted by hand in earlier versions.
	LegacyStaffKeys int `json:"legacyStaffKeys"`
}

// Grant is Proof's latest word on one grant: who issued it, under which certificate, and when it was applied.
type Grant struct {
	Grant     string    `json:"grant"`
	Enabled   bool      `json:"enabled"`
	IssuedBy  string    `json:"issuedBy"`
	KeyID     string    `json:"keyId"`
	CertID    string    `json:"certId"`
	CodeID    string    `json:"codeId"`
	IssuedAt  time.Time `json:"issuedAt"`
	AppliedAt time.Time `json:"appliedAt"`
}

// Root is a Proof root key codes are checked against (a demo's own root marked Demo).
type Root struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Demo bool   `json:"demo"`
}

// Members counts the members by role, never naming them.
type Members struct {
	Owners              int `json:"owners"`
	Admins              int `json:"admins"`
	TeamMembers         int `json:"teamMembers"`
	TeamMembersWithKeys int `json:"teamMembersWithManageApiKeys"`
	WithPassphrase      int `json:"withPassphrase"`
}

// Make gathers the bundle. It never fails: what it cannot read is reported in the bundle,
// since a broken database or vault is exactly what the CSM needs to see.
func Make(st Store, v Vault, version string, now time.Time) Bundle {
	b := Bundle{
		Format: "proofkeys-support-1", GeneratedAt: now.UTC(),
		App:   App{Version: version, GoVersion: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH},
		Vault: probe(v),
		Keys:  map[string]map[string]int{},
	}
	if st == nil {
		b.Database.Problem = "the database did not open"
		return b
	}
	err := st.View(func(tx *store.Tx) error { return b.read(tx) })
	b.Database.Readable = err == nil
	if err != nil {
		b.SetDatabaseProblem(err)
	}
	return b
}

// SetDatabaseProblem records why the database could not be read, without the paths an
// error may name: the home folder is replaced by "~", since it holds the OS user's name.
func (b *Bundle) SetDatabaseProblem(err error) {
	b.Database.Problem = withoutHome(err.Error())
}

// withoutHome replaces the home folder in s by "~".
func withoutHome(s string) string {
	home, err := os.UserHomeDir()
	if err != nil || len(home) < 2 {
		return s
	}
	return strings.ReplaceAll(s, home, "~")
}

// JSON is the bundle as the file holds it.
func (b Bundle) JSON() []byte {
	raw, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		panic("support: bundle cannot be encoded: " + err.Error()) // plain fields only
	}
	return append(raw, '\n')
}

// FileName is the name a saved bundle is offered under.
func (b Bundle) FileName() string {
	return "proofkeys-support-" + b.GeneratedAt.Format("20060102-150405") + ".json"
}

func (b *Bundle) read(tx *store.Tx) error {
	log, err := tx.AuditLog()
	if err != nil {
		return err
	}
	b.Database.AuditEvents = len(log.Events)
	if err := log.Verify(); err != nil {
		b.Database.AuditProblem = err.Error()
	} else {
		b.Database.AuditChainIntact = true
	}
	o, err := tx.Org()
	if errors.Is(err, store.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	b.Organization = Organization{SetUp: true, ID: o.ID, Name: o.Name, Demo: o.Demo, CreatedAt: o.CreatedAt,
		AutoLockMinutes: o.Settings.AutoLockMinutes, RotationDays: o.Settings.RotationDays}
	b.Enablement = enablementOf(o)
	members, err := tx.Members()
	if err != nil {
		return err
	}
	b.Members = count(members)
	keys, err := tx.Keys(func(apikey.Key) bool { return true })
	for _, k := range keys {
		env := string(k.Environment)
		if b.Keys[env] == nil {
			b.Keys[env] = map[string]int{}
		}
		b.Keys[env][string(k.Standing())]++
	}
	return err
}

func enablementOf(o access.Org) Enablement {
	e := Enablement{APIAccess: o.Enablement.APIAccess, PayerInvoice: o.Enablement.PayerInvoice,
		PayerOrganization: o.Enablement.PayerOrganization, Latest: []Grant{}, Roots: []Root{},
		RevokedCerts: []string{}, LegacyStaffKeys: len(o.StaffKeys)}
	for _, g := range enablement.Current(o) {
		e.Latest = append(e.Latest, Grant{Grant: string(g.Grant), Enabled: g.Enabled, IssuedBy: g.IssuedBy,
			KeyID: g.KeyID, CertID: g.CertID, CodeID: g.CodeID, IssuedAt: g.IssuedAt, AppliedAt: g.AppliedAt})
	}
	for _, r := range enablement.TrustFor(o, enablement.Roots()).Roots {
		e.Roots = append(e.Roots, Root{ID: r.ID, Name: r.Name, Demo: r.Demo})
	}
	for _, r := range o.Revocations {
		e.RevokedCerts = append(e.RevokedCerts, r.CertID)
	}
	return e
}

func count(members []access.Member) Members {
	var c Members
	for _, m := range members {
		switch m.Role {
		case access.Owner:
			c.Owners++
		case access.Admin:
			c.Admins++
		case access.TeamMember:
			c.TeamMembers++
			if m.ManageAPIKeys {
				c.TeamMembersWithKeys++
			}
		}
		if m.Passphrase != nil {
			c.WithPassphrase++
		}
	}
	return c
}

// probe writes, reads back and removes a throwaway item: the only sure way to know the
// vault answers (a locked keyring opens fine and fails at the first write).
func probe(v Vault) VaultCheck {
	if v == nil {
		return VaultCheck{Problem: "no vault: the chosen backend is unknown (PROOFKEYS_VAULT)"}
	}
	c := VaultCheck{Backend: v.Backend()}
	nonce := make([]byte, 8)
	_, _ = rand.Read(nonce)
	id, value := "support-probe-"+hex.EncodeToString(nonce), "probe"
	if err := v.Set(id, value, "proofkeys support check (removed at once)"); err != nil {
		c.Problem = fmt.Sprintf("write: %v", err)
		return c
	}
	got, err := v.Get(id)
	if err != nil || got != value {
		c.Problem = fmt.Sprintf("read back: %v", err)
	}
	if err := v.Delete(id); err != nil && c.Problem == "" {
		c.Problem = fmt.Sprintf("remove: %v", err)
	}
	c.Answers = c.Problem == ""
	c.Problem = withoutHome(c.Problem)
	return c
}
