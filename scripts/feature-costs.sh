#!/usr/bin/env bash
# `make feature-costs`: what each feature adds to the app's download. Builds the release app
# as it ships, then once without each feature (the Cargo features `measure-without-<name>`,
# see src/app/feature_cost.rs: that feature's pages and steps draw nothing, so the optimiser
# drops the code only they use), each through the same trunk build and post-build split.
# Prints, per feature, the gzip -9 bytes of the app's code (wasm and the JavaScript that loads
# it) in the first load and in all, and what leaving the feature out saves; writes
# target/feature-costs/costs.tsv; last, all of them at once, which leaves the app's core.
# Takes ~2.5 minutes per build on 2 cores (the first ~5, with the dependencies).
# Usage: scripts/feature-costs.sh [FEATURE ...]   (default: every measure-without- feature)
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt from npm, as the Makefile sets it (trunk builds offline and never fetches it).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/feature-costs
# A target folder of its own: the builds do not disturb dist/'s, and the dependencies are
# built once for all of them (a feature of this crate alone rebuilds only this crate).
export CARGO_TARGET_DIR=$out/target
mkdir -p "$out"

if [ $# -gt 0 ]; then
  features=("$@")
else
  mapfile -t features < <(sed -n 's/^measure-without-\([a-z-]*\) = \[\]$/\1/p' Cargo.toml)
fi
[ ${#features[@]} -gt 0 ] || { echo "feature-costs: no measure-without- features in Cargo.toml" >&2; exit 2; }

gz() { gzip -9 -c "$1" | wc -c; }

# "first all": the first load's code (the main module, its script and the splitter's loader)
# and all of the app's code (every part too).
code_sizes() {
  local dir=$1 first=0 all=0 f size
  for f in "$dir"/*.wasm "$dir"/*.js; do
    case "$(basename "$f")" in boot.js | sw.js) continue ;; esac
    size=$(gz "$f")
    all=$((all + size))
    case "$(basename "$f")" in split_* | chunk_*) ;; *) first=$((first + size)) ;; esac
  done
  echo "$first $all"
}

build() { # name [cargo features]
  local dist=$out/dist-$1 args=(--release --dist "$out/dist-$1")
  [ -n "${2:-}" ] && args+=(--features "$2")
  rm -rf "$dist"
  echo "feature-costs: building ${2:-the app as it ships} ..." >&2
  trunk build "${args[@]}" > "$out/build-$1.log" 2>&1 || { tail -20 "$out/build-$1.log" >&2; exit 1; }
  code_sizes "$dist"
}

read -r base_first base_all < <(build full)
printf '%s\t%s\t%s\t%s\t%s\n' feature first_load_code all_code saved_first saved_all > "$out/costs.tsv"
rows=()
for feature in "${features[@]}"; do
  read -r first all < <(build "$feature" "measure-without-$feature")
  saved_first=$((base_first - first)); saved_all=$((base_all - all))
  printf '%s\t%d\t%d\t%d\t%d\n' "$feature" "$first" "$all" "$saved_first" "$saved_all" >> "$out/costs.tsv"
  rows+=("$(printf '%-16s %14d %14d' "$feature" "$saved_first" "$saved_all")")
done

# All of them at once: what is left is the app's core (what every feature stands on).
if [ ${#features[@]} -gt 1 ]; then
  every=$(printf 'measure-without-%s,' "${features[@]}")
  read -r first all < <(build everything "${every%,}")
  printf '%s\t%d\t%d\t%d\t%d\n' "(all of them)" "$first" "$all" "$((base_first - first))" "$((base_all - all))" >> "$out/costs.tsv"
  rows+=("$(printf '%-16s %14d %14d   (left: %d in the first load)' "(all of them)" "$((base_first - first))" "$((base_all - all))" "$first")")
fi

echo
echo "What each feature adds to the app's code (gzip -9 bytes; the app as it ships: first load $base_first, all $base_all)"
printf '%-16s %14s %14s\n' "feature" "first load" "all parts"
printf '%s\n' "${rows[@]}"
echo "(a feature's bytes are the code only it uses; what features share stays in every build)"
