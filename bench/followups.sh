#!/usr/bin/env bash
# Time `minutes followups` over a whole archive: every file of
# ../shared/corpus/bulk/stokeferry-parish-minutes (1,449 md/html files, 33 MB, many bodies,
# each meeting as HTML and Markdown) by default, or the directory given. Median of RUNS runs
# of wall clock and user CPU, and the peak RSS (GNU `time`, Debian package `time`). Not run
# in CI. `MINUTES_BIN=path` measures another build. Usage: bash bench/followups.sh [RUNS] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dir=${2:-../shared/corpus/bulk/stokeferry-parish-minutes}
if [ -z "${MINUTES_BIN:-}" ]; then
  cargo build --release -q
  MINUTES_BIN=target/release/minutes
fi
out=$(mktemp)
trap 'rm -f "$out" "$out.time"' EXIT
walls=(); users=(); rss=()
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e %U %M' -o "$out.time" "$MINUTES_BIN" followups --json "$dir" >"$out"
  read -r wall user kb <"$out.time"
  walls+=("$wall"); users+=("$user"); rss+=("$kb")
  echo "run $i: wall $wall s, user $user s, peak RSS $((kb / 1024)) MB"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
summary=$(python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
b=d['bodies']
print(f\"{len(b)} bodies, {sum(len(x['meetings']) for x in b)} meetings ({sum(1 for x in b for m in x['meetings'] if m.get('same_as'))} copies), {sum(len(x['followups']) for x in b)} follow-ups\")" "$out")
echo "median of $runs: wall $(median "${walls[@]}") s, user $(median "${users[@]}") s, peak RSS $(( $(median "${rss[@]}") / 1024 )) MB; $summary"
