#!/usr/bin/env bash
# Prints the gzip -9 size of every file of the first load from the release build in dist/:
# the page, what it links (JS glue, wasm, CSS, icon) and lessons/index.json, which the
# first page waits for. Usage: scripts/bench.sh [DIST]
set -euo pipefail
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "bench: no $dist/index.html; run make dist" >&2; exit 2; }

files=(index.html)
# Everything index.html references by href/src (trunk's hashed names), minus external URLs.
while IFS= read -r ref; do
  ref=${ref#./}
  case "$ref" in http*|//*|'') continue ;; esac
  [ -f "$dist/$ref" ] && files+=("$ref")
done < <(grep -oE '(href|src)="[^"#?]+' "$dist/index.html" | sed -E 's/^(href|src)="//' | sort -u)
files+=(lessons/index.json)

printf '%-48s %10s %10s\n' "first-load file" "bytes" "gzip -9"
total_raw=0; total_gz=0
for f in "${files[@]}"; do
  raw=$(stat -c %s "$dist/$f")
  gz=$(gzip -9 -c "$dist/$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-48s %10d %10d  (%.1f KB gzip)\n' "TOTAL" "$total_raw" "$total_gz" "$(awk "BEGIN{print $total_gz/1024}")"

# Content is loaded on demand; shown for scale, not part of the first load.
lessons_gz=$(find "$dist/lessons" -name '*.json' ! -path '*/schema/*' -exec cat {} + | gzip -9 | wc -c)
printf '%-48s %10s %10d\n' "(all content JSON, loaded on demand)" "" "$lessons_gz"
