//! What a piece of saved work belongs to, and the one mapping from saved work to the page it
//! is done on and the content file it comes from. Adding a kind of work touches this file.

use super::state::Work;
use crate::core::content::id::is_valid_id;
use crate::core::content::ContentKind;
use crate::core::route::Route;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    Lesson,
    Challenge,
    /// A free-standing canvas (My canvases): its template and name are props of the work,
    /// its notes the answer of the one step `CANVAS_STEP`.
    Canvas,
}

/// The step key of a free-standing canvas's notes.
pub const CANVAS_STEP: &str = "notes";
/// The canvas template a free-standing canvas follows.
pub const PROP_TEMPLATE: &str = "template";
/// The name the pupil gave a free-standing canvas.
pub const PROP_NAME: &str = "name";
/// Team or pupil names printed on a canvas (any kind of work).
pub const PROP_TEAM: &str = "team";
/// Non-empty when a free-standing canvas was deleted. A prop rather than removing the work,
/// so the deletion is stamped and merges: an older copy or backup does not bring it back.
pub const PROP_DELETED: &str = "deleted";

impl WorkKind {
    pub const ALL: [WorkKind; 3] = [WorkKind::Lesson, WorkKind::Challenge, WorkKind::Canvas];

    pub fn name(self) -> &'static str {
        match self {
            WorkKind::Lesson => "lesson",
            WorkKind::Challenge => "challenge",
            WorkKind::Canvas => "canvas",
        }
    }

    pub fn parse(s: &str) -> Option<WorkKind> {
        WorkKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// The key of a piece of work: `lesson:idea-sprint`, `canvas:k3x9a…`.
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

    /// A free-standing canvas; `id` is random (a `RecordId`), never "highest + 1".
    pub fn canvas(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Canvas,
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
            WorkKind::Canvas => Route::Canvas { id },
        }
    }

    /// The content file the work follows: the lesson or challenge itself, or the template
    /// a free-standing canvas was started from (a prop of the saved work, so `None` until
    /// the work is known).
    pub fn content(&self, work: Option<&Work>) -> Option<(ContentKind, String)> {
        match self.kind {
            WorkKind::Lesson => Some((ContentKind::Lesson, self.id.clone())),
            WorkKind::Challenge => Some((ContentKind::Challenge, self.id.clone())),
            WorkKind::Canvas => work
                .and_then(|w| w.prop(PROP_TEMPLATE))
                .filter(|t| is_valid_id(t))
                .map(|t| (ContentKind::Canvas, t.to_string())),
        }
    }

    /// The name the pupil gave the work, where the work has one of its own (a canvas);
    /// else lists show the content's title.
    pub fn own_name<'a>(&self, work: Option<&'a Work>) -> Option<&'a str> {
        match self.kind {
            WorkKind::Canvas => work
                .and_then(|w| w.prop(PROP_NAME))
                .filter(|n| !n.trim().is_empty()),
            _ => None,
        }
    }

    /// The work a page shows, if the page is one where work is done.
    pub fn of_route(route: &Route) -> Option<(WorkRef, Option<String>)> {
        match route {
            Route::Lesson { id, step } => Some((WorkRef::lesson(id), step.clone())),
            Route::Challenge { id, step } => Some((WorkRef::challenge(id), step.clone())),
            Route::Canvas { id } => Some((WorkRef::canvas(id), None)),
            _ => None,
        }
    }
}

impl Work {
    /// True when the pupil deleted this work (a free-standing canvas); lists leave it out.
    pub fn is_deleted(&self) -> bool {
        self.prop(PROP_DELETED).is_some_and(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_reject_junk() {
        for r in [
            WorkRef::lesson("idea-sprint"),
            WorkRef::challenge("edison"),
            WorkRef::canvas("k3x9a0"),
        ] {
            assert_eq!(WorkRef::parse(&r.key()), Some(r.clone()));
            let route = r.route(Some("s1".into()));
            let back = WorkRef::of_route(&route).unwrap();
            assert_eq!(back.0, r);
        }
        for bad in [
            "",
            "lesson",
            "lesson:",
            "quiz:a",
            "lesson:A B",
            "canvas:../x",
        ] {
            assert_eq!(WorkRef::parse(bad), None, "{bad}");
        }
        assert_eq!(WorkRef::of_route(&Route::Home), None);
    }

    #[test]
    fn every_kind_has_a_page_and_a_content_file() {
        for kind in WorkKind::ALL {
            let r = WorkRef {
                kind,
                id: "x".into(),
            };
            assert!(WorkRef::of_route(&r.route(None)).is_some());
            let mut work = Work::new(1);
            work.props.insert(
                PROP_TEMPLATE.into(),
                super::super::Stamped {
                    value: "lean-canvas".into(),
                    updated: 1,
                },
            );
            assert!(r.content(Some(&work)).is_some(), "{kind:?}");
            assert_eq!(WorkKind::parse(kind.name()), Some(kind));
        }
    }

    #[test]
    fn a_canvas_follows_its_template_and_has_its_own_name() {
        let mut p = super::super::Progress::default();
        let r = WorkRef::canvas("abc");
        assert_eq!(r.content(None), None);
        p.set_prop(&r, PROP_TEMPLATE, "kid-idea-canvas", 1);
        p.set_prop(&r, PROP_NAME, "  ", 1);
        assert_eq!(
            r.content(p.work(&r)),
            Some((ContentKind::Canvas, "kid-idea-canvas".to_string()))
        );
        assert_eq!(r.own_name(p.work(&r)), None);
        p.set_prop(&r, PROP_NAME, "Drivhuset", 2);
        assert_eq!(r.own_name(p.work(&r)), Some("Drivhuset"));
        p.set_prop(&r, PROP_TEMPLATE, "../etc", 3);
        assert_eq!(r.content(p.work(&r)), None, "a mangled template is no file");
        assert!(!p.work(&r).unwrap().is_deleted());
        p.set_prop(&r, PROP_DELETED, "1", 4);
        assert!(p.work(&r).unwrap().is_deleted());
        assert_eq!(WorkRef::lesson("a").own_name(p.work(&r)), None);
    }
}
