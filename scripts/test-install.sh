#!/bin/sh
# Usage: scripts/test-install.sh DEB VERSION     (as root, as CI runs; make test-install)
#
# Installs the .deb the way an owner does and removes it again, checking on the way:
#  1. the package: lintian --pedantic (no error, no warning), its Depends against what
#     dpkg-shlibdeps finds and the libraries the binary opens (dlopen), desktop-file-validate,
#     appstreamcli validate, the .rpm's contents;
#  2. `apt-get install ./proofkeys_....deb`; the installed /usr/bin/proofkeys --version says
#     VERSION, the one the binary was built as;
#     `proofkeys seed` then `proofkeys inventory` on a folder of its own;
#  3. the app started exactly as its menu entry's Exec= line says, on the desktop smoke test
#     (scripts/smoke.sh: window, screenshot, clean exit) with the default data folder of a
#     temporary home and a private Secret Service;
#  4. `apt-get purge proofkeys`: no file of the package is left, and the data folder and
#     the keyring the installed app used are byte for byte as they were.
# A proofkeys package installed before is purged first (its users' data stays, as in 4).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

[ $# -eq 2 ] || pk_die "usage: $0 DEB VERSION"
DEB=$1
VERSION=$2
[ -f "$DEB" ] || pk_die "$DEB is missing: run make release-linux"
[ "$(id -u)" -eq 0 ] || pk_die "installing a package needs root: run it as root (CI does), or with sudo"
for c in lintian desktop-file-validate appstreamcli dpkg-shlibdeps strings rpm apt-get; do
  command -v "$c" >/dev/null 2>&1 || pk_die "$c is missing: run make setup"
done
say() { printf 'test-install: %s\n' "$*"; }
# quiet CMD...: run CMD, showing its output only when it fails
quiet() {
  "$@" >"$PK_TMP/quiet.log" 2>&1 || { cat "$PK_TMP/quiet.log" >&2; pk_die "$* failed"; }
}

pk_init
pk_keep_go_env
export DEBIAN_FRONTEND=noninteractive

# 1. the package and its files, as Debian's own checkers see them
say "lintian $DEB"
# (lintian warns that it runs as root: this test must, to install the package)
lintian --pedantic --fail-on error,warning "$DEB"
say "lintian: no error, no warning"
# every library package the binary links to is a dependency
mkdir -p "$PK_TMP/shlibs/debian" "$PK_TMP/shlibs/usr/bin"
printf 'Source: proofkeys\n\nPackage: proofkeys\nArchitecture: any\n' >"$PK_TMP/shlibs/debian/control"
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/bin/proofkeys >"$PK_TMP/shlibs/usr/bin/proofkeys"
needs=$(cd "$PK_TMP/shlibs" && dpkg-shlibdeps -O usr/bin/proofkeys 2>/dev/null | sed 's/^shlibs:Depends=//; s/ ([^)]*)//g; s/,/ /g' | tr -s ' ')
depends=" $(dpkg-deb -f "$DEB" Depends | sed 's/ ([^)]*)//g; s/,/ /g') "
[ -n "$needs" ] || pk_die "dpkg-shlibdeps found no library the binary needs"
for n in $needs; do
  case $depends in *" $n "*) ;; *) pk_die "the binary links to a library of $n, which build/linux/nfpm.yaml does not depend on" ;; esac
done
say "Depends covers what dpkg-shlibdeps finds: $needs"
# the window's libraries, which the binary opens only when the window is about to open
# (dlopen, backend/lazygui) and dpkg-shlibdeps so cannot see: each one's package too
opened=$(strings -n 6 "$PK_TMP/shlibs/usr/bin/proofkeys" | grep -E '^lib[A-Za-z0-9_.+-]+[.]so[.][0-9]+$' | sort -u)
case $opened in *libwebkit2gtk-4.1.so.0*) ;; *) pk_die "the binary names no libwebkit2gtk-4.1.so.0 to open" ;; esac
for lib in $opened; do
  pkg=$(dpkg -S "*/$lib" 2>/dev/null | head -n 1 | cut -d: -f1)
  [ -n "$pkg" ] || pk_die "no installed package holds $lib, which the binary opens"
  case $depends in *" $pkg "*) ;; *) pk_die "the binary opens $lib of $pkg, which build/linux/nfpm.yaml does not depend on" ;; esac
