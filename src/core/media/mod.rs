//! Answers beyond typing (content v1.1): the sketch pad's strokes and their undo history,
//! references to photos and voice recordings kept in the browser's IndexedDB, media in
//! backup files, and which kept blobs nothing refers to any more. No browser here: the app
//! draws, records and stores; this module decides.

pub mod backup;
pub mod clip;
pub mod sketch;
pub mod sweep;

pub use clip::{Clip, ClipKind};
pub use sketch::{Pad, Stroke};
