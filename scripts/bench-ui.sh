#!/bin/sh
# Usage: scripts/bench-ui.sh          (make bench-ui)
#
# The UI benchmarks of docs/BENCHMARKS.md, on a private Xvfb, bus and keyring as the e2e
# tests use:
#   1. a keystroke in the Inventory search box with 10,000 seeded keys (frontend/e2e/search.bench.mjs)
#      against the dev build on a folder made by `proofkeys seed --keys 10000 --events 100000`;
#   2. the same keystroke in the API Keys search box, with at least 10,000 live Production keys:
#      a folder seeded with 16,000 keys (seed makes about 63% of them live Production keys);
#   3. production start-up time and memory against a bare Wails v2.9.2 template app
#      (scripts/bench-startup.sh).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

DEV=build/bin/proofkeys-dev
[ -x "$DEV" ] || pk_die "$DEV is missing: run make build-dev"
pk_init
pk_private_home
pk_start_xvfb
pk_start_keyring

echo "== seeding 10,000 keys and 100,000 events"
PROOFKEYS_DATA_DIR="$PK_TMP/seeded"
export PROOFKEYS_DATA_DIR
"$DEV" seed --keys 10000 --events 100000 --data-dir "$PROOFKEYS_DATA_DIR"

# search_keystroke PAGE: the search benchmark on one page, against the dev build on
# $PROOFKEYS_DATA_DIR; a failure is kept in rc.
rc=0
# The dev build logs every call and its answer at Wails' default level (debug): a file
# write per keystroke that the production app never makes. The benchmark keeps warnings.
loglevel=warning
export loglevel
search_keystroke() {
  port=$(pk_free_port)
  pk_start_dev_app "$DEV" "$port" "$PK_TMP/app-$1.log"
  pk_run env WAILS_URL="http://127.0.0.1:$port" BENCH_PAGE="$1" node frontend/e2e/search.bench.mjs || rc=$?
  pk_stop "$PK_APP_PID" 50 || true
  pk_untrack "$PK_APP_PID"
}

echo "== keystroke in the Inventory search box (Chromium, dev build)"
search_keystroke inventory

echo "== seeding 16,000 keys for an API Keys list of at least 10,000"
PROOFKEYS_DATA_DIR="$PK_TMP/seeded-list"
"$DEV" seed --keys 16000 --events 16000 --data-dir "$PROOFKEYS_DATA_DIR"
echo "== keystroke in the API Keys search box (Chromium, dev build)"
search_keystroke api-keys

[ "${BENCH_STARTUP:-1}" = 1 ] || exit "$rc"
echo "== production start-up and memory, against a bare Wails v2.9.2 template app"
pk_run scripts/bench-startup.sh || rc=$?
exit "$rc"
