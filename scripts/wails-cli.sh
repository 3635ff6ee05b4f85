#!/bin/sh
# Builds the Wails v2.9.2 CLI once into a cache folder and prints its path.
# `go install github.com/wailsapp/wails/v2/cmd/wails@v2.9.2` fails on Go 1.26 (its pinned
# golang.org/x/tools does not compile there), so the CLI is built from a throw-away module
# that raises x/tools. Only `make bindings` needs it: builds and tests use plain `go build`.
set -eu
dir=${WAILS_CLI_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/proofkeys/wails-cli}
bin="$dir/bin/wails"
if [ ! -x "$bin" ]; then
  echo "Building the Wails CLI v2.9.2 into $dir (once; about a minute)" >&2
  mkdir -p "$dir/src"
  cd "$dir/src"
  [ -f go.mod ] || printf 'module wailscli\n\ngo 1.24\n' > go.mod
  printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/wailsapp/wails/v2/cmd/wails"\n' > tools.go
  go get github.com/wailsapp/wails/v2@v2.9.2 golang.org/x/tools@v0.52.0 >&2
  go mod tidy >&2
  go build -o "$bin" github.com/wailsapp/wails/v2/cmd/wails
fi
echo "$bin"
