#!/bin/sh
# Usage: scripts/dev-server.sh [DEV_BINARY]      (run from anywhere; `make dev-server` builds first)
#
# Serves the real UI and the real bound Go methods (window.go.ui.*) to any browser at
# http://127.0.0.1:$PORT (default 34115) until interrupted, from the app's `-tags dev` build
# (default build/bin/proofkeys-dev) and frontend/dist. The build still opens its native window:
# it goes on a private Xvfb, so this works on a machine without a desktop too.
#
# The app uses the vault and data folder of the calling environment: PROOFKEYS_DATA_DIR (or
# its default folder) and PROOFKEYS_VAULT (default: the Secret Service of the session bus).
# On a machine without a desktop session there is no Secret Service; either run it inside a
# throw-away one:  scripts/with-keyring.sh scripts/dev-server.sh
# or use the kernel keyring, kept in memory only:  PROOFKEYS_VAULT=keyctl make dev-server
#
# Env: PORT (34115), XVFB_DISPLAY (use this X display instead of starting an Xvfb),
#      APP_LOG (write the app's output there instead of the terminal).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib.sh
. "$root/scripts/lib.sh"
BIN=${1:-build/bin/proofkeys-dev}
case $BIN in /*) ;; *) BIN="$root/$BIN" ;; esac
PORT=${PORT:-34115}
cd "$root"
pk_init
if [ -n "${XVFB_DISPLAY:-}" ]; then
  DISPLAY=$XVFB_DISPLAY; export DISPLAY
else
  pk_start_xvfb
fi
log=${APP_LOG:-$PK_TMP/app.log}
if [ -z "${APP_LOG:-}" ]; then
  # show the app's output as it comes
  : >"$log"
  tail -n +1 -f "$log" &
  pk_track $!
fi
pk_start_dev_app "$BIN" "$PORT" "$log"
echo "proofkeys dev server: http://127.0.0.1:$PORT  (window on DISPLAY=$DISPLAY; Ctrl-C stops it)"
set +e
wait "$PK_APP_PID"
rc=$?
pk_untrack "$PK_APP_PID"
echo "the app stopped (exit code $rc)" >&2
exit "$rc"
