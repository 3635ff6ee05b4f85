#!/bin/sh
# Installs what proofkeys needs on Debian 12 / Ubuntu 22.04+, and only what is missing:
# the GTK and WebKitGTK 4.1 headers to build, Xvfb and friends to run headless, a Secret
# Service (gnome-keyring) for the tests, Chromium for the end-to-end tests, and the npm
# packages of the frontend. Safe to run again: when all is there it only looks (well under
# a second), so every make target runs it first.
#
# Go (1.26, as go.mod says) and Node.js (20.19 or newer) are not installed here: the
# distribution's own are too old. It says so when they are missing.
#
# Left out on purpose:
# - dbus-x11: with it, every program that opens the keyring without a bus address starts a
#   session bus that never exits. The scripts start their own private bus instead.
# - libwebkit2gtk-4.0-dev: with WebKitGTK 4.1 only, the app is built with -tags webkit2_41
#   (`wails doctor` then warns about 4.0; that warning is harmless).
set -eu

PACKAGES="build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
  xvfb xauth imagemagick x11-utils xdotool xclip
  gnome-keyring libsecret-tools keyutils dbus-daemon dbus-bin
  chromium curl ca-certificates
  shellcheck lintian desktop-file-utils appstream rpm nsis p7zip-full"
# what each group is for: build | headless display, screenshots, window search, clipboard
# reads | the OS vault for tests | the browser of the end-to-end tests (driven by the npm
# package playwright-core with executablePath /usr/bin/chromium; `npx playwright install`
# is not used), and waiting for the dev server | make lint | the release: Debian's checkers
# of the .deb, its menu entry and AppStream file, rpm to read the .rpm, makensis for the
# Windows installer and 7z to list what the installer holds

root=$(cd "$(dirname "$0")/.." && pwd)

# one dpkg-query for all (one per package costs a second and a half)
# shellcheck disable=SC2086
installed=" "$(dpkg-query -W -f='${Package} ${Status}\n' $PACKAGES 2>/dev/null | awk '/ install ok installed$/ { printf "%s ", $1 }')
missing=""
for p in $PACKAGES; do
  case $installed in *" $p "*) ;; *) missing="$missing $p" ;; esac
done

if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: not root and no sudo: install as root:$missing" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

if ! command -v go >/dev/null 2>&1; then
  echo "error: Go is missing. proofkeys needs Go $(sed -n 's/^go //p' "$root/go.mod") or newer:" >&2
  echo "       install it from the Go website and put its bin folder on PATH." >&2
  exit 1
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "error: Node.js 20.19 or newer (with npm) is missing: install it, then run make again." >&2
  exit 1
fi
# Vite 8 needs Node ^20.19 or >=22.12.
node_version=$(node --version)
node_major=${node_version#v}; node_major=${node_major%%.*}
node_minor=${node_version#v*.}; node_minor=${node_minor%%.*}
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "error: Node.js $node_version is too old: the frontend needs 20.19 or newer." >&2
  exit 1
fi

fe="$root/frontend"
if [ -f "$fe/package.json" ]; then
  stamp="$fe/node_modules/.package-lock.json"
  # shellcheck disable=SC3013 # -nt: dash and bash have it
  if [ ! -f "$stamp" ] || [ "$fe/package.json" -nt "$stamp" ] ||
     { [ -f "$fe/package-lock.json" ] && [ "$fe/package-lock.json" -nt "$stamp" ]; }; then
    echo "Installing frontend packages"
    if [ -f "$fe/package-lock.json" ]; then
      (cd "$fe" && npm ci --no-audit --no-fund --loglevel=error)
    else
      (cd "$fe" && npm install --no-audit --no-fund --loglevel=error)
    fi
    touch "$stamp"
  fi
fi
