// Command proofkeys is a desktop app that manages an organization's Proof API keys:
// secrets in the OS credential vault, everything else in a local database, and a web UI
// in a native window.
package main

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	goruntime "runtime"
	"strings"

	"github.com/godbus/dbus/v5"
	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"proofkeys/backend/cli"
	"proofkeys/backend/clipboard"
	"proofkeys/backend/lazygui"
	"proofkeys/backend/store"
	"proofkeys/backend/ui"
)

// version is the app's version, set by the Makefile from `git describe` with
// -ldflags "-X main.version=..."; a build outside git says dev.
var version = "dev"

//go:embed all:frontend/dist
var assets embed.FS

// icon is the window's icon: build/appicon.png at 128 px and 8 bits a channel
// (convert build/appicon.png -resize 128x128 -depth 8 -strip build/linux/window-icon.png).
// GTK decoded the 512 px, 16-bit original before showing the window, which then appeared
// 55 ms later. A window's icon is drawn small (title and task bars); the large sizes come
// from the icons the package installs, made from the original.
//
//go:embed build/linux/window-icon.png
var icon []byte

func main() {
	if cli.Wants(os.Args[1:]) {
		os.Exit(cli.Run(cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version}, os.Args[1:]))
	}
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "proofkeys:", err)
		os.Exit(1)
	}
}

// run parses the app's own flags with its own FlagSet: Wails' dev build reads the global
// flags, and nothing before wails.Run may have side effects (`wails generate` runs it).
func run(args []string) error {
	flags := flag.NewFlagSet("proofkeys", flag.ContinueOnError)
	dataDir := flags.String("data-dir", "", "folder of the database (default: "+store.DefaultDir()+")")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	dir, err := store.ResolveDir(*dataDir)
	if err != nil {
		return err
	}
	if err := needDisplay(); err != nil {
		return err
	}
	// GTK and WebKit are opened here, not before main: a command never needs them.
	if err := lazygui.Load(); err != nil {
		return err
	}
	if alreadyOpen(instanceID(dir)) {
		// Wails hands the window to the first instance and exits 1 without a word.
		fmt.Fprintln(os.Stderr, "proofkeys is already open on this data folder: its window is brought to the front.")
	}
	u := ui.New(dir, ui.Options{Clipboard: clipboard.New(), Clock: appClock(), Version: version})
	a := app{ui: u}
	return wails.Run(&options.App{
		Title:     "proofkeys",
		Width:     1180,
		Height:    760,
		MinWidth:  860,
		MinHeight: 560,
		AssetServer: &assetserver.Options{
			Assets:     assets,
			Middleware: securityHeaders,
		},
		OnStartup:      a.startup,
		OnBeforeClose:  a.beforeClose,
		OnShutdown:     a.shutdown,
		Bind:           u.Bindings(),
		ErrorFormatter: ui.FormatError,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(dir),
			OnSecondInstanceLaunch: a.secondInstance,
		},
		Linux: &linux.Options{
			ProgramName: "proofkeys",
			Icon:        icon,
			// A page of forms and tables gains nothing from GPU compositing, which costs the
			// web process tens of megabytes (docs/BENCHMARKS.md).
			WebviewGpuPolicy: linux.WebviewGpuPolicyNever,
		},
	})
}

// alreadyOpen reports whether another proofkeys holds the single-instance lock of id on
// the session bus. The name is the one Wails' Linux lock asks for; without a bus (and on
// other systems, whose locks are not on D-Bus) it says no, and Wails decides alone.
func alreadyOpen(id string) bool {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	name := "org.wails_app_" + strings.NewReplacer("-", "_", ".", "_").Replace(id) + ".SingleInstance"
	var owned bool
	return conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&owned) == nil && owned
}

// instanceID makes one single-instance lock per data folder, so that two folders (a
// demo and the real one, or parallel tests) can each have their window.
func instanceID(dataDir string) string {
	sum := sha256.Sum256([]byte(dataDir))
	return "com.proofkeys.app.d" + hex.EncodeToString(sum[:8])
}

// needDisplay says in one line that the window needs a desktop session, where GTK would
// otherwise panic with a stack trace. `wails generate module` runs this binary to read
// the bound methods, with tsprefix set, and needs no display.
func needDisplay() error {
	if _, bindings := os.LookupEnv("tsprefix"); bindings {
		return nil
	}
	if goruntime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no desktop session here (DISPLAY and WAYLAND_DISPLAY are unset): " +
			"start proofkeys from your desktop, or run a command (proofkeys help)")
	}
	return nil
}
