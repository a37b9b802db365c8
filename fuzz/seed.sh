#!/usr/bin/env bash
# Seed the fuzz corpus (fuzz/corpus/<target>/, not committed) from the project's corpus and,
# when present, ../shared/corpus: every text, Markdown and HTML document up to 64 KiB (larger
# ones slow libFuzzer down without adding coverage), plus the regression cases.
# Usage: fuzz/seed.sh [TARGET]   (default parse_any)
set -euo pipefail
cd "$(dirname "$0")/.."
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
  done < <(find "$dir" -type f -size -65k \( -name '*.txt' -o -name '*.md' -o -name '*.html' \
             -o -name '*.htm' -o -name '*.pdf' \) ! -name README.md ! -name GOLD.md -print0)
done
echo "fuzz/seed.sh: $n seed files in $dest"
