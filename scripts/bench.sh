#!/usr/bin/env bash
# `make bench`: first the gzip -9 size of every file of the first load from the release
# build in dist/ (the page, what it links, lessons/index.json, which the first page waits
# for), then tests/bench.rs in headless Chromium under 4x CPU throttling (page readiness,
# long tasks, the catalogue, typing, saving). Prints one table at the end and writes
# target/bench/bench.json. Usage: scripts/bench.sh [DIST]
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
[ -f "$dist/index.html" ] || { echo "bench: no $dist/index.html; run make dist" >&2; exit 2; }
out=target/bench
mkdir -p "$out"

files=(index.html)
# Everything index.html references by href/src (trunk's hashed names), minus external URLs.
while IFS= read -r ref; do
  ref=${ref#./}
  case "$ref" in http*|//*|'') continue ;; esac
  [ -f "$dist/$ref" ] && files+=("$ref")
done < <(grep -oE '(href|src)="[^"#?]+' "$dist/index.html" | sed -E 's/^(href|src)="//' | sort -u)
# The wasm: trunk's start-up script names it in a string, not in an href (postbuild.mjs
# drops the preload link that named it there).
wasm=$(grep -oE "['\"]\./[^'\"]+_bg\.wasm['\"]" "$dist/index.html" | head -1 | tr -d "'\"" || true)
wasm=${wasm#./}
[ -n "$wasm" ] && [ -f "$dist/$wasm" ] || { echo "bench: index.html names no wasm that is in $dist" >&2; exit 2; }
files+=("$wasm")
# The WebAssembly is split by page (scripts/postbuild.mjs): the main script imports the
# splitter's loader; the home page is in the main module (it would fetch its part here if
# it had one).
js=$(grep -oE 'href="\./[^"]+\.js"' "$dist/index.html" | grep -v 'boot\.js' | head -1 | sed -E 's/^href="\.\///; s/"$//')
link=$(grep -oE '"\./wasm-split-[0-9a-f]+\.js"' "$dist/$js" | head -1 | tr -d '"' || true)
link=${link#./}
[ -n "$link" ] && [ -f "$dist/$link" ] || { echo "bench: $js imports no splitter loader in $dist" >&2; exit 2; }
files+=("$link")
split_manifest="$(cd "$dist" && pwd)/wasm-split.json"
[ -f "$split_manifest" ] || { echo "bench: no $dist/wasm-split.json; run make dist" >&2; exit 2; }
part_files() { node -e 'const p = require(process.argv[1])[process.argv[2]] || []; if (p.length) console.log(p.join("\n"))' "$split_manifest" "$1"; }
parts=$(node -e 'console.log(Object.keys(require(process.argv[1])).join(" "))' "$split_manifest")
while IFS= read -r f; do [ -n "$f" ] && files+=("$f"); done < <(part_files home)
files+=(lessons/index.json)

# The table for tests/bench.rs to include: file, bytes, gzip bytes.
: > "$out/sizes.tsv"
printf '%-48s %10s %10s\n' "first-load file" "bytes" "gzip -9"
# total_br: what a server sending the build's own compressed copies (postbuild.mjs, README
# "Deploying") sends instead: the .br copy where there is one, else the file gzipped.
total_raw=0; total_gz=0; total_br=0
for f in "${files[@]}"; do
  raw=$(stat -c %s "$dist/$f")
  gz=$(gzip -9 -c "$dist/$f" | wc -c)
  if [ -f "$dist/$f.br" ]; then br=$(stat -c %s "$dist/$f.br"); else br=$gz; fi
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-48s %10d %10d\n' "$f" "$raw" "$gz"
  printf '%s\t%d\t%d\n' "$f" "$raw" "$gz" >> "$out/sizes.tsv"
done
printf '%-48s %10d %10d  (%.1f KB gzip)\n' "TOTAL" "$total_raw" "$total_gz" "$(awk "BEGIN{print $total_gz/1024}")"
printf '%s\t%d\t%d\n' "TOTAL" "$total_raw" "$total_gz" >> "$out/sizes.tsv"
printf '%-48s %10s %10d  (%.1f KB)\n' "TOTAL with the build's brotli copies" "" "$total_br" "$(awk "BEGIN{print $total_br/1024}")"
printf '%s\t%d\t%d\n' "(TOTAL with the build's brotli copies)" 0 "$total_br" >> "$out/sizes.tsv"

# What each part of the app costs: the files a page of that part fetches the first time
# one is opened, besides the first load (chunks shared between parts are counted in each).
echo
printf '%-48s %10s %10s\n' "part of the app (fetched when first opened)" "files" "gzip -9"
for part in $parts; do
  n=0; gz=0
  while IFS= read -r f; do
    n=$((n + 1)); gz=$((gz + $(gzip -9 -c "$dist/$f" | wc -c)))
  done < <(part_files "$part")
  printf '%-48s %10d %10d\n' "part: $part" "$n" "$gz"
  printf 'part: %s (%d files)\t0\t%d\n' "$part" "$n" "$gz" >> "$out/sizes.tsv"
done
echo

# Content is loaded on demand; shown for scale, not part of the first load.
lessons_gz=$(find "$dist/lessons" -name '*.json' ! -path '*/schema/*' -exec cat {} + | gzip -9 | wc -c)
printf '%-48s %10s %10d\n' "(all content JSON, loaded on demand)" "" "$lessons_gz"
printf '%s\t%d\t%d\n' "(all content JSON, loaded on demand)" 0 "$lessons_gz" >> "$out/sizes.tsv"

# The floor: the smallest Leptos app (bench/leptos-floor), built as Spire is, measured
# beside the plain page as the table's "Leptos floor" row: what any page of a Leptos CSR
# app costs at least, whatever the app does.
floor=$out/leptos-floor
echo "bench: building the smallest Leptos app (bench/leptos-floor)"
# Spire's flags but --emit-relocs (.cargo/config.toml), which only its splitter needs.
RUSTFLAGS="--cfg erase_components" cargo build --quiet --release --locked --offline \
  --target wasm32-unknown-unknown --manifest-path bench/leptos-floor/Cargo.toml \
  --target-dir target/leptos-floor
rm -rf "$floor" && mkdir -p "$floor"
wasm-bindgen --target web --no-typescript --out-dir "$floor" --out-name leptos_floor \
  target/leptos-floor/wasm32-unknown-unknown/release/leptos-floor.wasm
node_modules/.bin/wasm-opt -Oz "$floor/leptos_floor_bg.wasm" -o "$floor/leptos_floor_bg.wasm"
cp bench/leptos-floor/index.html "$floor/"
floor_gz=$(cat "$floor/leptos_floor.js" "$floor/leptos_floor_bg.wasm" | gzip -9 | wc -c)
printf '%-48s %10s %10d\n' "(the Leptos floor's JS and wasm, for scale)" "" "$floor_gz"
printf '%s\t%d\t%d\n' "(the Leptos floor's JS and wasm, for scale)" 0 "$floor_gz" >> "$out/sizes.tsv"

# The browser figures, against the same build.
echo
echo "bench: measuring in headless Chromium (several minutes)"
SPIRE_DIST=$(cd "$dist" && pwd) SPIRE_FLOOR=$(cd "$floor" && pwd) scripts/with-process-group.sh \
  cargo test --quiet --test bench -- --ignored --nocapture --test-threads=1

# Lighthouse, pinned in bench/ (installed here, never by make test).
if [ "$(bench/node_modules/.bin/lighthouse --version 2>/dev/null || true)" != "12.2.3" ]; then
  echo "bench: installing Lighthouse 12.2.3 from npm (bench/package-lock.json)"
  npm ci --prefix bench --no-audit --no-fund
fi
node scripts/lighthouse.mjs "$dist"
