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
    /// A prepared interview with a role model (`interview:<role-model id>`): the questions
    /// chosen from the profile, the pupil's own, and the answers noted.
    Interview,
    /// A real visitor a teacher listed on this device (`visitor:<random id>`): the props
    /// hold the profile (see `core::role_models::Visitor`), the answers the interview
    /// prepared with them.
    Visitor,
}

impl WorkKind {
    pub const ALL: [WorkKind; 4] = [
        WorkKind::Lesson,
        WorkKind::Challenge,
        WorkKind::Interview,
        WorkKind::Visitor,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WorkKind::Lesson => "lesson",
            WorkKind::Challenge => "challenge",
            WorkKind::Interview => "interview",
            WorkKind::Visitor => "visitor",
        }
    }

    /// Work a pupil does step by step in a lesson or challenge (what "continue" is about).
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

    pub fn interview(role_model: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Interview,
            id: role_model.to_string(),
        }
    }

    /// A visitor; `id` is random (a `RecordId`), never "highest + 1".
    pub fn visitor(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Visitor,
            id: id.to_string(),
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
            WorkKind::Interview => Route::RoleModel { id },
            WorkKind::Visitor => Route::Visitor { id },
        }
    }

    /// The content file the work follows; `None` for work that follows none (a visitor
    /// holds its own profile).
    pub fn content(&self) -> Option<(ContentKind, &str)> {
        let kind = match self.kind {
            WorkKind::Lesson => ContentKind::Lesson,
            WorkKind::Challenge => ContentKind::Challenge,
            WorkKind::Interview => ContentKind::RoleModel,
            WorkKind::Visitor => return None,
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
            if kind.is_steps() {
                assert!(WorkRef::of_route(&route).is_some());
            }
            assert_eq!(r.content().is_some(), kind != WorkKind::Visitor);
            assert_eq!(WorkKind::parse(kind.name()), Some(kind));
        }
    }

    #[test]
    fn interviews_follow_their_role_model_and_visitors_have_a_page() {
        let i = WorkRef::interview("maja-keramik");
        assert_eq!(i.key(), "interview:maja-keramik");
        assert_eq!(i.content(), Some((ContentKind::RoleModel, "maja-keramik")));
        assert_eq!(
            i.route(None),
            Route::RoleModel {
                id: "maja-keramik".into()
            }
        );
        let v = WorkRef::visitor("k3x9a0b");
        assert_eq!(WorkRef::parse("visitor:k3x9a0b"), Some(v.clone()));
        assert_eq!(v.route(None).href(), "#/visitors/k3x9a0b");
        assert!(!WorkKind::Visitor.is_steps() && !WorkKind::Interview.is_steps());
    }
}
