#!/bin/sh
# Usage: scripts/check-windows-installer.sh INSTALLER     (make test-windows)
#
# Checks the Windows installer made by scripts/release-windows.sh: its size is that of an
# installer that holds the app; 7z lists proofkeys.exe and the uninstaller in it; the
# proofkeys.exe it holds is byte for byte the one just built; the file properties of both
# name proofkeys and wails.json's productVersion; and the installer script
# it was compiled from keeps the data folder when uninstalling (go test ./scripts/installer).
# The installer itself is not run: that needs Windows.
#
# Env: INSTALLER_MIN_MB (4) and INSTALLER_MAX_MB (40): the size it must lie between.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

[ $# -eq 1 ] || pk_die "usage: $0 INSTALLER"
INSTALLER=$1
MIN=${INSTALLER_MIN_MB:-4}
MAX=${INSTALLER_MAX_MB:-40}
[ -s "$INSTALLER" ] || pk_die "$INSTALLER is missing: run make release-windows"
command -v 7z >/dev/null 2>&1 || pk_die "7z is missing: run make setup (package p7zip-full)"
command -v strings >/dev/null 2>&1 || pk_die "strings is missing: run make setup (package binutils, with build-essential)"
say() { printf 'test-windows: %s\n' "$*"; }
pk_init

bytes=$(wc -c <"$INSTALLER")
say "$INSTALLER: $bytes bytes"
[ "$bytes" -ge $((MIN * 1024 * 1024)) ] || pk_die "the installer is under $MIN MB: it cannot hold the app"
[ "$bytes" -le $((MAX * 1024 * 1024)) ] || pk_die "the installer is over $MAX MB"

7z l "$INSTALLER" >"$PK_TMP/list" || pk_die "7z cannot read $INSTALLER"
for f in proofkeys.exe uninstall.exe; do
  grep -q " $f\$" "$PK_TMP/list" || { cat "$PK_TMP/list" >&2; pk_die "the installer holds no $f"; }
done
7z e -o"$PK_TMP/x" "$INSTALLER" proofkeys.exe >/dev/null
cmp -s "$PK_TMP/x/proofkeys.exe" build/bin/proofkeys.exe ||
  pk_die "the proofkeys.exe in the installer is not build/bin/proofkeys.exe"
say "it holds proofkeys.exe ($(wc -c <"$PK_TMP/x/proofkeys.exe") bytes, the one just built) and uninstall.exe"

# the Windows file properties, from wails.json's info
product=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
for f in "$INSTALLER" build/bin/proofkeys.exe; do
  strings -el "$f" >"$PK_TMP/strings"
  grep -A1 -x ProductName "$PK_TMP/strings" | grep -qx proofkeys || pk_die "$f: its file properties do not name the product proofkeys"
  grep -A1 -x ProductVersion "$PK_TMP/strings" | grep -qx "$product" ||
    pk_die "$f: its file properties do not say version $product (wails.json's productVersion)"
done
say "the installer's and the app's file properties say proofkeys $product"

go test -count=1 ./scripts/installer
say "the uninstall section keeps the data folder (go test ./scripts/installer)"
say "1 passed, 0 failed"
