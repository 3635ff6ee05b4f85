#!/bin/sh
# Usage: scripts/e2e.sh [TEST.e2e.mjs ...]     (default: every frontend/e2e/*.e2e.mjs)
#
# End-to-end tests in headless Chromium against the app's dev build (build/bin/proofkeys-dev,
# `make build-dev`), which serves frontend/dist and the real bound Go methods. For each test
# file it starts a fresh app: a new temporary HOME and data folder, on a private Xvfb (the
# native window and the clipboard live there), a private session bus and an unlocked
# gnome-keyring (the real Secret Service vault). Each test gets WAILS_URL and APP_DISPLAY.
# Everything started here is stopped again, also on failure or Ctrl-C; on failure the app's
# log is printed and kept in build/e2e-app.log.
#
# Each test also gets E2E_ROOT_KEY, the --key-name of a Proof root key in that vault which
# the dev build trusts (PROOFKEYS_DEV_ROOTS), to certify staff keys with.
#
# Env: E2E_BIN (default build/bin/proofkeys-dev), PORT (default: a free port),
#      CHROMIUM_PATH (default /usr/bin/chromium), PK_KEEP=1 keeps the temporary folder.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

BIN=${E2E_BIN:-build/bin/proofkeys-dev}
[ -x "$BIN" ] || pk_die "$BIN is missing: run make build-dev"
[ -d frontend/node_modules/playwright-core ] || pk_die "frontend/node_modules has no playwright-core: run make setup"
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || pk_die "no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}: run make setup"
if [ $# -eq 0 ]; then
  set -- frontend/e2e/*.e2e.mjs
  [ -f "$1" ] || pk_die "no tests in frontend/e2e/"
fi

pk_init
# temporary files of the browser and WebKit go with the rest, and are removed with it
pk_private_home
pk_start_xvfb
pk_start_keyring
mkdir -p build

# A Proof root for this run, in the private vault: the dev build trusts it through
# PROOFKEYS_DEV_ROOTS (a release build never reads that), and the tests certify their
# staff keys with it (`csm certify --key-name "$E2E_ROOT_KEY"`, frontend/e2e/proof-staff.mjs).
E2E_ROOT_KEY=e2e-root
PROOFKEYS_DEV_ROOTS=$("$BIN" csm root-keygen --name "End-to-end test root" --key-name "$E2E_ROOT_KEY" 2>/dev/null) ||
  pk_die "$BIN csm root-keygen failed"
export E2E_ROOT_KEY PROOFKEYS_DEV_ROOTS

failed=0
n=0
for test in "$@"; do
  n=$((n + 1))
  PROOFKEYS_DATA_DIR="$PK_TMP/data$n"
  # the dev build's save dialog answers with a file in this folder (app_dialog_dev.go)
  PROOFKEYS_SAVE_DIALOG_DIR="$PK_TMP/saved$n"
  mkdir -p "$PROOFKEYS_SAVE_DIALOG_DIR"
  # a test that writes a duration ("745h") here moves the dev build's clock ahead (app_clock_dev.go)
  PROOFKEYS_CLOCK_FILE="$PK_TMP/clock$n"
  # the dev build's folder picker answers with this folder, where a test plants files (standin_dev.go)
  PROOFKEYS_FOLDER_DIALOG_DIR="$PK_TMP/folder$n"
  mkdir -p "$PROOFKEYS_FOLDER_DIALOG_DIR"
  export PROOFKEYS_DATA_DIR PROOFKEYS_SAVE_DIALOG_DIR PROOFKEYS_CLOCK_FILE PROOFKEYS_FOLDER_DIALOG_DIR
  port=${PORT:-$(pk_free_port)}
  log="$PK_TMP/app$n.log"
  echo "== $test (app on http://127.0.0.1:$port, DISPLAY=$DISPLAY)"
  pk_start_dev_app "$BIN" "$port" "$log"
  rc=0
  pk_run env WAILS_URL="http://127.0.0.1:$port" APP_DISPLAY="$DISPLAY" E2E_BIN="$BIN" node "$test" || rc=$?
  # the app must still be running: a crash during the test is a failure too
  if ! pk_alive "$PK_APP_PID"; then
    echo "the app exited during the test" >&2
    rc=1
  fi
  pk_stop "$PK_APP_PID" 50 || true
  pk_untrack "$PK_APP_PID"
  if [ "$rc" -ne 0 ]; then
    failed=$((failed + 1))
    cp "$log" build/e2e-app.log
    echo "---- app log ($test), also in build/e2e-app.log ----" >&2
    cat "$log" >&2
    echo "---- end of app log ----" >&2
  fi
done
[ "$failed" -eq 0 ] || { echo "e2e: $failed of $n test files failed" >&2; exit 1; }
