#!/bin/sh
# Usage: scripts/bench-cli-run.sh [BASE]     (BASE: a git revision to compare with, default 8385b76)
#
# What `proofkeys inventory --format json` costs past the process's start, for this working
# tree and for BASE, in one run: each tree's command line alone (cli.Run in a static binary
# without the app's GTK and WebKit, so that loading them does not hide it) on one folder
# seeded with 10,000 keys and 100,000 events:
#   - the report of both trees at one fixed clock, compared byte for byte (JSON and CSV,
#     every key and the production ones);
#   - hyperfine of the inventory command and of `inventory --help`, which reads nothing;
#   - perf stat's CPU time and page faults, when perf is installed.
# Env: RUNS (default 30) for hyperfine and perf.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BASE=${1:-8385b76}
RUNS=${RUNS:-30}
for c in hyperfine git go; do command -v $c >/dev/null || { echo "$c is missing" >&2; exit 1; }; done

work=$(mktemp -d "${TMPDIR:-/tmp}/proofkeys-cli-run.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/base" "$work/run" "$work/fixed" "$work/bin"
git archive "$BASE" | tar -x -C "$work/base"

cat >"$work/run/main.go" <<'EOF'
package main

import (
	"os"

	"proofkeys/backend/cli"
)

func main() {
	os.Exit(cli.Run(cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:]))
}
EOF
cat >"$work/fixed/main.go" <<'EOF'
package main

import (
	"os"
	"time"

	"proofkeys/backend/inventory"
	"proofkeys/backend/store"
)

// The inventory of the folder os.Args[1] at a fixed clock, as JSON and CSV.
func main() {
	st, err := store.OpenReadOnly(os.Args[1])
	if err != nil {
		panic(err)
	}
	svc := &inventory.Service{Store: st, Now: func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }}
	r, err := svc.Offline()
	if err != nil {
		panic(err)
	}
	for _, env := range []string{"all", "production"} {
		o, err := r.Only(env)
		if err != nil {
			panic(err)
		}
		if err := inventory.WriteJSON(os.Stdout, o); err != nil {
			panic(err)
		}
		if err := inventory.WriteCSV(os.Stdout, o.Rows); err != nil {
			panic(err)
		}
	}
}
EOF
for t in base after; do
  dir=$root
  [ $t = base ] && dir=$work/base
  (cd "$dir" && CGO_ENABLED=0 go build -o "$work/bin/$t" "$work/run/main.go" &&
    CGO_ENABLED=0 go build -o "$work/bin/$t-fixed" "$work/fixed/main.go")
done

"$work/bin/after" seed --keys 10000 --events 100000 --data-dir "$work/data" >/dev/null
"$work/bin/base-fixed" "$work/data" >"$work/base.out"
"$work/bin/after-fixed" "$work/data" >"$work/after.out"
cmp "$work/base.out" "$work/after.out"
echo "same report, byte for byte: $(wc -c <"$work/after.out") bytes of JSON and CSV"

for t in base after; do
  /usr/bin/time -f "$t: peak RSS %M KB" "$work/bin/$t" inventory --format json --data-dir "$work/data" >/dev/null
done
hyperfine -N --warmup 3 --runs "$RUNS" \
  -n base "$work/bin/base inventory --format json --data-dir $work/data" \
  -n after "$work/bin/after inventory --format json --data-dir $work/data" \
  -n "after --help" "$work/bin/after inventory --help"
if command -v perf >/dev/null; then
  for t in base after base after; do
    printf '%s: ' $t
    perf stat -e task-clock,page-faults -r "$RUNS" "$work/bin/$t" inventory --format json --data-dir "$work/data" 2>&1 >/dev/null |
      awk '/task-clock/{printf "CPU %.1f ms, ", $1} /page-faults/{printf "%s page faults, ", $1} /elapsed/{printf "wall %.1f ms\n", $1*1000}'
  done
fi
