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

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"proofkeys/backend/cli"
	"proofkeys/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	if len(os.Args) > 1 && cli.Has(os.Args[1]) {
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
	app := NewApp(dir)
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
		OnStartup:      app.startup,
		OnBeforeClose:  app.beforeClose,
		OnShutdown:     app.shutdown,
		Bind:           []any{app},
		ErrorFormatter: formatError,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(dir),
			OnSecondInstanceLaunch: app.secondInstance,
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

// instanceID makes one single-instance lock per data folder, so that two folders (a
// demo and the real one, or parallel tests) can each have their window.
func instanceID(dataDir string) string {
	sum := sha256.Sum256([]byte(dataDir))
	return "com.proofkeys.app.d" + hex.EncodeToString(sum[:8])
}
