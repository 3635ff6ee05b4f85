#!/bin/sh
# Usage: [PK_LDFLAGS="-X main.version=... ..."] scripts/release-windows.sh VERSION
#
# Makes the Windows installer, dist/proofkeys-amd64-installer.exe, the way Wails does it:
# `wails build -platform windows/amd64 -nsis` with the CLI scripts/wails-cli.sh builds and
# Debian's makensis (package nsis). Wails fills build/windows/installer/wails_tools.nsh and
# the Windows resources from wails.json's info (product name, publisher, version,
# copyright) and build/windows/icon.ico; build/windows/installer/project.nsi is ours: its
# uninstall section keeps the data folder (scripts/installer checks it). VERSION goes into
# the binary (proofkeys --version); the installer's own version is wails.json's.
# The frontend must be built already (make release-windows does it).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

[ $# -eq 1 ] || pk_die "usage: $0 VERSION"
VERSION=$1
command -v makensis >/dev/null 2>&1 || pk_die "makensis is missing: run make setup (package nsis)"
[ -f frontend/dist/index.html ] || pk_die "frontend/dist is missing: run make frontend"
wails=$(scripts/wails-cli.sh)

installer=build/bin/proofkeys-amd64-installer.exe
rm -f "$installer"
# wails build writes frontend/wailsjs/runtime again, with the same text but its own file
# modes: put the committed modes back, so the tree stays clean (and the version undirty).
modes=$(for f in frontend/wailsjs/runtime/*; do printf '%s %s\n' "$(stat -c %a "$f")" "$f"; done)
restore_modes() { printf '%s\n' "$modes" | while read -r m f; do [ ! -e "$f" ] || chmod "$m" "$f"; done; }
trap restore_modes EXIT
# -s: the frontend is built already; -m: no go mod tidy; -skipbindings: frontend/wailsjs is
# committed, and generating it would run a Linux build of the app; -trimpath: no build paths
# in the exe.
"$wails" build -platform windows/amd64 -nsis -s -m -skipbindings -trimpath -nocolour \
  -ldflags "${PK_LDFLAGS:--X main.version=$VERSION}" >&2
# Wails only warns when makensis fails to make the installer: check it is there.
[ -s "$installer" ] || pk_die "wails build made no $installer (see its output above)"
mkdir -p dist
cp "$installer" dist/
echo "dist/proofkeys-amd64-installer.exe"
