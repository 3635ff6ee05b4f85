# shellcheck shell=sh
# Shared by the scripts in this folder (sourced, not run). POSIX sh.
#
# It starts the private pieces a test needs and stops them again, by process id, whatever
# way the script ends (success, failure, Ctrl-C, SIGTERM):
#   pk_init                 a temporary folder $PK_TMP, removed at exit (kept if PK_KEEP=1)
#   pk_start_xvfb           a private X server; sets and exports DISPLAY
#   pk_start_keyring        a private D-Bus session bus with an UNLOCKED gnome-keyring Secret
#                           Service in $HOME (its 'login' collection is created on first use)
#   pk_start_dev_app BIN PORT LOG
#                           the app's `-tags dev` build serving frontend/dist and the bound Go
#                           methods on http://127.0.0.1:PORT; sets PK_APP_PID
#   pk_run CMD...           runs CMD (keeping stdin), waits for it, returns its exit code
#
# Facts these rest on (Debian 12, Wails v2.9.2):
# - Without DISPLAY a desktop build panics "failed to init GTK": it needs an X server (Xvfb).
# - The keyring daemon and the bus get NO DISPLAY: creating a collection would need a password
#   prompt, which fails fast without a display but waits forever for a click on Xvfb.
# - dbus-x11 must not be installed: without a bus address, its autolaunch starts a session bus
#   for every program that opens the keyring, and those buses never exit.
# - WebKit writes under ~/.local/share and ~/.cache, Chromium under ~/.config: scripts give
#   them a temporary HOME. Go's caches and settings are kept where they were (pk_keep_go_env).

PK_PIDS=""
PK_TMP=""

pk_log() { printf '%s\n' "$*" >&2; }

pk_die() { pk_log "error: $*"; exit 1; }

# pk_alive PID: the process exists and has not exited (a child that exited stays a zombie
# until waited for, and kill -0 still reaches it).
pk_alive() {
  [ -r "/proc/$1/stat" ] || return 1
  case $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) in Z* | X* | "") return 1 ;; esac
}

# pk_stop PID [TENTHS]: SIGTERM, wait up to TENTHS/10 s (default 50), then SIGKILL.
# Returns the process' exit code when it is a child of this shell.
pk_stop() {
  _p=$1; _n=${2:-50}
  kill -TERM "$_p" 2>/dev/null || true
  while [ "$_n" -gt 0 ] && pk_alive "$_p"; do
    sleep 0.1; _n=$((_n - 1))
  done
  if pk_alive "$_p"; then
    pk_log "process $_p did not stop on SIGTERM: killing it"
    kill -KILL "$_p" 2>/dev/null || true
  fi
  wait "$_p" 2>/dev/null
}

pk_cleanup() {
  _rc=$?
  trap - EXIT INT TERM HUP PIPE
  set +e
  # newest first: the app, then the vault, then the bus, then the X server
  for _p in $PK_PIDS; do pk_stop "$_p" 30 >/dev/null 2>&1; done
  PK_PIDS=""
  if [ -n "$PK_TMP" ] && [ -d "$PK_TMP" ] && [ "${PK_KEEP:-0}" != 1 ]; then
    rm -rf "$PK_TMP"
  elif [ -n "$PK_TMP" ]; then
    pk_log "kept $PK_TMP"
  fi
  exit "$_rc"
}

pk_init() {
  PK_TMP=$(mktemp -d "${TMPDIR:-/tmp}/proofkeys.XXXXXX")
  trap pk_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  # a closed output pipe (`... | head`) must not kill the script before it cleans up
  trap 'exit 141' PIPE
  # GTK and WebKit must not start the accessibility bus or dconf on a private bus: those
  # would be children of the bus and outlive it. Nothing here needs them.
  export NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
}

# pk_track PID: stop PID at exit (before anything started earlier).
pk_track() { PK_PIDS="$1 $PK_PIDS"; }

# pk_untrack PID: the caller has stopped PID itself.
pk_untrack() {
  _new=""
  for _p in $PK_PIDS; do [ "$_p" = "$1" ] || _new="$_new $_p"; done
  PK_PIDS=$_new
}

# pk_wait_file FILE TENTHS WHAT: wait until FILE is not empty.
pk_wait_file() {
  _i=0
  until [ -s "$1" ]; do
    _i=$((_i + 1)); [ "$_i" -le "$2" ] || pk_die "$3 did not start"
    sleep 0.1
  done
}

# pk_keep_go_env: pin Go's cache, module cache and settings file to where they are now,
# so that a temporary HOME does not mean a cold build and a fresh module download.
pk_keep_go_env() {
  command -v go >/dev/null 2>&1 || return 0
  GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH) GOENV=$(go env GOENV)
  export GOCACHE GOMODCACHE GOPATH GOENV
}