done
say "Depends covers the libraries the binary opens: $(printf %s "$opened" | tr '\n' ' ')"
desktop-file-validate build/linux/com.proofkeys.app.desktop
say "desktop-file-validate: ok"
appstreamcli validate --no-net --pedantic build/linux/com.proofkeys.app.metainfo.xml
rpm_file=$(ls dist/proofkeys-*.x86_64.rpm)
rpm -qpl "$rpm_file" 2>/dev/null | grep -qx /usr/bin/proofkeys || pk_die "$rpm_file has no /usr/bin/proofkeys"
rpm -qpR "$rpm_file" 2>/dev/null | grep -qx webkit2gtk4.1 || pk_die "$rpm_file does not require webkit2gtk4.1"
say "the .rpm holds /usr/bin/proofkeys and requires WebKitGTK 4.1"

# 2. install it as an owner does
if dpkg-query -W -f='${Status}' proofkeys 2>/dev/null | grep -q 'ok installed'; then
  say "proofkeys is installed already (an earlier run?): purging it first"
  quiet apt-get purge -y proofkeys
fi
quiet apt-get install -y "./$DEB"
dpkg -L proofkeys >"$PK_TMP/files"
want=$(dpkg-deb -f "$DEB" Version)
got=$(/usr/bin/proofkeys --version)
say "/usr/bin/proofkeys --version: $got (package $want)"
[ "$got" = "proofkeys $VERSION" ] || pk_die "proofkeys --version said \"$got\", not \"proofkeys $VERSION\""

HOME="$PK_TMP/home"
mkdir -p "$HOME"
export HOME
unset PROOFKEYS_DATA_DIR PROOFKEYS_VAULT XDG_CONFIG_HOME XDG_DATA_HOME
proofkeys seed --keys 25 --events 100 --data-dir "$PK_TMP/seeded" >/dev/null
proofkeys inventory --data-dir "$PK_TMP/seeded" >"$PK_TMP/inventory.txt"
grep -q "Seeded organization: 25 keys" "$PK_TMP/inventory.txt" ||
  { cat "$PK_TMP/inventory.txt" >&2; pk_die "proofkeys inventory did not list the 25 seeded keys"; }
say "proofkeys seed, then inventory: 25 keys listed"

# 3. the app as the menu starts it: the installed entry's Exec= line, on the default data folder
entry=/usr/share/applications/com.proofkeys.app.desktop
desktop-file-validate "$entry"
exec_line=$(sed -n 's/^Exec=//p' "$entry")
# shellcheck disable=SC2086
set -- $exec_line
[ $# -eq 1 ] || pk_die "Exec=$exec_line: this test runs a command without arguments; teach it the new ones"
[ "$(command -v "$1")" = /usr/bin/proofkeys ] || pk_die "Exec=$exec_line does not start /usr/bin/proofkeys"
SMOKE_HOME=$HOME SMOKE_OUT=build/smoke-installed.png scripts/smoke.sh "$1"
data="$HOME/.config/proofkeys"
[ -n "$(ls -A "$data" 2>/dev/null)" ] || pk_die "the installed app made no data folder at $data"
say "the installed app made its data folder $data"
# the data folder and the keyring (when the app wrote to it), file by file
snapshot() {
  (cd "$HOME" && for d in .config/proofkeys .local/share/keyrings; do
    [ ! -d "$d" ] || find "$d" -type f -exec sha256sum {} +
  done | sort)
}
snapshot >"$PK_TMP/before"

# 4. remove it: nothing of the package is left, the owner's data is untouched
quiet apt-get purge -y proofkeys
! dpkg-query -W -f='${Status}' proofkeys 2>/dev/null | grep -q 'ok installed' || pk_die "proofkeys is still installed"
left=""
while read -r f; do
  case $f in
    */proofkeys* | */com.proofkeys.*) [ -e "$f" ] && left="$left $f" ;;
    *) [ -f "$f" ] && left="$left $f" ;;
  esac
done <"$PK_TMP/files"
[ -z "$left" ] || pk_die "apt-get purge left:$left"
say "apt-get purge: none of the package's $(wc -l <"$PK_TMP/files") paths is left"
snapshot >"$PK_TMP/after"
cmp -s "$PK_TMP/before" "$PK_TMP/after" || { diff "$PK_TMP/before" "$PK_TMP/after" >&2; pk_die "removing the package changed the data folder or the keyring"; }
say "the data folder and the keyring are untouched ($(wc -l <"$PK_TMP/after") files)"
say "1 passed, 0 failed"
