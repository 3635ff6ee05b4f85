#!/bin/sh
# Usage: scripts/bench-startup.sh      (run by scripts/bench-ui.sh, which provides Xvfb and a keyring)
#
# Production start-up and memory of proofkeys against a bare Wails v2.9.2 template app,
# measured the same way in the same run:
#   - start: from launch to the window's content drawn in its final look. The screen is
#     grabbed (a small Xlib program, XGetImage) every few milliseconds; the time is that of
#     the first grab equal to the one taken after the app has settled. Neither app is
#     changed to report it.
#   - memory: PSS (/proc/PID/smaps_rollup) of the app and all its descendants (WebKit's web
#     and network processes), once settled.
# The template app's source (a main.go binding a Greet method, as `wails init` makes, and a
# static index.html) is written to a temporary folder, built there and removed: it is
# never part of the project. proofkeys runs on a data folder seeded with KEYS keys and
# EVENTS events (`proofkeys seed`), by default 10,000 and 50,000: a fresh start opens on the
# API Keys page, so its start is to that list drawn.
# Env: RUNS (default 5), BIN (default build/bin/proofkeys), KEYS, EVENTS, SETTLE_MS (how long
# each launch is watched, default 10000).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BIN=${BIN:-build/bin/proofkeys}
RUNS=${RUNS:-5}
KEYS=${KEYS:-10000}
EVENTS=${EVENTS:-50000}
SETTLE_MS=${SETTLE_MS:-10000}
[ -x "$BIN" ] || { echo "$BIN is missing: run make build" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run this through scripts/bench-ui.sh" >&2; exit 1; }
for c in cc pgrep; do command -v $c >/dev/null || { echo "$c is missing" >&2; exit 1; }; done

work=$(mktemp -d "${TMPDIR:-/tmp}/proofkeys-template.XXXXXX")
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# ---------------------------------------------------------------- the template app
mkdir -p "$work/template/frontend"
cat >"$work/template/go.mod" <<'GOMOD'
module template

go 1.26

require github.com/wailsapp/wails/v2 v2.9.2
GOMOD
cp go.sum "$work/template/go.sum"
cat >"$work/template/main.go" <<'GO'
package main

import (
	"context"
	"embed"
	"fmt"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
)

//go:embed all:frontend
var assets embed.FS

type App struct{ ctx context.Context }

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// Greet is the template's own bound method.
func (a *App) Greet(name string) string { return fmt.Sprintf("Hello %s, It's show time!", name) }

func main() {
	app := &App{}
	err := wails.Run(&options.App{
		Title: "template", Width: 1180, Height: 760,
		AssetServer: &assetserver.Options{Assets: assets},
		OnStartup:   app.startup,
		Bind:        []interface{}{app},
	})
	if err != nil {
		println("Error:", err.Error())
	}
}
GO
cat >"$work/template/frontend/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>template</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:rgba(27,38,54,1);color:#fff;text-align:center}
#result{margin:1.5rem auto;line-height:20px}</style></head>
<body><div id="app"><h1>template</h1><div id="result">Please enter your name below 👇</div></div></body>
</html>
HTML
echo "building the template app (wails v2.9.2)..."
(cd "$work/template" && GOFLAGS=-mod=mod go build -tags desktop,production,webkit2_41 -ldflags "-w -s" -o "$work/template-app" .)

mkdir -p "$work/data"
"$BIN" seed --keys "$KEYS" --events "$EVENTS" --data-dir "$work/data" >/dev/null

# ---------------------------------------------------------------- measuring
# grab MS: every few ms for MS milliseconds, "elapsed_ms hash" of the whole screen.
cat >"$work/grab.c" <<'C'
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
static long ms(struct timespec *t0) {
  struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);
  return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}
