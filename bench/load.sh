#!/usr/bin/env bash
# Load throughput of `minutes load` (parse + COPY) in documents/s over the text-like files
# (md, txt, html) of ../shared/corpus/bulk, into a throwaway PostgreSQL cluster: median of 3
# runs, each into an empty schema. Not run in CI. Usage: bash bench/load.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release -q
export MINUTES_PG_PORT=${MINUTES_PG_PORT:-54339}
# shellcheck source=../.ci/pg-start.sh
source .ci/pg-start.sh
trap 'bash .ci/pg-stop.sh' EXIT
mapfile -t files < <(find ../shared/corpus/bulk -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' \) | sort)
n=${#files[@]}
url=$MINUTES_TEST_DATABASE_URL
rates=()
for i in $(seq "$runs"); do
  psql -q "$url" -c "DROP SCHEMA IF EXISTS minutes CASCADE" 2>/dev/null \
    || "$MINUTES_PG_BINDIR/psql" -q "$url" -c "DROP SCHEMA IF EXISTS minutes CASCADE"
  start=$(date +%s.%N)
  target/release/minutes load --postgres "$url" "${files[@]}" >"$MINUTES_PG_DIR/load.out" 2>"$MINUTES_PG_DIR/load.err" || true
  end=$(date +%s.%N)
  rate=$(python3 -c "print(f'{$n / ($end - $start):.1f}')")
  echo "run $i: $n documents in $(python3 -c "print(f'{$end - $start:.2f}')") s = $rate documents/s ($(cat "$MINUTES_PG_DIR/load.out"))"
  rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $runs: $median documents/s ($n documents, $(nproc) cores)"
