package main

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"proofkeys/backend/access"
	"proofkeys/backend/apikey"
	"proofkeys/backend/clipboard"
	"proofkeys/backend/inventory"
	"proofkeys/backend/keys"
	"proofkeys/backend/org"
	"proofkeys/backend/store"
	"proofkeys/backend/vault"
)

// App holds the methods the web UI calls. It stays thin: it checks the shape of what the UI
// sends, calls a use case, and turns the result into plain views. Errors reach the UI
// through formatError (errors.go), which says what happened and what to do.
type App struct {
	dataDir string
	desktop desktop

	// Set by open at start-up; openErr is returned by every call when opening failed.
	store     *store.Store
	vault     *vault.Vault
	clipboard secureClipboard
	orgs      *org.Service
	keys      *keys.Service
	openErr   error

	inventory *inventory.Service
	backups   *backups        // daily snapshots (app_backup.go)
	clip      secureClipboard // what open was given, for a reopen after a restore

	mu       sync.Mutex
	memberID string  // who is using the app; set at start-up or by setup
	session  session // sign-in, lock and idle time (app_signin.go)
}

// desktop is the part of Wails' runtime the app uses. Wails' runtime calls log.Fatal with
// a context it did not make, so tests give the App their own desktop.
type desktop interface {
	// Show brings the window to the front.
	Show()
	// SaveFileDialog asks where to save a file; "" when the person cancelled.
	SaveFileDialog(title, defaultName, filterName, pattern string) (string, error)
}

// wailsDesktop is desktop on Wails' runtime.
type wailsDesktop struct{ ctx context.Context }

func (d wailsDesktop) Show() {
	runtime.WindowUnminimise(d.ctx)
	runtime.WindowShow(d.ctx)
}

func (d wailsDesktop) SaveFileDialog(title, defaultName, filterName, pattern string) (string, error) {
	if path, ok := saveDialogStandIn(defaultName); ok {
		return path, nil
	}
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}}})
}

// NewApp returns an App on dataDir; nothing is opened until start-up.
func NewApp(dataDir string) *App { return &App{dataDir: dataDir} }

// startup runs when Wails has made the window. A second instance also runs it before it
// exits; the database lock (store.OpenTimeout) keeps it from touching the data.
func (a *App) startup(ctx context.Context) {
	a.desktop = wailsDesktop{ctx: ctx}
	a.openErr = a.open(clipboard.New())
	if a.openErr != nil {
		log.Printf("start-up: %v", a.openErr)
	} else {
		a.startLifecycle(ctx)
		a.startBackups()
	}
}

// open opens the database and the vault, wires the use cases, and settles what a crash
// left half done.
func (a *App) open(clip secureClipboard) error {
	a.clip = clip
	st, err := store.Open(a.dataDir)
	if err != nil {
		return err
	}
	v, err := vault.New("", a.dataDir)
	if err != nil {
		_ = st.Close()
		return err
	}
	a.store, a.vault, a.clipboard = st, v, clip
	a.orgs = org.New(st)
	a.keys = keys.New(st, v, clip)
	a.inventory = inventory.New(st)
	now := appClock()
	a.orgs.Now, a.keys.Now, a.inventory.Now = now, now, now
	if r, err := a.keys.Recover(); err != nil || r != (keys.Recovered{}) {
		// Not fatal: what could not be settled now is settled at the next start.
		log.Printf("recovery: undid %d, finished %d deletions, error: %v", r.Undone, r.Finished, err)
	}
	a.openLifecycle(clip)
	return nil
}

// beforeClose clears a secret the app left on the clipboard. It runs here, not in
// shutdown, because clearing waits on the GTK thread, which shutdown would deadlock.
func (a *App) beforeClose(context.Context) bool {
	a.stopLifecycle()
	if a.clipboard != nil {
		a.clipboard.ClearIfOwned()
	}
	return false
}

func (a *App) shutdown(context.Context) {
	a.stopBackups()
	if a.store != nil {
		_ = a.store.Close()
	}
}

