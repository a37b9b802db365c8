#!/usr/bin/env bash
# Time and memory of `minutes parse` on the hostile inputs of tests/hostile.rs, each shape at
# three sizes (×1, ×2, ×4): linear behaviour shows as a constant s/MB and RSS/MB down a shape.
#
#   bench/hostile.sh [RUNS]      (default 3 runs per figure; medians are reported)
#
# Release build, one file per run, wall clock and peak RSS from GNU time (Debian package
# `time`). Not run by CI: the tests check that each input completes with a diagnostic, this
# script checks how the cost grows.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time"; exit 2; }
cargo build --release --quiet
BIN=target/release/minutes
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# gen SHAPE SCALE FILE: write one input of SHAPE at SCALE (1, 2 or 4).
gen() {
  python3 - "$@" <<'PY'
import sys
shape, k, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
head = "Minutes of the Ashby Parish Council held on 20 March 2019\n\n1. Budget\n\n"
if shape == "one-line":            # 12.5 / 25 / 50 MB without a newline
    unit = "RESOLVED that the Council note the report of 20 March 2019 by Cllr Jones (a) and (b); "
    data = unit * (12_500_000 * k // len(unit))
elif shape == "blank-lines":       # 250k / 500k / 1M blank lines around minutes
    data = "\n" * (125_000 * k) + head + "RESOLVED that x.\n" + "\n" * (125_000 * k)
elif shape == "resolved":          # 25k / 50k / 100k RESOLVED lines
    data = head + "".join(f"RESOLVED that item {i} be approved.\n" for i in range(25_000 * k))
elif shape == "nested-numbers":    # 2.5k / 5k / 10k levels: one label, then a staircase
    n = 2_500 * k
    data = head + "1." * n + " Deepest\n\n" + "".join(
        " " * (d % 64) + [f"{d // 3 + 1}.", f"({chr(97 + d % 26)})", "iv."][d % 3] + " RESOLVED that it be noted.\n"
        for d in range(n))
elif shape == "big-number":        # 400 / 800 / 1,600 digit numbers in every numeric place
    b = "1234567890" * (40 * k)
    data = f"Minutes of {b} March {b}\n\n{b}. Budget\n\n{b}.{b} RESOLVED that it be done by {b} March 2020.\n\nFor {b}, Against {b}.\n"
elif shape == "nested-html":       # 2.5k / 5k / 10k nested <div><b>
    n = 2_500 * k
    data = "<html><body>" + "<div><b>" * n + "<p>RESOLVED that x.</p>" + "</b></div>" * n + "</body></html>"
elif shape == "html-rows":         # 5k / 10k / 20k flat table rows (the tree is built)
    data = "<table>" + "".join(f"<tr><td>{i}.</td><td>RESOLVED that item {i} be approved.</td></tr>" for i in range(5_000 * k)) + "</table>"
else:
    raise SystemExit(f"unknown shape {shape}")
open(path, "w").write(data)
PY
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-16s %5s %9s %9s %10s %9s %10s\n' shape scale MB seconds 's/MB' 'RSS MB' 'RSS/input'
for shape in one-line blank-lines resolved nested-numbers big-number nested-html html-rows; do
  for k in 1 2 4; do
    ext=txt; case $shape in *html*) ext=html ;; esac
    f="$TMP/$shape-$k.$ext"
    gen "$shape" "$k" "$f"
    : > "$TMP/t"
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f "%e %M" -o "$TMP/one" "$BIN" parse --compact "$f" > /dev/null
      tail -1 "$TMP/one" >> "$TMP/t"
    done
    size=$(stat -c %s "$f")
    secs=$(cut -d' ' -f1 "$TMP/t" | median)
    rss=$(cut -d' ' -f2 "$TMP/t" | median)
    awk -v s="$shape" -v k="$k" -v b="$size" -v t="$secs" -v r="$rss" 'BEGIN {
      mb = b / 1e6; rmb = r / 1024
      printf "%-16s %5s %9.2f %9.2f %10.3f %9.1f %10.1f\n", s, "x" k, mb, t, t / mb, rmb, rmb / mb }'
    rm -f "$f"
  done
done
