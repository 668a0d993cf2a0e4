//! Builds that leave one feature out, to measure what it adds to the download.
//!
//! `scripts/feature-costs.sh` (`make feature-costs`) builds the app as it ships and then once
//! with each Cargo feature `measure-without-<feature>`, which draws nothing in place of that
//! feature's pages and steps, so the optimiser drops all the code only they use. The
//! difference in gzip bytes is what the feature costs. No such build is ever deployed.

use leptos::prelude::*;

/// `draw()`, or nothing in a build that leaves its feature out. `left_out` is a
/// `cfg!(feature = "measure-without-…")`: a constant, `false` in the app's own build, where
/// this is just `draw()` and costs nothing.
#[inline(always)]
pub fn unless_left_out(left_out: bool, draw: impl FnOnce() -> AnyView) -> AnyView {
    if left_out {
        ().into_any()
    } else {
        draw()
    }
}
