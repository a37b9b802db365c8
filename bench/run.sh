#!/usr/bin/env bash
# Throughput benchmark of `minutes parse --ndjson` against bench/reference_splitter.py.
#
#   bench/run.sh [RUNS]        (default 5 runs per figure; medians are reported)
#
# Sets: (a) the text-like files of ../shared/corpus/bulk (md/txt/html), PDFs separately since
# pdftotext dominates them; (b) ~100 MB of text made by repeating corpus/seeds in a temp dir.
# Figures: MB/s on one core (--jobs 1), MB/s on all cores, peak RSS (/usr/bin/time -v).
# Not run by CI. Needs GNU time (Debian package `time`) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
CORES=$(nproc)
BULK=../shared/corpus/bulk
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time"; exit 2; }
cargo build --release --quiet
BIN=${MINUTES_BIN:-target/release/minutes}  # MINUTES_BIN=path compares another build
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# (b) ~100 MB: each file is one seed repeated 8 times, as many files as it takes.
mkdir -p "$TMP/big"
python3 - "$TMP/big" <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1]); seeds = sorted(pathlib.Path("corpus/seeds").iterdir())
texts = [s.read_bytes() * 8 for s in seeds]; total, i = 0, 0
while total < 100_000_000:
    d = out / f"{i // 500:03d}"; d.mkdir(exist_ok=True)
    t = texts[i % len(texts)]; (d / f"{i:05d}_{seeds[i % len(seeds)].name}").write_bytes(t)
    total += len(t); i += 1
PY
find "$TMP/big" -type f | sort > "$TMP/big.list"
if [ -d "$BULK" ]; then
  find "$BULK" -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' \) | sort > "$TMP/bulk.list"
  find "$BULK" -type f -name '*.pdf' | sort > "$TMP/pdf.list"
fi

mb() { xargs -a "$1" -d '\n' cat | wc -c | awk '{printf "%.1f", $1/1e6}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measure NAME LIST JOBS CMD...: RUNS runs; prints median seconds, MB/s and peak RSS (MB).
measure() {
  local name=$1 list=$2 jobs=$3; shift 3
  local size secs rss
  size=$(mb "$list")
  : > "$TMP/t"
  for _ in $(seq "$RUNS"); do
    xargs -a "$list" -d "\n" -s 1500000 /usr/bin/time -f "%e %M" -o "$TMP/one" "$@" > /dev/null 2>>"$TMP/err" || true
    tail -1 "$TMP/one" >> "$TMP/t"
  done
  secs=$(cut -d' ' -f1 "$TMP/t" | median)
  rss=$(cut -d' ' -f2 "$TMP/t" | median)
  printf '%-34s %-6s %8s MB %8.2f s %8.1f MB/s %7.1f MB RSS\n' "$name" "$jobs" "$size" "$secs" \
    "$(echo "$size $secs" | awk '{print $1/$2}')" "$(echo "$rss" | awk '{print $1/1024}')"
}

echo "set                                jobs      size       median      throughput  peak"
for set in bulk big; do
  [ -f "$TMP/$set.list" ] || continue
  measure "minutes $set" "$TMP/$set.list" 1 $BIN parse --ndjson --quiet --jobs 1
  measure "minutes $set" "$TMP/$set.list" "$CORES" $BIN parse --ndjson --quiet --jobs "$CORES"
  measure "reference_splitter.py $set" "$TMP/$set.list" 1 python3 bench/reference_splitter.py --jobs 1
  measure "reference_splitter.py $set" "$TMP/$set.list" "$CORES" python3 bench/reference_splitter.py --jobs "$CORES"
done
if [ -s "${TMP}/pdf.list" ] && command -v pdftotext >/dev/null; then
  measure "minutes bulk PDFs (pdftotext)" "$TMP/pdf.list" "$CORES" $BIN parse --ndjson --quiet --jobs "$CORES"
fi
