#!/bin/sh
# Usage: scripts/release-macos.sh VERSION       (on a Mac: make release-macos)
#
# Makes build/bin/proofkeys.app and dist/proofkeys-macos-universal.zip on macOS 12 or later
# with Xcode's command line tools (xcode-select --install), Go 1.26 and Node.js 20.19+.
# It cannot run on Linux: Wails' macOS window and the Keychain need Apple's SDK. Wails fills
# the bundle's Info.plist from build/darwin/Info.plist and wails.json's info; the icon is
# build/darwin/proofkeys.icns (made from build/appicon.png with png2icns). The app is not
# signed or notarized: the first time, open it with right-click > Open.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

[ $# -eq 1 ] || pk_die "usage: $0 VERSION"
VERSION=$1
[ "$(uname -s)" = Darwin ] || pk_die "make release-macos runs on a Mac only (Wails' macOS build needs Apple's SDK)"
command -v xcrun >/dev/null 2>&1 || pk_die "Xcode's command line tools are missing: run xcode-select --install"
wails=$(scripts/wails-cli.sh)
(cd frontend && npm ci --no-audit --no-fund && npm run build)
"$wails" build -platform darwin/universal -s -m -skipbindings -trimpath -nocolour \
  -ldflags "-X main.version=$VERSION" >&2
app=build/bin/proofkeys.app
cp build/darwin/proofkeys.icns "$app/Contents/Resources/iconfile.icns"
mkdir -p dist
rm -f dist/proofkeys-macos-universal.zip
ditto -c -k --keepParent "$app" dist/proofkeys-macos-universal.zip
echo dist/proofkeys-macos-universal.zip