func (a *App) secondInstance(options.SecondInstanceData) {
	if a.desktop != nil {
		a.desktop.Show()
	}
}

// secureClipboard is where copied secrets go; tests give the App their own.
type secureClipboard interface {
	WriteSecret(secret string) error
	ClearIfOwned() bool
}

// StateView is what the UI needs to draw its frame: who is signed in, in which org,
// and what they may do.
type StateView struct {
	NeedsSetup        bool       `json:"needsSetup"`
	NeedsSignIn       bool       `json:"needsSignIn"` // then Access.SignInChoices lists who may
	OrgID             string     `json:"orgId"`
	OrgName           string     `json:"orgName"`
	Me                MemberView `json:"me"`
	APIAccess         bool       `json:"apiAccess"`
	CanManageKeys     bool       `json:"canManageKeys"`
	PayerInvoice      bool       `json:"payerInvoice"`
	PayerOrganization bool       `json:"payerOrganization"`
	DataDir           string     `json:"dataDir"`
	VaultBackend      string     `json:"vaultBackend"`
	Access            AccessView `json:"access"` // roles, sign-in and enablement (app_signin.go)
}

// MemberView is a member as the UI shows it.
type MemberView struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Role  string `json:"role"`
}

// KeyView is a key as the list shows it: never the secret, only its hint.
type KeyView struct {
	ID          string          `json:"id"`
	Environment string          `json:"environment"`
	Hint        string          `json:"hint"`
	CreatedAt   string          `json:"createdAt"` // RFC 3339
	CreatedBy   string          `json:"createdBy"` // the member's name
	Settings    apikey.Settings `json:"settings"`

	// A replace's links and grace period, and the rotation flag (app_lifecycle.go).
	ExpiresAt       string `json:"expiresAt,omitempty"` // RFC 3339: the old key is deleted then
	ReplacedBy      string `json:"replacedBy,omitempty"`
	ReplacedByLabel string `json:"replacedByLabel,omitempty"`
	Replaces        string `json:"replaces,omitempty"`
	ReplacesLabel   string `json:"replacesLabel,omitempty"`
	RotationDue     bool   `json:"rotationDue"`
}

// SetupInput is the first-run form.
type SetupInput struct {
	OrgName string `json:"orgName"`
	Name    string `json:"name"`
	Email   string `json:"email"`
}

// GetState tells the UI whether to show the first-run setup or the app, and for whom.
func (a *App) GetState() (StateView, error) {
	if a.openErr != nil {
		return StateView{}, a.openErr
	}
	o, me, err := a.orgs.Current(a.member())
	if errors.Is(err, org.ErrNotSetUp) {
		return StateView{NeedsSetup: true, DataDir: a.dataDir, VaultBackend: a.vault.Backend()}, nil
	}
	if errors.Is(err, org.ErrSignInNeeded) {
		return a.signInState()
	}
	if err != nil {
		return StateView{}, err
	}
	a.setMember(me.ID)
	return a.stateOf(o, me), nil
}

// SetUp creates the organization and makes the person its Owner.
func (a *App) SetUp(in SetupInput) (StateView, error) {
	if a.openErr != nil {
		return StateView{}, a.openErr
	}
	o, me, err := a.orgs.Setup(in.OrgName, in.Name, in.Email)
	if err != nil {
		return StateView{}, err
	}
	a.setMember(me.ID)
	return a.stateOf(o, me), nil
}

// ListKeys lists the live keys of one environment, newest last.
func (a *App) ListKeys(env string) ([]KeyView, error) {
	e, err := a.environment(env)
	if err != nil {
		return nil, err
	}
	list, err := a.keys.List(a.member(), e)
	if err != nil {
		return nil, err
	}
	view := a.keyViewer()
	views := make([]KeyView, 0, len(list))
	for _, k := range list {
		views = append(views, view(k))
	}
	return views, nil
}

