#!/bin/sh
# Usage: scripts/with-xvfb.sh CMD [ARGS...]
#
# Runs CMD with DISPLAY set to a private Xvfb on the first free display number (a desktop
# build without a display panics "failed to init GTK"). The screen is 1280x800x24 unless
# PK_SCREEN says otherwise. Exit code: CMD's; the X server is stopped afterwards.
set -eu
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/lib.sh
. "$here/lib.sh"
pk_init
pk_start_xvfb
pk_run "$@"
