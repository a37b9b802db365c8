#!/usr/bin/env bash
# Seed the fuzz corpus (fuzz/corpus/<target>/, not committed) from the project's corpus and,
# when present, ../shared/corpus: every text, Markdown and HTML document up to 64 KiB (larger
# ones slow libFuzzer down without adding coverage), plus the regression cases.
# Usage: fuzz/seed.sh [--no-bulk] [TARGET]   (default parse_any; --no-bulk leaves out
# ../shared/corpus/bulk, ~2,300 seeds that take minutes to replay: for short runs such as CI's)
set -euo pipefail
cd "$(dirname "$0")/.."
prune=()
if [ "${1:-}" = --no-bulk ]; then
  prune=(-path ../shared/corpus/bulk -prune -o)
  shift
fi
target=${1:-parse_any}
dest=fuzz/corpus/$target
mkdir -p "$dest"
n=0
for dir in corpus ../shared/corpus; do
  [ -d "$dir" ] || continue
  while IFS= read -r -d '' f; do
    # Content-addressed names, as libFuzzer names its own: re-seeding adds nothing twice.
    cp "$f" "$dest/seed-$(sha1sum "$f" | cut -c1-16)"
    n=$((n + 1))
  done < <(find "$dir" "${prune[@]}" -type f -size -65k \( -name '*.txt' -o -name '*.md' -o -name '*.html' \
             -o -name '*.htm' -o -name '*.pdf' \) ! -name README.md ! -name GOLD.md -print0)
done
echo "fuzz/seed.sh: $n seed files in $dest"
