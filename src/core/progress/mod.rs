//! The pupil's saved work: the state, its operations, merging, the saved format and backups.

pub mod answer;
pub mod backup;
pub mod merge;
pub mod state;
pub mod stored;

pub use answer::{Answer, Idea, Note, Rating};
pub use state::{Millis, Progress, Settings, Work, WorkKind, WorkRef};
