#!/usr/bin/env bash
# Installs what building and testing Spire needs, only when missing or of the wrong version.
# Idempotent: with everything present it takes a few seconds. Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
WASM_SPLIT_VERSION=0.2.4
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)

log() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (takes ~11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~8 minutes)"
  # Not --locked: its lockfile pins a webpki-roots the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# The splitter that cuts the app's WebAssembly into a part per kind of page (see
# scripts/postbuild.mjs); it must match the wasm_split_helpers that leptos uses.
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm_split_cli_support $WASM_SPLIT_VERSION (takes ~3 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

# wasm-opt from npm, project-local. Never Debian's binaryen: its builds die at start-up.
# axe-core (pinned in package.json) for the browser tests' accessibility checks, and
# terser and csso for the build's minified scripts and stylesheet, too.
if [ "$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)" != "wasm-opt version $BINARYEN_VERSION (version_$BINARYEN_VERSION)" ] \
  || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing binaryen $BINARYEN_VERSION, axe-core, terser and csso from npm"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

# A build from a clean clone writes ~7 GB under target/ (release wasm with relocations
# for the splitter, and the debug binary of the browser suites). When the disk runs out, rustc
# dies half-way with nothing but cargo's exit status in a short log; say so up front.
NEED_KB=$((9 * 1024 * 1024))
FREE_KB=$(df -Pk . | awk 'NR == 2 { print $4 }')
if [ -n "$FREE_KB" ] && [ "$FREE_KB" -lt "$NEED_KB" ]; then
  log "WARNING: only $((FREE_KB / 1024)) MB free on this disk; a clean build needs ~9 GB and may fail with 'No space left on device'"
fi

# Trunk builds offline; make sure every crate is in the local registry first.
cargo fetch --quiet
