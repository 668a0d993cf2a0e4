# Spire: `make serve` builds and serves the app; `make test` runs every check.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Every integration test but the browser suites (tests/browser/, one binary), which need the
# release build first, and the benchmark, which is measured by `make bench`, never asserted.
NATIVE_TESTS := $(patsubst tests/%.rs,--test %,$(filter-out tests/bench%.rs,$(wildcard tests/*.rs)))

.PHONY: serve dist test check check-content fmt lint unit browser bench feature-costs screenshots setup clean

setup:
	@scripts/setup.sh

serve: setup
	trunk serve --release

dist: setup
	trunk build --release

check-content:
	cargo run --quiet --bin spire-content -- check lessons
	cargo run --quiet --bin spire-content -- index --check lessons
	cargo run --quiet --bin spire-content -- schema --check lessons/schema

fmt:
	cargo fmt --check

# Both targets: code under cfg(target_arch = "wasm32") is only linted when built for it.
lint:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

unit:
	cargo test --lib --bins $(NATIVE_TESTS)

browser: dist
	scripts/setup.sh --browser
	scripts/with-process-group.sh cargo test --test browser -- --test-threads=1

test:
	scripts/setup.sh --browser
	$(MAKE) fmt
	$(MAKE) lint
	$(MAKE) check-content
	cargo test --lib --bins $(NATIVE_TESTS)
	$(MAKE) dist
	scripts/with-process-group.sh cargo test --test browser -- --test-threads=1

bench: dist
	scripts/setup.sh --browser
	@scripts/bench.sh
	scripts/with-process-group.sh cargo test --test bench_canvas -- --ignored --nocapture
	scripts/with-process-group.sh cargo test --test browser dating:: -- --ignored --nocapture --test-threads=1

# What each feature adds to the download: a release build without each one (~37 minutes on 2 cores).
feature-costs: setup
	scripts/feature-costs.sh

# The README's screenshots (docs/screenshots/*.png), taken from the release build.
screenshots: dist
	scripts/setup.sh --browser
	scripts/with-process-group.sh cargo test --test browser app::screenshots_for_the_readme -- --ignored --exact --nocapture

clean:
	rm -rf dist target/spire-browser-tests
