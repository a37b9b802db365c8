#!/usr/bin/env bash
# Search benchmark (not run in CI): indexing throughput of `minutes index` over the text-like
# files (md, txt, html) of ../shared/corpus/bulk, a second run over the same files (all
# unchanged: skipped), and query latency over bench/queries.txt (benches/search.rs).
#
#   bash bench/search.sh [BULK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bulk="${1:-../shared/corpus/bulk}"
[ -d "$bulk" ] || { echo "no corpus at $bulk"; exit 1; }

cargo build --release --quiet
bin=target/release/minutes
idx="$(mktemp -d)"
list="$(mktemp)"
trap 'rm -rf "$idx" "$list"' EXIT

find "$bulk" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' \) | sort >"$list"
files=$(wc -l <"$list")
bytes=$(tr '\n' '\0' <"$list" | xargs -0 stat -c %s | awk '{s+=$1} END {print s}')

run_index() {
  local t0 t1
  t0=$(date +%s.%N)
  # Files that are not minutes still index (with no records); a file error would exit 1.
  tr '\n' '\0' <"$list" | xargs -0 "$bin" index --quiet --index "$idx" || true
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

echo "== indexing $files files, $(echo "$bytes / 1000000" | bc -l | xargs printf '%.1f') MB, $(nproc) cores"
secs=$(run_index)
printf 'cold:      %.1f s, %.0f documents/s, %.2f MB/s\n' "$secs" "$(echo "$files / $secs" | bc -l)" \
  "$(echo "$bytes / 1000000 / $secs" | bc -l)"
secs=$(run_index)
printf 'unchanged: %.1f s (every file skipped), %.0f documents/s\n' "$secs" "$(echo "$files / $secs" | bc -l)"
echo "index size: $(du -sh "$idx" | cut -f1)"

echo "== query latency (in-process, limit 10, with snippets)"
cargo bench --quiet --bench search -- "$idx" bench/queries.txt 5

echo "== one CLI call (process start, index open, search, print), median of 20"
for _ in $(seq 20); do
  t0=$(date +%s%N)
  "$bin" search --index "$idx" '"parish council" budget' >/dev/null
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000))
done | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms\n", a[int((NR+1)/2)]/1000}'
