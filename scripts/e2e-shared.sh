#!/bin/sh
# Usage: scripts/e2e-shared.sh
#
# End-to-end test of a shared organization (frontend/e2e/shared-two-desktops.mjs): two dev
# builds, each a computer of its own (its own HOME, data folder, session bus and unlocked
# gnome-keyring Secret Service), on one private Xvfb, and the server build, which the test
# starts, stops and starts again itself on free ports of 127.0.0.1. Everything started
# here is stopped again, also on failure; on failure both apps' logs are printed.
#
# Env: E2E_BIN (default build/bin/proofkeys-dev), SERVER_BIN (default
#      build/bin/proofkeys-server, `go build -tags server`), E2E_ROUNDS (default 20),
#      CHROMIUM_PATH, PK_KEEP=1 keeps the temporary folder.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

BIN=${E2E_BIN:-build/bin/proofkeys-dev}
SERVER_BIN=${SERVER_BIN:-build/bin/proofkeys-server}
[ -x "$BIN" ] || pk_die "$BIN is missing: run make build-dev"
[ -x "$SERVER_BIN" ] || pk_die "$SERVER_BIN is missing: go build -tags server -o $SERVER_BIN ."
[ -d frontend/node_modules/playwright-core ] || pk_die "frontend/node_modules has no playwright-core: run make setup"

pk_init
pk_private_home
pk_start_xvfb

# Each computer: its own HOME (WebKit's files), bus and Secret Service, and data folder.
url_a='' url_b=''
for who in a b; do
  HOME="$PK_TMP/home-$who"
  XDG_RUNTIME_DIR="$HOME/run"
  export HOME XDG_RUNTIME_DIR
  pk_start_keyring
  PROOFKEYS_DATA_DIR="$PK_TMP/data-$who"
  export PROOFKEYS_DATA_DIR
  port=$(pk_free_port)
  pk_start_dev_app "$BIN" "$port" "$PK_TMP/app-$who.log"
  if [ "$who" = a ]; then url_a="http://127.0.0.1:$port"; else url_b="http://127.0.0.1:$port"; fi
done

ports="$(pk_free_port),$(pk_free_port),$(pk_free_port)"
rc=0
pk_run env A_URL="$url_a" B_URL="$url_b" APP_DISPLAY="$DISPLAY" SERVER_BIN="$root/$SERVER_BIN" \
  SERVER_DIR="$PK_TMP/server" SERVER_PORTS="$ports" node frontend/e2e/shared-two-desktops.mjs || rc=$?
if [ "$rc" -ne 0 ]; then
  for who in a b; do
    echo "---- app log ($who) ----" >&2
    cat "$PK_TMP/app-$who.log" >&2
  done
fi
exit "$rc"