// GenerateKey makes a full-access key with default settings in env.
func (a *App) GenerateKey(env string) (KeyView, error) {
	e, err := a.environment(env)
	if err != nil {
		return KeyView{}, err
	}
	k, err := a.keys.Generate(a.member(), e)
	if err != nil {
		return KeyView{}, err
	}
	return a.keyView(k), nil
}

// SaveKeySettings validates and saves the settings of a key. Invalid fields come back as
// an error whose fields map names each one.
func (a *App) SaveKeySettings(id string, s apikey.Settings) (KeyView, error) {
	if a.openErr != nil {
		return KeyView{}, a.openErr
	}
	k, err := a.keys.Configure(a.member(), id, s)
	if err != nil {
		return KeyView{}, err
	}
	return a.keyView(k), nil
}

// CopyKey puts the key's secret on the system clipboard. The secret goes from the vault
// to the clipboard in Go; the UI only learns that it worked, and when Go will clear it.
func (a *App) CopyKey(id string) (CopyView, error) {
	if a.openErr != nil {
		return CopyView{}, a.openErr
	}
	after, err := a.keys.Copy(a.member(), id)
	return CopyView{ClearAfterSeconds: int(after / time.Second)}, err
}

// DeleteKey deletes the key from the vault and marks it deleted.
func (a *App) DeleteKey(id string) error {
	if a.openErr != nil {
		return a.openErr
	}
	return a.keys.Delete(a.member(), id)
}

// environment checks the start-up and the environment name every key call sends.
func (a *App) environment(env string) (apikey.Environment, error) {
	if a.openErr != nil {
		return "", a.openErr
	}
	return apikey.ParseEnvironment(env)
}

func (a *App) member() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.session.idle() {
		a.memberID = "" // auto-lock: the next call finds nobody signed in
	}
	a.session.touch()
	return a.memberID
}

func (a *App) setMember(id string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.memberID = id
}

func (a *App) stateOf(o access.Org, me access.Member) StateView {
	e := o.Enablement
	return a.withAccess(o, me, StateView{
		OrgID: o.ID, OrgName: o.Name,
		Me:                MemberView{ID: me.ID, Name: me.Name, Email: me.Email, Role: string(me.Role)},
		APIAccess:         e.APIAccess,
		CanManageKeys:     access.Can(me, e, access.ManageKeys) == nil,
		PayerInvoice:      e.PayerInvoice,
		PayerOrganization: e.PayerOrganization,
		DataDir:           a.dataDir,
		VaultBackend:      a.vault.Backend(),
	})
}

func (a *App) keyView(k apikey.Key) KeyView { return a.keyViewer()(k) }

// keyViewer returns a function that turns keys into views. What keys share (the rotation
// policy, the names of members and of linked keys) it reads once per list, not per key.
func (a *App) keyViewer() func(apikey.Key) KeyView {
	rotationDays := 0 // off, if the policy cannot be read
	if p, err := a.orgs.Policies(); err == nil {
		rotationDays = p.RotationDays
	}
	now := a.keys.Now()
	member := cached(a.orgs.MemberName)
	label := cached(a.keys.Label)
	return func(k apikey.Key) KeyView {
		v := KeyView{
			ID:          k.ID,
			Environment: string(k.Environment),
			Hint:        k.Hint(),
			CreatedAt:   k.CreatedAt.UTC().Format(time.RFC3339),
			CreatedBy:   member(k.CreatedBy),
			Settings:    k.Settings,
			RotationDue: k.DueForRotation(rotationDays, now),
		}
		if !k.ExpiresAt.IsZero() {
			v.ExpiresAt = k.ExpiresAt.UTC().Format(time.RFC3339)
		}
		v.ReplacedBy, v.ReplacedByLabel = k.ReplacedBy, label(k.ReplacedBy)
		v.Replaces, v.ReplacesLabel = k.Replaces, label(k.Replaces)
		return v
	}
}

// cached remembers lookup's answer per ID for the life of one call.
func cached(lookup func(id string) string) func(string) string {
	seen := map[string]string{}
	return func(id string) string {
		v, ok := seen[id]
		if !ok {
			v = lookup(id)
			seen[id] = v
		}
		return v
	}
}
