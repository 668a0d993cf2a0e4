//! What a piece of saved work belongs to, and the one mapping from saved work to the page it
//! is done on and the content file it comes from. Adding a kind of work touches this file.

use super::state::Work;
use crate::core::content::id::is_valid_id;
use crate::core::content::ContentKind;
use crate::core::route::{ProjectView, Route};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    Lesson,
    Challenge,
    /// A free-standing canvas (My canvases): its template and name are props of the work,
    /// its notes the answer of the one step `CANVAS_STEP`.
    Canvas,
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
    /// A prepared interview with a role model (`interview:<role-model id>`): the questions
    /// chosen from the profile, the pupil's own, and the answers noted.
    Interview,
    /// A real visitor a teacher listed on this device (`visitor:<random id>`): the props
    /// hold the profile (see `core::role_models::Visitor`), the answers the interview
    /// prepared with them.
    Visitor,
    /// The student's own founder profile for StartUp Dating (`profile:mine`): each field a
    /// prop, so edits from two tabs merge field by field.
    Profile,
    /// An organiser's StartUp Dating event (`event:main`): the imported profiles as
    /// documents, votes as dots, settings, teams and pitch order as props.
    Event,
    /// A team's project on a challenge (`project:<random id>`): the challenge, team name and
    /// members are props, the answers are keyed by the challenge's step ids. Several teams
    /// on one device each have their own.
    Project,
    /// A host brief a teacher typed in (`brief:<random id>`), turned into a spin-in
    /// challenge on this device; its fields are props.
    Brief,
}

/// The step key of a free-standing canvas's notes.
pub const CANVAS_STEP: &str = "notes";
/// The canvas template a free-standing canvas follows.
pub const PROP_TEMPLATE: &str = "template";
/// The name the pupil gave a free-standing canvas.
pub const PROP_NAME: &str = "name";
/// Team or pupil names printed on a canvas (any kind of work); a team project's name.
pub const PROP_TEAM: &str = "team";
/// The id of the one founder profile a device holds.
pub const PROFILE_ID: &str = "mine";
/// Non-empty when a work item was deleted (see `Progress::delete_work`).
pub const PROP_DELETED: &str = super::state::DELETED_PROP;
/// The challenge a project follows (a content id).
pub const PROP_CHALLENGE: &str = "challenge";
/// The host brief a project follows instead, when its challenge was made on this device.
pub const PROP_BRIEF: &str = "brief";
/// The team members' first names, comma-separated.
pub const PROP_MEMBERS: &str = "members";
/// The name of the host in a host brief.
pub const PROP_HOST_NAME: &str = "host_name";

