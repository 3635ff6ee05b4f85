package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"proofkeys/backend/store"
	"proofkeys/backend/ui"
)

// app is the Wails hooks around the UI: it starts the UI when the window exists, clears
// the clipboard before the window closes, and stops it at shutdown.
type app struct{ ui *ui.UI }

// startup runs when Wails has made the window. The page's first calls wait for it. A
// second instance that the single-instance lock could not see (another session bus) finds
// the database locked: its page says proofkeys is already open, and it touches no data.
func (a app) startup(ctx context.Context) {
	if err := a.ui.Start(ctx, wailsDesktop{ctx: ctx}); errors.Is(err, store.ErrInUse) {
		fmt.Fprintln(os.Stderr, "proofkeys is already open: switch to its window.")
	}
}

// beforeClose clears a secret the app left on the clipboard. It runs here, not in
// shutdown, because clearing waits on the GTK thread, which shutdown would deadlock.
func (a app) beforeClose(context.Context) bool {
	a.ui.BeforeClose()
	return false
}

func (a app) shutdown(context.Context) { a.ui.Stop() }

func (a app) secondInstance(options.SecondInstanceData) { a.ui.SecondInstance() }

// wailsDesktop is ui.Desktop on Wails' runtime.
type wailsDesktop struct{ ctx context.Context }

func (d wailsDesktop) Show() {
	runtime.WindowUnminimise(d.ctx)
	runtime.WindowShow(d.ctx)
}

func (d wailsDesktop) ChooseFolder(title string) (string, error) {
	if dir, ok := folderDialogStandIn(); ok {
		return dir, nil
	}
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title})
}

func (d wailsDesktop) SaveFileDialog(title, defaultName, filterName, pattern string) (string, error) {
	if path, ok := saveDialogStandIn(defaultName); ok {
		return path, nil
	}
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}}})
}

func (d wailsDesktop) CopyText(text string) error {
	return runtime.ClipboardSetText(d.ctx, text)
}

func (d wailsDesktop) Emit(event string) { runtime.EventsEmit(d.ctx, event) }