# pk_start_xvfb: a private X server on the first free display number.
pk_start_xvfb() {
  command -v Xvfb >/dev/null 2>&1 || pk_die "Xvfb is missing: run make setup"
  _f="$PK_TMP/xvfb.display"
  : >"$_f"
  # -displayfd: Xvfb picks a free display and writes its number once it accepts clients
  Xvfb -displayfd 9 -screen 0 "${PK_SCREEN:-1280x800x24}" -nolisten tcp 9>"$_f" >"$PK_TMP/xvfb.log" 2>&1 &
  pk_track $!
  pk_wait_file "$_f" 100 "Xvfb"
  DISPLAY=":$(head -n 1 "$_f")"
  export DISPLAY
}

# pk_start_keyring: a private session bus and an unlocked gnome-keyring Secret Service.
# Uses HOME and XDG_RUNTIME_DIR as they are set (make them private first); password
# KEYRING_PASS (default ci-pass). Exports DBUS_SESSION_BUS_ADDRESS.
pk_start_keyring() {
  for _c in dbus-daemon dbus-send gnome-keyring-daemon; do
    command -v "$_c" >/dev/null 2>&1 || pk_die "$_c is missing: run make setup"
  done
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  _addr="$PK_TMP/bus.address"
  : >"$_addr"
  env -u DISPLAY -u WAYLAND_DISPLAY dbus-daemon --session --nofork --nopidfile --print-address=9 \
    9>"$_addr" >"$PK_TMP/bus.log" 2>&1 &
  pk_track $!
  pk_wait_file "$_addr" 100 "the session bus"
  DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$_addr")
  export DBUS_SESSION_BUS_ADDRESS
  printf %s "${KEYRING_PASS:-ci-pass}" >"$PK_TMP/keyring.pass"
  env -u DISPLAY -u WAYLAND_DISPLAY gnome-keyring-daemon --foreground --unlock --components=secrets \
    <"$PK_TMP/keyring.pass" >"$PK_TMP/keyring.log" 2>&1 &
  pk_track $!
  _i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    _i=$((_i + 1))
    if [ "$_i" -gt 100 ]; then
      cat "$PK_TMP/keyring.log" >&2
      pk_die "the Secret Service (gnome-keyring) did not appear on the private bus"
    fi
    sleep 0.1
  done
  rm -f "$PK_TMP/keyring.pass"
}

# pk_private_home: a temporary HOME, runtime and temporary folder under $PK_TMP, with Go's
# caches kept where they were, so the browser, WebKit and the keyring write nothing outside.
pk_private_home() {
  pk_keep_go_env
  HOME="$PK_TMP/home"
  XDG_RUNTIME_DIR="$HOME/run"
  export HOME XDG_RUNTIME_DIR
  unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME PROOFKEYS_VAULT
  TMPDIR="$PK_TMP/tmp"
  mkdir -p "$TMPDIR"
  export TMPDIR
}

# pk_free_port: an unused TCP port on 127.0.0.1.
pk_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# pk_start_dev_app BIN PORT LOG: the dev build, serving frontend/dist (run from the repo root).
# Waits until it answers on the port; dies with its log if it stops first.
pk_start_dev_app() {
  _bin=$1; _port=$2; _log=$3
  [ -x "$_bin" ] || pk_die "$_bin is missing: run make build-dev"
  [ -f frontend/dist/index.html ] || pk_die "frontend/dist is missing: run make build-dev"
  if curl -s -o /dev/null "http://127.0.0.1:$_port/" 2>/dev/null; then
    pk_die "something already answers on 127.0.0.1:$_port: stop it or set PORT"
  fi
  # Wails' dev build reads these from the environment (as `wails dev` passes them); its
  # own flags would clash with the app's.
  assetdir=frontend/dist devserver="127.0.0.1:$_port" "$_bin" >"$_log" 2>&1 &
  PK_APP_PID=$!
  pk_track "$PK_APP_PID"
  _i=0
  until curl -sf -o /dev/null "http://127.0.0.1:$_port/" 2>/dev/null; do
    if ! pk_alive "$PK_APP_PID"; then
      wait "$PK_APP_PID"; _rc=$?
      pk_untrack "$PK_APP_PID"
      pk_log "the app exited (code $_rc) before serving; its log:"
      cat "$_log" >&2
      exit 1
    fi
    _i=$((_i + 1))
    if [ "$_i" -gt "${PK_APP_START_TENTHS:-300}" ]; then
      pk_log "the app did not answer on 127.0.0.1:$_port; its log:"
      cat "$_log" >&2
      exit 1
    fi
    sleep 0.1
  done
}

# pk_run CMD...: run CMD with this script's stdin, wait for it (signals still reach the
# traps meanwhile), return its exit code.
pk_run() {
  # An asynchronous command's stdin is /dev/null unless given: hand it this script's stdin
  # through fd 8 (when there is one: CI may run with stdin closed).
  if (exec 9<&0) 2>/dev/null; then exec 8<&0; else exec 8</dev/null; fi
  "$@" <&8 8<&- &
  _cpid=$!
  exec 8<&-
  pk_track "$_cpid"
  set +e
  wait "$_cpid"
  _crc=$?
  set -e
  pk_untrack "$_cpid"
  return "$_crc"
}
