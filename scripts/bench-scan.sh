#!/bin/bash
# Usage: scripts/bench-scan.sh          (BENCH_DIR=... RUNS=... to change)
#
# The exposure-scan benchmark of docs/BENCHMARKS.md, in one run:
#   1. corpus: Debian's linux-source-6.1 unpacked, with keys planted by scripts/scanbench
#      (keys of this organization of every verdict, valid keys of no organization, and a
#      one-character typo of each); the findings are checked against what was planted;
#   2. `proofkeys scan --all` against `rg -uuu` with the equivalent regular expression and
#      gitleaks v8 with one equivalent rule, warm cache, best of RUNS. --all, as -uuu: the
#      corpus's top .gitignore (Debian's packaging) ignores the whole tree with `/*`;
#   3. `proofkeys scan --git` on a repository of 10,000 commits made with `git fast-import`,
#      checked the same way (each key found once, with the commit that brought it in).
# Needs: apt-get (for linux-source-6.1, ripgrep, git) and Go. The corpus (1.5 GB) is
# unpacked once into BENCH_DIR and reused: planting is undone before each run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

BENCH_DIR=${BENCH_DIR:-/tmp/proofkeys-bench-scan}
RUNS=${RUNS:-3}
COMMITS=${COMMITS:-10000}
REGEX='\bprf_(cli_)?(test_)?[0-9A-Za-z]{36}\b'
mkdir -p "$BENCH_DIR"

log() { printf '== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- what it needs
missing=""
[ -f /usr/src/linux-source-6.1.tar.xz ] || missing="$missing linux-source-6.1"
command -v rg >/dev/null || missing="$missing ripgrep"
command -v git >/dev/null || missing="$missing git"
if [ -n "$missing" ]; then
  log "installing$missing"
  # shellcheck disable=SC2086 # one word per package
  as_root apt-get install -y $missing >&2
fi
GITLEAKS=$(command -v gitleaks || echo "$(go env GOPATH)/bin/gitleaks")
if [ ! -x "$GITLEAKS" ]; then
  log "installing gitleaks v8"
  go install github.com/zricethezav/gitleaks/v8@latest
fi
decode_flag=""
if "$GITLEAKS" dir --help 2>&1 | grep -q -- --max-decode-depth; then decode_flag="--max-decode-depth 0"; fi

log "building proofkeys"
# linked as make build links, GTK and WebKit only where needed (backend/lazygui)
CGO_LDFLAGS="${CGO_LDFLAGS:--O2 -g} -Wl,--as-needed" go build -tags desktop,production,webkit2_41 -o "$BENCH_DIR/proofkeys" .
go build -o "$BENCH_DIR/scanbench" ./scripts/scanbench
PK="$BENCH_DIR/proofkeys"
SB="$BENCH_DIR/scanbench"

corpus="$BENCH_DIR/linux-source-6.1"
if [ ! -d "$corpus" ]; then
  log "unpacking linux-source-6.1 into $BENCH_DIR (once)"
  tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$BENCH_DIR"
fi

log "planting keys"
rm -rf "$BENCH_DIR/data"
"$SB" plant --data "$BENCH_DIR/data" --corpus "$corpus" --manifest "$BENCH_DIR/manifest.json"

# best_of N CMD...: the shortest wall time of N runs, in seconds (output thrown away).
best_of() {
  local n=$1 best="" t s e
  shift
  for _ in $(seq "$n"); do
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    t=$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  printf '%.2f' "$best"
}

pk_scan() { "$PK" scan --all --max-size 64M --env production --data-dir "$BENCH_DIR/data" --format json "$corpus"; }
rg_scan() { rg -uuu --no-messages -o -n -e "$REGEX" "$corpus"; }
cat > "$BENCH_DIR/gitleaks.toml" <<TOML
title = "Proof API keys"
[[rules]]
id = "proof-api-key"
description = "Proof API key"
regex = '''$REGEX'''
keywords = ["prf_"]
TOML
gl_scan() {
  # shellcheck disable=SC2086
  "$GITLEAKS" dir "$corpus" --config "$BENCH_DIR/gitleaks.toml" --no-banner --redact $decode_flag \
    --report-format json --report-path "$BENCH_DIR/gitleaks.json" --exit-code 0
}

log "warming the cache"
rg_scan >/dev/null 2>&1 || true
pk_scan >/dev/null 2>&1 || true

log "checking the findings"
pk_scan >"$BENCH_DIR/scan.json" || [ $? = 3 ]
findings=$("$SB" check --manifest "$BENCH_DIR/manifest.json" --result "$BENCH_DIR/scan.json")
echo "$findings"
rg_count=$(rg_scan | wc -l)
gl_scan >/dev/null 2>&1
gl_count=$(grep -c '"RuleID"' "$BENCH_DIR/gitleaks.json" || true)

log "timing, best of $RUNS"
t_pk=$(best_of "$RUNS" pk_scan)
t_rg=$(best_of "$RUNS" rg_scan)
t_gl=$(best_of "$RUNS" gl_scan)

log "history: $COMMITS commits"
repo="$BENCH_DIR/history"
rm -rf "$repo"
git init -q -b main "$repo"
"$SB" history --manifest "$BENCH_DIR/manifest.json" --commits "$COMMITS" | git -C "$repo" fast-import --quiet
git -C "$repo" checkout -q main
git -C "$repo" log --all --format='%H %s' >"$BENCH_DIR/git-log.txt"
pk_git() { "$PK" scan --git --env production --data-dir "$BENCH_DIR/data" --format json "$repo"; }
pk_git >"$BENCH_DIR/history.json" || [ $? = 3 ]
history=$("$SB" check --manifest "$BENCH_DIR/manifest.json" --result "$BENCH_DIR/history.json" --git-log "$BENCH_DIR/git-log.txt")
echo "$history"
t_git=$(best_of "$RUNS" pk_git)

files=$(find "$corpus" -type f | wc -l)
size=$(du -sh "$corpus" | cut -f1)
ratio_rg=$(awk -v a="$t_pk" -v b="$t_rg" 'BEGIN { printf "%.2f", a / b }')
ratio_gl=$(awk -v a="$t_gl" -v b="$t_pk" 'BEGIN { printf "%.1f", a / b }')
cat <<REPORT

corpus: $files files, $size; $(nproc) cores; $(rg --version | sed -n 1p); gitleaks $(go version -m "$GITLEAKS" | awk '$1 == "mod" { print $3 }')
| tool | findings | best of $RUNS, s |
| --- | ---: | ---: |
| proofkeys scan --all | $(grep -o '"keys": [0-9][0-9]*' "$BENCH_DIR/scan.json" | head -1 | cut -d' ' -f2) keys, $(grep -o '"typos": [0-9][0-9]*' "$BENCH_DIR/scan.json" | head -1 | cut -d' ' -f2) typos counted apart | $t_pk |
| rg -uuu | $rg_count | $t_rg |
| gitleaks dir $decode_flag | $gl_count | $t_gl |
| proofkeys scan --git ($COMMITS commits) | $(grep -o '"keys": [0-9][0-9]*' "$BENCH_DIR/history.json" | head -1 | cut -d' ' -f2) keys | $t_git |

proofkeys / ripgrep: ${ratio_rg}x (target at most 2x); gitleaks / proofkeys: ${ratio_gl}x (target at least 5x)
$findings
history: $history
REPORT
