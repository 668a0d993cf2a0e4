//! What a piece of saved work belongs to, and the one mapping from saved work to the page it
//! is done on and the content file it comes from. Adding a kind of work touches this file.

use crate::core::content::id::is_valid_id;
use crate::core::content::ContentKind;
use crate::core::route::Route;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    Lesson,
    Challenge,
    /// An assignment a teacher made (`assignment:<random id>`): its props hold it.
    Assignment,
    /// An assignment a pupil received by link (`assigned:<assignment id>`, so opening the
    /// same link again is the same item).
    Assigned,
    /// A teacher's class overview of one assignment (`class:<assignment id>`): the
    /// hand-ins imported, one document per pupil.
    Class,
    /// The class board of a lesson on the teacher's device (`board:<lesson id>`): the
    /// class's ideas and dots, keyed by the lesson's step ids.
    Board,
}

impl WorkKind {
    pub const ALL: [WorkKind; 6] = [
        WorkKind::Lesson,
        WorkKind::Challenge,
        WorkKind::Assignment,
        WorkKind::Assigned,
        WorkKind::Class,
        WorkKind::Board,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WorkKind::Lesson => "lesson",
            WorkKind::Challenge => "challenge",
            WorkKind::Assignment => "assignment",
            WorkKind::Assigned => "assigned",
            WorkKind::Class => "class",
            WorkKind::Board => "board",
        }
    }

    /// Work a pupil does step by step in a lesson or challenge (what "continue" and
    /// hand-ins are about), as opposed to the teacher's and assignment items.
    pub fn is_steps(self) -> bool {
        matches!(self, WorkKind::Lesson | WorkKind::Challenge)
    }

    pub fn parse(s: &str) -> Option<WorkKind> {
        WorkKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// The key of a piece of work: `lesson:idea-sprint`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkRef {
    pub kind: WorkKind,
    pub id: String,
}

impl WorkRef {
    pub fn lesson(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Lesson,
            id: id.to_string(),
        }
    }

    pub fn challenge(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Challenge,
            id: id.to_string(),
        }
    }

    pub fn assignment(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Assignment,
            id: id.to_string(),
        }
    }

    pub fn assigned(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Assigned,
            id: id.to_string(),
        }
    }

    pub fn class(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Class,
            id: id.to_string(),
        }
    }

    pub fn board(lesson: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Board,
            id: lesson.to_string(),
        }
    }

    pub fn key(&self) -> String {
        format!("{}:{}", self.kind.name(), self.id)
    }

    pub fn parse(key: &str) -> Option<WorkRef> {
        let (kind, id) = key.split_once(':')?;
        let kind = WorkKind::parse(kind)?;
        is_valid_id(id).then(|| WorkRef {
            kind,
            id: id.to_string(),
        })
    }

    /// The page where this work is done, opened at `step` (or where the page decides).
    pub fn route(&self, step: Option<String>) -> Route {
        let id = self.id.clone();
        match self.kind {
            WorkKind::Lesson => Route::Lesson { id, step },
            WorkKind::Challenge => Route::Challenge { id, step },
            WorkKind::Assignment => Route::TeacherAssignment { id },
            WorkKind::Assigned => Route::Assigned { id },
            WorkKind::Class => Route::ClassOverview { id },
            WorkKind::Board => Route::Board { lesson: id, step },
        }
    }

    /// The content file the work follows; `None` for kinds that follow none (an
    /// assignment holds its own data).
    pub fn content(&self) -> Option<(ContentKind, &str)> {
        let kind = match self.kind {
            WorkKind::Lesson | WorkKind::Board => ContentKind::Lesson,
            WorkKind::Challenge => ContentKind::Challenge,
            WorkKind::Assignment | WorkKind::Assigned | WorkKind::Class => return None,
        };
        Some((kind, &self.id))
    }

    /// The work a page shows, if the page is one where work is done.
    pub fn of_route(route: &Route) -> Option<(WorkRef, Option<String>)> {
        match route {
            Route::Lesson { id, step } => Some((WorkRef::lesson(id), step.clone())),
            Route::Challenge { id, step } => Some((WorkRef::challenge(id), step.clone())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_reject_junk() {
        for r in [WorkRef::assignment("k3x9q2"), WorkRef::board("ide-storm")] {
            assert_eq!(WorkRef::parse(&r.key()), Some(r.clone()));
        }
        for r in [WorkRef::lesson("idea-sprint"), WorkRef::challenge("edison")] {
            assert_eq!(WorkRef::parse(&r.key()), Some(r.clone()));
            let route = r.route(Some("s1".into()));
            assert_eq!(WorkRef::of_route(&route), Some((r, Some("s1".into()))));
        }
        for bad in ["", "lesson", "lesson:", "quiz:a", "lesson:A B"] {
            assert_eq!(WorkRef::parse(bad), None, "{bad}");
        }
        assert_eq!(WorkRef::of_route(&Route::Home), None);
    }

    #[test]
    fn every_kind_has_a_page_and_a_content_kind() {
        for kind in WorkKind::ALL {
            let r = WorkRef {
                kind,
                id: "x".into(),
            };
            let route = r.route(None);
            assert_ne!(route, Route::NotFound);
            assert_eq!(Route::parse(&route.href()), route, "{kind:?}");
            assert_eq!(
                r.content().is_some(),
                kind.is_steps() || kind == WorkKind::Board
            );
            if kind.is_steps() {
                assert!(WorkRef::of_route(&route).is_some());
            }
            assert_eq!(WorkKind::parse(kind.name()), Some(kind));
        }
    }
}
