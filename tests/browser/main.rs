#![cfg(not(target_arch = "wasm32"))]
//! Every browser suite, one module each, in one test binary: the harness in `support` and
//! the crates it links (fantoccini, hyper, tokio) are compiled and linked once, not once
//! per suite: their build on a clean clone went from 78 s to 31 s (2 December 2026), and
//! clippy checks the harness once instead of twelve times.
//!
//! Run them all with `make browser`, or after `make dist`:
//! `scripts/with-process-group.sh cargo test --test browser -- --test-threads=1`;
//! one suite by its module's name: `... cargo test --test browser offline:: -- --test-threads=1`.
//! Every test starts its own server, chromedriver and Chromium profile, so the order the
//! suites run in does not matter.

#[path = "../support/mod.rs"]
mod support;

mod accessibility;
mod app;
mod canvas;
mod challenges;
mod dating;
mod engine;
mod lessons;
mod media;
mod offline;
mod role_models;
mod saving;
mod teacher;
