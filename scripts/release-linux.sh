#!/bin/sh
# Usage: scripts/release-linux.sh BINARY VERSION NFPM
#
# Makes the Linux packages of proofkeys in dist/: the .deb and the .rpm, both from
# build/linux/nfpm.yaml. BINARY is the production binary (make build), VERSION what
# `git describe` said (v1.2.0, v1.2.0-3-gabc1234-dirty, abc1234, or dev), NFPM the nfpm
# binary built from tools/go.mod. Generated files (icons in the hicolor sizes from
# build/appicon.png, the compressed man page) are made under build/bin/linux-stage.
#
# Package versions: a tag v1.2.0 gives 1.2.0; three commits after it, 1.2.0+3.gabc1234
# (newer than 1.2.0); without a tag, wails.json's productVersion followed by ~git.abc1234
# (older than that release); a build outside git, productVersion~dev.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

[ $# -eq 3 ] || pk_die "usage: $0 BINARY VERSION NFPM"
BIN=$1
VERSION=$2
NFPM=$3
[ -x "$BIN" ] || pk_die "$BIN is missing: run make build"
[ -x "$NFPM" ] || pk_die "$NFPM is missing: run make release"
command -v convert >/dev/null 2>&1 || pk_die "convert (imagemagick) is missing: run make setup"

# product_version: wails.json's info.productVersion, the one version every file states.
product=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
[ -n "$product" ] || pk_die "wails.json has no info.productVersion"
grep -q "<release version=\"$product\"" build/linux/com.proofkeys.app.metainfo.xml ||
  pk_die "build/linux/com.proofkeys.app.metainfo.xml has no <release version=\"$product\"> (wails.json's productVersion): add it"
[ "$(sed -n 's/^- semver: *//p' build/linux/changelog.yaml | head -n 1)" = "$product" ] ||
  pk_die "build/linux/changelog.yaml does not start with version $product (wails.json's productVersion): add it"

v=${VERSION#v}
case $v in
  [0-9]*.[0-9]*) PKG_VERSION=$(printf %s "$v" | sed 's/-/+/; s/-/./g') ;;
  dev | "") PKG_VERSION="$product~dev" ;;
  *) PKG_VERSION="$product~git.$(printf %s "$v" | tr - .)" ;;
esac
STAGE=build/bin/linux-stage
export PKG_VERSION STAGE

rm -rf "$STAGE"
mkdir -p "$STAGE" dist
cp "$BIN" "$STAGE/proofkeys"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$STAGE/icons/${size}x$size/apps"
  # -strip and no date chunks: the same icon gives the same bytes
  convert build/appicon.png -resize "${size}x$size" -depth 8 -strip \
    -define png:exclude-chunks=date,time "$STAGE/icons/${size}x$size/apps/proofkeys.png"
done
gzip -9n <build/linux/proofkeys.1 >"$STAGE/proofkeys.1.gz"
# the icon tree goes in with the modes it has here
find "$STAGE/icons" -type d -exec chmod 0755 {} + && find "$STAGE/icons" -type f -exec chmod 0644 {} +

rm -f dist/proofkeys_*.deb dist/proofkeys-*.rpm
for p in deb rpm; do
  "$NFPM" package --config build/linux/nfpm.yaml --packager "$p" --target dist/ >&2
done
ls dist/proofkeys_*.deb dist/proofkeys-*.rpm
