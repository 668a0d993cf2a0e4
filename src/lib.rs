//! Spire: an entrepreneurship toolkit for classrooms.
//!
//! `core` holds the pure logic (content, progress, storage format); `app` the Leptos UI and
//! the thin browser adapters.

pub mod app;
pub mod core;
