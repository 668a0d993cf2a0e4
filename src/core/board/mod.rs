//! Idea canvases as boards of sticky notes: colours, what can be done to notes (and how it
//! is undone), the board drawn on one sheet for print and images, and one canvas as a file.
//! The notes themselves are saved work (`progress::Answer::Canvas`); this module only
//! computes what to write.

pub mod colour;
pub mod file;
pub mod notes;
pub mod sheet;
pub mod undo;

pub use crate::core::progress::work_ref::{
    CANVAS_STEP, PROP_DELETED, PROP_NAME, PROP_TEAM, PROP_TEMPLATE,
};
pub use colour::NoteColour;
pub use notes::{NoteEdit, Nudge, Place};
pub use undo::History;
