package ui

import (
	"context"
	"sync"
	"time"
)

// Desktop is the part of the window the bound methods use. Wails' runtime calls log.Fatal
// with a context it did not make, so tests give the UI their own Desktop.
type Desktop interface {
	// Show brings the window to the front.
	Show()
	// SaveFileDialog asks where to save a file; "" when the person cancelled.
	SaveFileDialog(title, defaultName, filterName, pattern string) (string, error)
	// CopyText puts a text that is no secret on the clipboard (Session.CopyText).
	CopyText(text string) error
	// ChooseFolder asks for a folder; "" when the person cancelled.
	ChooseFolder(title string) (string, error)
	// Emit sends the page an event without data (EventOrgChanged).
	Emit(event string)
}

// Clipboard is where copied secrets go: the secure clipboard of backend/clipboard in the
// app, a stand-in in tests.
type Clipboard interface {
	WriteSecret(secret string) error
	ClearIfOwned() bool
}

// Options are what the UI is given from outside: the clock and the clipboard so tests
// control them, and the version the support bundle reports.
type Options struct {
	// Clipboard receives copied secrets. Required.
	Clipboard Clipboard
	// Clock is the time the use cases run on; nil is the real clock.
	Clock func() time.Time
	// Version is the app's version, as the support bundle and the About line show it.
	Version string
	// StartWait bounds how long a call waits for start-up before it is told the app is
	// still starting; zero means DefaultStartWait.
	StartWait time.Duration
	// ReadAheadAfter is how long after the API Keys list's first screen the rest of the
	// list is read ahead; zero means DefaultReadAheadAfter.
	ReadAheadAfter time.Duration
}

// DefaultStartWait is how long a call made during start-up waits for it. Opening waits at
// most a second for the database lock, and recovery is quick, so this is generous.
const DefaultStartWait = 15 * time.Second

// DefaultReadAheadAfter leaves the page the time to build and draw the first screen (130
// to 250 ms after Go's answer on a two-core machine) before the rest of the list is read.
// Read beside it, even at low priority, the list made that screen come about 25 ms later
// (docs/BENCHMARKS.md).
const DefaultReadAheadAfter = time.Second

// UI is every struct the window binds, over one shared core.
type UI struct {
	Session   *Session
	Keys      *Keys
	Members   *Members
	Org       *Org
	Audit     *Audit
	Inventory *Inventory
	Snapshots *Snapshots
	Support   *Support
	Scan      *Scan

	core *core
}

// New returns the UI of the data folder dataDir. Nothing is opened until Start.
func New(dataDir string, opt Options) *UI {
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	if opt.StartWait == 0 {
		opt.StartWait = DefaultStartWait
	}
	if opt.ReadAheadAfter == 0 {
		opt.ReadAheadAfter = DefaultReadAheadAfter
	}
	c := &core{dataDir: dataDir, opt: opt, ready: make(chan struct{})}
	return &UI{
		Session: &Session{c}, Keys: &Keys{c}, Members: &Members{c}, Org: &Org{c},
		Audit: &Audit{c}, Inventory: &Inventory{c}, Snapshots: &Snapshots{c}, Support: &Support{c},
		Scan: &Scan{c: c}, core: c,
	}
}

// Bindings are the structs whose methods the window may call.
func (u *UI) Bindings() []any {
	return []any{u.Session, u.Keys, u.Members, u.Org, u.Audit, u.Inventory, u.Snapshots, u.Support, u.Scan}
}

// Start opens the data folder and the vault, settles what a crash left half done, and
// starts the background work. Calls made meanwhile wait for it. It returns why opening
// failed, if it did; the page then shows the database-problem screen.
func (u *UI) Start(ctx context.Context, d Desktop) error {
	c := u.core
	c.desktop, c.startCtx = d, ctx
	err := c.openAndStart(ctx)
	close(c.ready)
	return err
}

// BeforeClose stops the clipboard timer and clears a secret the app left on the
// clipboard. Clearing waits on the GTK thread, so it runs before the window closes, not
// at shutdown, which would deadlock.
func (u *UI) BeforeClose() {
	u.core.background.stopClearTimer()
	u.core.opt.Clipboard.ClearIfOwned()
}

// Stop stops a running scan, ends the background work and closes the database.
func (u *UI) Stop() {
	u.Scan.stop()
	u.core.close()
}

// SecondInstance brings the window to the front when proofkeys is started again.
func (u *UI) SecondInstance() {
	if u.core.desktop != nil {
		u.core.desktop.Show()
	}
}

// core is what every bound struct shares: the data folder, the opened services behind
// their door, the background work, and who is signed in.
type core struct {
	dataDir string
	opt     Options
	desktop Desktop
	// startCtx is the window's context, for the background work of a reopen after a restore.
	startCtx context.Context

	ready chan struct{} // closed when the first start-up has finished, well or not

	mu      sync.Mutex // guards svc and openErr, which a restore replaces
	svc     *services
	openErr error

	background background
	session    session
}