int main(int argc, char **argv) {
  long total = atol(argv[1]);
  struct timespec t0; clock_gettime(CLOCK_MONOTONIC, &t0);
  Display *d = XOpenDisplay(NULL);
  if (!d) return 1;
  Window root = DefaultRootWindow(d);
  XWindowAttributes a; XGetWindowAttributes(d, root, &a);
  while (ms(&t0) < total) {
    XImage *img = XGetImage(d, root, 0, 0, a.width, a.height, AllPlanes, ZPixmap);
    unsigned long long h = 1469598103934665603ULL; /* FNV-1a of the pixels */
    long n = (long)img->bytes_per_line * img->height;
    for (long i = 0; i < n; i++) { h ^= (unsigned char)img->data[i]; h *= 1099511628211ULL; }
    XDestroyImage(img);
    printf("%ld %016llx\n", ms(&t0), h); fflush(stdout);
    usleep(5000);
  }
  return 0;
}
C
cc -O2 -o "$work/grab" "$work/grab.c" -lX11

# pss PID: the PSS in kB of PID and all its descendants.
# family PID: PID and all its descendants.
family() {
  _all=$1; _todo=$1
  while [ -n "$_todo" ]; do
    _next=""
    for _p in $_todo; do _next="$_next $(pgrep -P "$_p" || true)"; done
    # shellcheck disable=SC2086,SC2116 # word splitting is the point: it trims the list
    _todo=$(echo $_next); _all="$_all $_todo"
  done
  echo "$_all"
}

# pss PIDS: their PSS in kB.
pss() {
  for _p in "$@"; do grep -h "^Pss:" "/proc/$_p/smaps_rollup" 2>/dev/null || true; done | awk '{s+=$2} END {print s+0}'
}

# gone PIDS: waits until none of PIDS is alive. A WebKit process left from the previous
# launch would share its pages with the next app and lower that app's PSS.
gone() {
  for _p in "$@"; do
    while kill -0 "$_p" 2>/dev/null; do sleep 0.1; done
  done
}

# measure NAME CMD...: one launch; prints "start_ms pss_kB".
measure() {
  _log="$work/grabs"
  # the grabber starts first and counts from its own start; SETTLE_MS is long settled for both
  "$work/grab" "$SETTLE_MS" >"$_log" &
  _g=$!
  "$@" >"$work/app.out" 2>&1 &
  app_pid=$!
  wait "$_g"
  _final=$(tail -n 1 "$_log" | cut -d' ' -f2)
  _start=$(awk -v f="$_final" '$2 == f { print $1; exit }' "$_log")
  _family=$(family "$app_pid")
  # shellcheck disable=SC2086 # a list of PIDs
  _pss=$(pss $_family)
  kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true
  app_pid=""
  # shellcheck disable=SC2086 # as above
  kill $_family 2>/dev/null || true
  # shellcheck disable=SC2086 # as above
  gone $_family
  echo "$_start $_pss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$work/t.template"; : >"$work/t.proofkeys"; : >"$work/m.template"; : >"$work/m.proofkeys"
i=0
while [ "$i" -lt "$RUNS" ]; do
  i=$((i + 1))
  # shellcheck disable=SC2046 # measure prints two numbers, split into $1 and $2
  set -- $(measure "$work/template-app")
  echo "$1" >>"$work/t.template"; echo "$2" >>"$work/m.template"
  echo "run $i: template  start $1 ms, PSS $2 kB"
  # shellcheck disable=SC2046 # as above
  set -- $(measure "$BIN" --data-dir "$work/data")
  echo "$1" >>"$work/t.proofkeys"; echo "$2" >>"$work/m.proofkeys"
  echo "run $i: proofkeys start $1 ms, PSS $2 kB"
done
tt=$(median <"$work/t.template"); tp=$(median <"$work/t.proofkeys")
mt=$(median <"$work/m.template"); mp=$(median <"$work/m.proofkeys")
echo "median of $RUNS runs, proofkeys on $KEYS keys and $EVENTS events:"
echo "  start:  template $tt ms, proofkeys $tp ms, ratio $(awk -v a="$tp" -v b="$tt" 'BEGIN{printf "%.2f", a/b}') (target <= 1.5)"
echo "  memory: template $((mt / 1024)) MB, proofkeys $((mp / 1024)) MB PSS, ratio $(awk -v a="$mp" -v b="$mt" 'BEGIN{printf "%.2f", a/b}') (target <= 1.3 with 10,000 keys, 1.2 with 20)"