impl WorkKind {
    pub const ALL: [WorkKind; 13] = [
        WorkKind::Lesson,
        WorkKind::Challenge,
        WorkKind::Canvas,
        WorkKind::Assignment,
        WorkKind::Assigned,
        WorkKind::Class,
        WorkKind::Board,
        WorkKind::Interview,
        WorkKind::Visitor,
        WorkKind::Profile,
        WorkKind::Event,
        WorkKind::Project,
        WorkKind::Brief,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WorkKind::Lesson => "lesson",
            WorkKind::Challenge => "challenge",
            WorkKind::Canvas => "canvas",
            WorkKind::Assignment => "assignment",
            WorkKind::Assigned => "assigned",
            WorkKind::Class => "class",
            WorkKind::Board => "board",
            WorkKind::Interview => "interview",
            WorkKind::Visitor => "visitor",
            WorkKind::Profile => "profile",
            WorkKind::Event => "event",
            WorkKind::Project => "project",
            WorkKind::Brief => "brief",
        }
    }

    /// Work a pupil does step by step in a lesson or challenge (what "continue" and
    /// hand-ins are about), as opposed to canvases, interviews, visitors and the teacher's
    /// and assignment items.
    pub fn is_steps(self) -> bool {
        matches!(self, WorkKind::Lesson | WorkKind::Challenge)
    }

    pub fn parse(s: &str) -> Option<WorkKind> {
        WorkKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// The key of a piece of work: `lesson:idea-sprint`, `canvas:k3x9a…`, `project:k3x9a…`.
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

    /// The student's founder profile on this device.
    pub fn profile() -> WorkRef {
        WorkRef {
            kind: WorkKind::Profile,
            id: PROFILE_ID.to_string(),
        }
    }

    /// The organiser's StartUp Dating event on this device.
    pub fn event() -> WorkRef {
        WorkRef {
            kind: WorkKind::Event,
            id: crate::core::dating::event::EVENT_ID.to_string(),
        }
    }

    /// A team project; `id` is random (a `RecordId`), never "highest + 1".
    pub fn project(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Project,
            id: id.to_string(),
        }
    }

    /// A host brief; `id` is random.
    pub fn brief(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Brief,
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
            WorkKind::Assignment => Route::TeacherAssignment { id },
            WorkKind::Assigned => Route::Assigned { id },
            WorkKind::Class => Route::ClassOverview { id },
            WorkKind::Board => Route::Board { lesson: id, step },
            WorkKind::Interview => Route::RoleModel { id },
            WorkKind::Visitor => Route::Visitor { id },
            WorkKind::Profile => Route::DatingProfile,
            WorkKind::Event => Route::DatingEvent,
            WorkKind::Project => Route::Project {
                id,
                view: step.map_or(ProjectView::Overview, ProjectView::Step),
            },
            WorkKind::Brief => Route::HostBrief { id },
        }
    }

    /// The content file the work follows: the lesson or challenge itself (a class board
    /// follows its lesson), the template a free-standing canvas was started from, or the
    /// challenge a team project was started on (props of the saved work, so `None` until
    /// the work is known, and for a project on a challenge made on this device from a host
    /// brief); `None` for kinds that follow none (an assignment holds its own data, a
    /// visitor its own profile); an interview follows its role model.
    pub fn content(&self, work: Option<&Work>) -> Option<(ContentKind, String)> {
        match self.kind {
            WorkKind::Lesson | WorkKind::Board => Some((ContentKind::Lesson, self.id.clone())),
            WorkKind::Challenge => Some((ContentKind::Challenge, self.id.clone())),
            WorkKind::Interview => Some((ContentKind::RoleModel, self.id.clone())),
            WorkKind::Canvas => work
                .and_then(|w| w.prop(PROP_TEMPLATE))
                .filter(|t| is_valid_id(t))
                .map(|t| (ContentKind::Canvas, t.to_string())),
            WorkKind::Assignment
            | WorkKind::Assigned
            | WorkKind::Class
            | WorkKind::Visitor
            | WorkKind::Profile
            | WorkKind::Event
            | WorkKind::Brief => None,
            WorkKind::Project => work
                .and_then(|w| w.prop(PROP_CHALLENGE))
                .filter(|c| is_valid_id(c))
                .map(|c| (ContentKind::Challenge, c.to_string())),
        }
    }

    /// The host brief a project follows, when its challenge was made on this device.
    pub fn brief_of(&self, work: Option<&Work>) -> Option<WorkRef> {
        match self.kind {
            WorkKind::Project => work
                .and_then(|w| w.prop(PROP_BRIEF))
                .filter(|b| is_valid_id(b))
                .map(WorkRef::brief),
            _ => None,
        }
    }

    /// The name the work has of its own (a canvas's name, a team's name, a host's name);
    /// else lists show the content's title.
    pub fn own_name<'a>(&self, work: Option<&'a Work>) -> Option<&'a str> {
        let prop = match self.kind {
            WorkKind::Canvas => PROP_NAME,
            WorkKind::Project => PROP_TEAM,
            WorkKind::Brief => PROP_HOST_NAME,
            _ => return None,
        };
        work.and_then(|w| w.prop(prop))
            .filter(|n| !n.trim().is_empty())
    }

    /// The work a page shows, if the page is one where work is done.
    pub fn of_route(route: &Route) -> Option<(WorkRef, Option<String>)> {
        match route {
            Route::Lesson { id, step } => Some((WorkRef::lesson(id), step.clone())),
            Route::Challenge { id, step } => Some((WorkRef::challenge(id), step.clone())),
            Route::Canvas { id } => Some((WorkRef::canvas(id), None)),
            Route::Project { id, view } => Some((
                WorkRef::project(id),
                match view {
                    ProjectView::Step(s) => Some(s.clone()),
                    _ => None,
                },
            )),
            Route::HostBrief { id } => Some((WorkRef::brief(id), None)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::Progress;

    #[test]
    fn keys_round_trip_and_reject_junk() {
        for r in [
            WorkRef::lesson("idea-sprint"),
            WorkRef::challenge("edison"),
            WorkRef::canvas("k3x9a0"),
            WorkRef::project("k3x9a0"),
        ] {
            assert_eq!(WorkRef::parse(&r.key()), Some(r.clone()));
            let route = r.route(Some("s1".into()));
            let back = WorkRef::of_route(&route).unwrap();
            assert_eq!(back.0, r);
        }
        let brief = WorkRef::brief("b7");
        assert_eq!(WorkRef::parse(&brief.key()), Some(brief.clone()));
        assert_eq!(WorkRef::of_route(&brief.route(None)), Some((brief, None)));
        for bad in [
            "",
            "lesson",
            "lesson:",
            "quiz:a",
            "lesson:A B",
            "canvas:../x",
            "project:../x",
        ] {
            assert_eq!(WorkRef::parse(bad), None, "{bad}");
        }
        assert_eq!(WorkRef::of_route(&Route::Home), None);
    }

    #[test]
    fn every_kind_has_a_page_and_the_content_it_follows() {
        for r in [WorkRef::assignment("k3x9q2"), WorkRef::board("ide-storm")] {
            assert_eq!(WorkRef::parse(&r.key()), Some(r.clone()));
        }
        for kind in WorkKind::ALL {
            let r = WorkRef {
                kind,
                id: "x".into(),
            };
            let route = r.route(None);
            assert_ne!(route, Route::NotFound);
            assert_eq!(Route::parse(&route.href()), route, "{kind:?}");
            let mut work = Work::new(1);
            work.props.insert(
                PROP_TEMPLATE.into(),
                super::super::Stamped {
                    value: "lean-canvas".into(),
                    updated: 1,
                },
            );
            let follows = matches!(
                kind,
                WorkKind::Lesson
                    | WorkKind::Challenge
                    | WorkKind::Canvas
                    | WorkKind::Board
                    | WorkKind::Interview
            );
            assert_eq!(r.content(Some(&work)).is_some(), follows, "{kind:?}");
            if kind.is_steps()
                || matches!(kind, WorkKind::Canvas | WorkKind::Project | WorkKind::Brief)
            {
                assert!(WorkRef::of_route(&route).is_some());
            }
            assert_eq!(WorkKind::parse(kind.name()), Some(kind));
        }
    }

    #[test]
    fn interviews_follow_their_role_model_and_visitors_have_a_page() {
        let i = WorkRef::interview("maja-keramik");
        assert_eq!(i.key(), "interview:maja-keramik");
        assert_eq!(
            i.content(None),
            Some((ContentKind::RoleModel, "maja-keramik".to_string()))
        );
        assert_eq!(
            i.route(None),
            Route::RoleModel {
                id: "maja-keramik".into()
            }
        );
        let v = WorkRef::visitor("k3x9a0b");
        assert_eq!(WorkRef::parse("visitor:k3x9a0b"), Some(v.clone()));
        assert_eq!(v.content(None), None);
        assert_eq!(v.route(None).href(), "#/visitors/k3x9a0b");
        assert!(!WorkKind::Visitor.is_steps() && !WorkKind::Interview.is_steps());
    }

    #[test]
    fn a_project_follows_its_challenge_and_is_named_by_its_team() {
        let mut p = Progress::default();
        let r = WorkRef::project("abc");
        assert_eq!(r.content(None), None);
        p.set_prop(&r, PROP_CHALLENGE, "find-vej-plejehjem", 1);
        p.set_prop(&r, PROP_TEAM, "  ", 1);
        assert_eq!(
            r.content(p.work(&r)),
            Some((ContentKind::Challenge, "find-vej-plejehjem".into()))
        );
        assert_eq!(r.own_name(p.work(&r)), None);
        p.set_prop(&r, PROP_TEAM, "Lynet", 2);
        assert_eq!(r.own_name(p.work(&r)), Some("Lynet"));
        // A mangled prop names no file.
        p.set_prop(&r, PROP_CHALLENGE, "../etc", 3);
        assert_eq!(r.content(p.work(&r)), None);
        assert_eq!(WorkRef::lesson("a").own_name(None), None);
        p.set_prop(&r, PROP_BRIEF, "b1", 4);
        assert_eq!(r.brief_of(p.work(&r)), Some(WorkRef::brief("b1")));
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
