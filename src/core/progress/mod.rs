//! The pupil's saved work: the state, its operations, merging, the saved format, the rules
//! of saving and backups.

pub mod answer;
pub mod backup;
pub mod merge;
pub mod record;
pub mod save;
pub mod state;
pub mod stored;
pub mod work_ref;

pub use answer::{Answer, Idea, Note, Rating};
pub use record::{RecordId, Records};
pub use state::{Millis, Progress, Settings, Stamped, Work};
pub use work_ref::{WorkKind, WorkRef};
