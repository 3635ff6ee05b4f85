#!/bin/sh
# Usage: scripts/with-keyring.sh CMD [ARGS...]
#
# Runs CMD inside a private D-Bus session bus with an UNLOCKED gnome-keyring Secret Service,
# the vault the app uses on Linux (its 'login' collection is created on first use). CMD gets
# a temporary HOME, so nothing touches the real keyring or the real app data; Go's build
# cache, module cache and settings stay where they were.
#
# Env: KEYRING_HOME  HOME for the keyring and CMD (default: a temporary folder, removed after)
#      KEYRING_PASS  the keyring's password (default: ci-pass)
#      DISPLAY       passed on to CMD (e.g. an Xvfb's, see with-xvfb.sh); the bus and the
#                    keyring never see it, so a password prompt fails fast instead of
#                    waiting forever for a click on an invisible screen.
# Exit code: CMD's. Everything started here is stopped, also on failure or Ctrl-C.
#
# Needs: gnome-keyring dbus-daemon dbus-bin (make setup). NOT dbus-x11.
set -eu
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"
pk_init
pk_keep_go_env
if [ -n "${KEYRING_HOME:-}" ]; then
  HOME=$KEYRING_HOME
else
  HOME="$PK_TMP/home"
fi
XDG_RUNTIME_DIR="$HOME/run"
export HOME XDG_RUNTIME_DIR
unset XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_STATE_HOME
pk_start_keyring
pk_run "$@"
