#!/bin/sh
# Usage: scripts/smoke.sh [BINARY]      (default build/bin/proofkeys, from `make build`;
#                                        a bare name is looked up on PATH, as a menu does)
#
# Desktop smoke test of the production binary: starts it on a private Xvfb, with a private
# session bus and unlocked gnome-keyring, a temporary HOME and a temporary data folder; waits
# until its window is mapped and has drawn something; saves a screenshot of the screen to
# build/smoke.png; checks that the window is not blank; sends SIGTERM and checks that the app
# exits with code 0 within a few seconds. Prints the memory (PSS) of the app and its WebKit
# processes. Everything started here is stopped again, also on failure.
#
# Env: SMOKE_OUT (build/smoke.png), SMOKE_WINDOW_NAME (proofkeys: a case-insensitive pattern
#      of the window title), SMOKE_MIN_STDDEV (0.01) and SMOKE_MIN_COLORS (16): with less
#      variation or fewer colours the window counts as blank,
#      SMOKE_START_SECONDS (30), SMOKE_EXIT_SECONDS (5),
#      SMOKE_HOME: a home folder to run in, kept afterwards, where the app uses its default
#      data folder (~/.config/proofkeys), as it does when opened from the menu (default: a
#      temporary home and data folder, removed at the end).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

BIN=${1:-build/bin/proofkeys}
OUT=${SMOKE_OUT:-build/smoke.png}
NAME=${SMOKE_WINDOW_NAME:-proofkeys}
MIN_SD=${SMOKE_MIN_STDDEV:-0.01}
MIN_COLORS=${SMOKE_MIN_COLORS:-16}
START=${SMOKE_START_SECONDS:-30}
EXIT=${SMOKE_EXIT_SECONDS:-5}
case $BIN in */*) ;; *) BIN=$(command -v "$BIN") || pk_die "$1 is not on PATH" ;; esac
[ -x "$BIN" ] || pk_die "$BIN is missing: run make build"
for c in xdotool import convert; do
  command -v "$c" >/dev/null 2>&1 || pk_die "$c is missing: run make setup"
done

pk_init
HOME=${SMOKE_HOME:-$PK_TMP/home}
XDG_RUNTIME_DIR="$PK_TMP/run"
export HOME XDG_RUNTIME_DIR
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME PROOFKEYS_VAULT PROOFKEYS_DATA_DIR
if [ -z "${SMOKE_HOME:-}" ]; then
  PROOFKEYS_DATA_DIR="$PK_TMP/data"
  export PROOFKEYS_DATA_DIR
fi
# temporary files of the browser and WebKit go with the rest, and are removed with it
TMPDIR="$PK_TMP/tmp"
mkdir -p "$TMPDIR"
export TMPDIR
pk_start_xvfb
pk_start_keyring
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"

log="$PK_TMP/app.log"
fail() {
  echo "smoke: FAIL: $*" >&2
  echo "---- app log ----" >&2
  cat "$log" >&2
  echo "---- end of app log ----" >&2
  exit 1
}

t0=$(date +%s)
"$BIN" >"$log" 2>&1 &
app=$!
pk_track "$app"
echo "smoke: started $BIN (pid $app) on DISPLAY=$DISPLAY"

# 1. the window is mapped
wid=""
how=""
i=0
while [ -z "$wid" ]; do
  pk_alive "$app" || { wait "$app" || rc=$?; pk_untrack "$app"; fail "the app exited (code ${rc:-0}) before showing a window"; }
  wid=$(xdotool search --onlyvisible --name "$NAME" 2>/dev/null | head -n 1) && how="title matching \"$NAME\""
  if [ -z "$wid" ]; then
    wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n 1) && how="pid $app (its title does not match \"$NAME\")"
  fi
  i=$((i + 1))
  [ "$i" -le $((START * 10)) ] || fail "no window within ${START} s"
  [ -n "$wid" ] || sleep 0.1
done
title=$(xdotool getwindowname "$wid" 2>/dev/null || echo "?")
echo "smoke: window $wid \"$title\" mapped after $(($(date +%s) - t0)) s (found by $how)"

# 2. it has drawn something: the window is not one flat colour (anti-aliased text alone
#    gives it dozens of colours)
i=0
while :; do
  import -window root "$OUT"
  import -window "$wid" "$PK_TMP/window.png"
  sd=$(convert "$PK_TMP/window.png" -format '%[fx:standard_deviation]' info:)
  colors=$(convert "$PK_TMP/window.png" -format '%k' info:)
  size=$(convert "$PK_TMP/window.png" -format '%wx%h' info:)
  awk -v sd="$sd" -v min="$MIN_SD" -v c="$colors" -v minc="$MIN_COLORS" \
    'BEGIN { exit !(sd + 0 > min + 0 && c + 0 >= minc + 0) }' && break
  i=$((i + 1))
  [ "$i" -le $((START * 2)) ] ||
    fail "the window stayed blank (standard deviation $sd, $colors colours; screenshot $OUT)"
  pk_alive "$app" || fail "the app exited while drawing"
  sleep 0.5
done
echo "smoke: screenshot $OUT; the window ($size) is not blank: standard deviation $sd, $colors colours"

# memory of the app and its WebKit children, as a person would see it in a task manager
kids=""
for s in /proc/[0-9]*/stat; do
  p=${s#/proc/}; p=${p%/stat}
  ppid=$(sed 's/.*) [A-Za-z] \([0-9]*\) .*/\1/' "$s" 2>/dev/null) || continue
  [ "$ppid" = "$app" ] && kids="$kids $p"
done
pss=0
for p in $app $kids; do
  kb=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
  pss=$((pss + ${kb:-0}))
done
echo "smoke: memory (PSS) of the app and its $(echo "$kids" | wc -w) child processes: $((pss / 1024)) MB"

# 3. SIGTERM: a clean exit, code 0, within a few seconds
kill -TERM "$app"
i=0
while pk_alive "$app"; do
  i=$((i + 1))
  [ "$i" -le $((EXIT * 10)) ] || fail "still running ${EXIT} s after SIGTERM"
  sleep 0.1
done
rc=0
wait "$app" || rc=$?
pk_untrack "$app"
[ "$rc" -eq 0 ] || fail "exit code $rc after SIGTERM (expected 0)"
echo "smoke: SIGTERM: exited with code 0 after $((i / 10)).$((i % 10)) s"
left=""
for p in $kids; do pk_alive "$p" && left="$left $p"; done
if [ -n "$left" ]; then
  sleep 2
  for p in $left; do pk_alive "$p" && { echo "smoke: child process $p outlived the app: stopping it" >&2; kill -TERM "$p" 2>/dev/null || true; }; done
fi
echo "smoke: 1 passed, 0 failed"
