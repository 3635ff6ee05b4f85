#!/bin/sh
# Usage: scripts/bench-scale.sh [BASE]     (BASE: a git revision to compare with, default 21c76d8,
#                                          the last one that kept events and keys in JSON)
#
# The scale figures of docs/BENCHMARKS.md, for this working tree and for BASE, in one run on
# the same machine, each binary on a folder it seeded itself (BASE writes schema 1):
#   - the database's bytes per audit event: the file's size over its 100,000 events;
#   - `proofkeys inventory --format json` on 10,000 keys and 100,000 events, the whole
#     process as a script runs it (hyperfine), and its peak RSS;
#   - the Go benchmarks of the inventory's first call and of the Audit page.
# Env: RUNS (default 20) for hyperfine.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BASE=${1:-21c76d8}
RUNS=${RUNS:-20}
for c in hyperfine git; do command -v $c >/dev/null || { echo "$c is missing (apt-get install $c)" >&2; exit 1; }; done
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/proofkeys-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
tags=desktop,production,webkit2_41
# linked as make build links, GTK and WebKit only where needed (backend/lazygui)
CGO_LDFLAGS="${CGO_LDFLAGS:--O2 -g} -Wl,--as-needed"
export CGO_LDFLAGS

mkdir "$work/base"
git archive "$BASE" | tar -x -C "$work/base"
cp backend/org/bench_log_test.go "$work/base/backend/org/"
go build -tags $tags -ldflags "-w -s" -o "$work/after" .
(cd "$work/base" && go build -tags $tags -ldflags "-w -s" -o "$work/before" .)

for b in before after; do
  "$work/$b" seed --data-dir "$work/$b-data" --keys 10000 --events 100000 >/dev/null
  size=$(stat -c %s "$work/$b-data/proofkeys.db")
  echo "$b: database $size bytes, $((size / 100000)) bytes per audit event"
  /usr/bin/time -f "$b: peak RSS %M KB" "$work/$b" inventory --format json --data-dir "$work/$b-data" >/dev/null
done
hyperfine -N --warmup 3 --runs "$RUNS" \
  -n before "$work/before inventory --format json --data-dir $work/before-data" \
  -n after "$work/after inventory --format json --data-dir $work/after-data"

echo "== Go benchmarks, $BASE"
(cd "$work/base" &&
  go test ./backend/inventory/ -run '^$' -bench 'Inventory10k' -benchtime 10x -count 1 | grep '^Benchmark' &&
  go test ./backend/org/ -run '^$' -bench 'AuditLog100k' -benchtime 5x -count 1 | grep '^Benchmark')
echo "== Go benchmarks, this tree"
go test ./backend/inventory/ -run '^$' -bench 'Inventory10k|ReadAndWriteJSON10k' -benchtime 10x -count 1 | grep '^Benchmark'
go test ./backend/cli/ -run '^$' -bench 'InventoryJSON10k' -benchtime 10x -count 1 | grep '^Benchmark'
go test ./backend/org/ -run '^$' -bench 'Audit(Log|Page)100k' -benchtime 10x -count 1 | grep '^Benchmark'
