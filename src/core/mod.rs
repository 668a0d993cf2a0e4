//! The core: everything with no browser dependency, tested natively.
//!
//! **Architecture invariant:** nothing under `core` does I/O or touches a browser API.

pub mod board;
pub mod catalogue;
pub mod challenge_bank;
pub mod content;
pub mod courses;
pub mod dating;
pub mod i18n;
pub mod json_file;
pub mod markdown;
pub mod media;
pub mod next;
pub mod progress;
pub mod project;
pub mod read_aloud;
pub mod recap;
pub mod role_models;
pub mod route;
pub mod sort;
pub mod teacher;
pub mod text;
