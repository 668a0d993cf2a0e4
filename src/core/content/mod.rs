//! The content model of format v1 and its v1.1 extensions (see docs/CONTENT-FORMAT.md),
//! its validation and loading.

#[macro_use]
pub mod problem;
pub mod canvas;
pub mod challenge;
pub mod check;
pub mod course;
pub mod id;
pub mod index;
pub mod lesson;
pub mod load;
pub mod local;
pub mod locate;
pub mod recall;
pub mod reindex;
pub mod role_model;
pub mod step;
pub mod summary;
pub mod validate;
pub mod vocab;

pub use canvas::{CanvasBlock, CanvasTemplate};
pub use challenge::Challenge;
pub use course::{Course, CourseItem, Week};
pub use id::Id;
pub use index::{ContentIndex, ContentKind};
pub use lesson::Lesson;
pub use local::{LocalOffers, Offer};
pub use problem::{Problem, ProblemKind, Seg};
pub use role_model::RoleModel;
pub use step::{Step, StepSlot};
pub use summary::{
    content_hash, CanvasSummary, ChallengeSummary, CourseSummary, Hashed, LessonSummary,
    RoleModelSummary, Summaries, Summarise,
};
pub use vocab::{Competence, Dimension, Level, OfferKind, Sector, Subject};
