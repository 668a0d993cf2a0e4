//! The app's pages and their addresses in the URL fragment (`#/lessons?level=mellemtrin`).
//! Hash routing because the app must run from any static server and sub-folder with no
//! rewrite rules; `leptos_router` 0.8 has no hash mode and would add ~43 KB gzip.

use super::catalogue::CatalogueFilter;
use super::challenge_bank::ChallengeFilter;
use super::content::id::is_valid_id;
use super::content::Level;
use super::role_models::RoleModelFilter;

/// Longer assignment codes are cut here (and then refused by the reader as damaged).
const MAX_LINK_CODE: usize = 8_001;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Lessons(CatalogueFilter),
    Lesson {
        id: String,
        step: Option<String>,
    },
    Challenges(ChallengeFilter),
    Challenge {
        id: String,
        step: Option<String>,
    },
    RoleModels(RoleModelFilter),
    /// A team's project on a challenge (`project:<id>` work).
    Project {
        id: String,
        view: ProjectView,
    },
    /// The teacher's host briefs: a form that turns a filled brief into a spin-in challenge.
    HostBriefs,
    HostBrief {
        id: String,
    },
    /// The blank one-page host brief, to print for a company or public body.
    HostBriefForm,
    RoleModel {
        id: String,
    },
    /// A real visitor a teacher listed on this device.
    Visitor {
        id: String,
    },
    /// The form that lists a new visitor.
    NewVisitor,
    Courses,
    Course {
        id: String,
    },
    /// The local offers, for one level or all.
    Local(Option<Level>),
    /// My canvases and the gallery of templates, filtered by level.
    Canvases(Option<Level>),
    /// A free-standing canvas.
    Canvas {
        id: String,
    },
    Teacher,
    /// A teacher's assignment, to edit and share (`#/teacher/assignments/<id>`).
    TeacherAssignment {
        id: String,
    },
    /// The class overview of an assignment's hand-ins (`#/teacher/class/<id>`).
    ClassOverview {
        id: String,
    },
    /// A printable lesson plan of a lesson or challenge (`#/teacher/plan/lesson/<id>`).
    Plan {
        challenge: bool,
        id: String,
    },
    /// The class board of a lesson, for the projector (`#/teacher/board/<lesson>/<step>`).
    Board {
        lesson: String,
        step: Option<String>,
    },
    /// An assignment link as a pupil opens it (`#/a/<code>`); the code is read by the page,
    /// so a mangled one gets a message of its own rather than "not found".
    AssignmentLink {
        code: String,
    },
    /// An assignment the pupil has received (`#/my-assignments/<id>`).
    Assigned {
        id: String,
    },
    /// StartUp Dating: what it is, for students and organisers (`#/dating`).
    Dating,
    /// The student's founder profile (`#/dating/profile`).
    DatingProfile,
    /// The organiser's event: import, table, settings, teams (`#/dating/event`).
    DatingEvent,
    /// Pitch rounds with the timer, and the vote (`#/dating/pitch`).
    DatingPitch,
    MyWork,
    About,
    Privacy,
    Accessibility,
    NotFound,
}

/// What a project page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectView {
    /// Phases, progress, team, and the way on.
    Overview,
    /// Working on one step.
    Step(String),
    /// The project book: everything the team did, with dates.
    Book,
    /// The competition entry: poster, self-assessment, exports.
    Entry,
    /// Pitch practice against a timer, for the projector.
    Pitch,
}

impl Route {
    /// Parses a location hash (`#/…`, `#…` or empty). Anything unrecognised is `NotFound`.
    pub fn parse(hash: &str) -> Route {
        let raw = hash.trim_start_matches('#');
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let parts: Vec<String> = path
            .split('/')
            .filter(|p| !p.is_empty())
            .map(pct_decode)
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let id = |s: &str| is_valid_id(s).then(|| s.to_string());
        let step = |s: Option<&&str>| s.and_then(|s| id(s));
        match parts.as_slice() {
            [] => Route::Home,
            ["lessons"] => Route::Lessons(CatalogueFilter::from_query(query)),
            ["lessons", l] | ["lessons", l, _] => match id(l) {
                Some(id) => Route::Lesson {
                    id,
                    step: step(parts.get(2)),
                },
                None => Route::NotFound,
            },
            ["challenges"] => Route::Challenges(ChallengeFilter::from_query(query)),
            ["challenges", c] | ["challenges", c, _] => match id(c) {
                Some(id) => Route::Challenge {
                    id,
                    step: step(parts.get(2)),
                },
                None => Route::NotFound,
            },
            ["role-models"] => Route::RoleModels(RoleModelFilter::from_query(query)),
            ["visitors", "new"] => Route::NewVisitor,
            ["visitors", v] => id(v).map_or(Route::NotFound, |id| Route::Visitor { id }),
            ["courses"] => Route::Courses,
            ["courses", c] => id(c).map_or(Route::NotFound, |id| Route::Course { id }),
            ["local"] => Route::Local(
                query_pairs(query)
                    .into_iter()
                    .find(|(k, _)| k == "level")
                    .and_then(|(_, v)| Level::parse(&v)),
            ),
            ["projects", p, rest @ ..] => {
                let Some(id) = id(p) else {
                    return Route::NotFound;
                };
                let view = match rest {
                    [] => ProjectView::Overview,
                    ["steps"] => ProjectView::Overview,
                    ["steps", s] => step(Some(s)).map_or(ProjectView::Overview, ProjectView::Step),
                    ["book"] => ProjectView::Book,
                    ["entry"] => ProjectView::Entry,
                    ["pitch"] => ProjectView::Pitch,
                    _ => return Route::NotFound,
                };
                Route::Project { id, view }
            }
            ["teacher", "host-briefs"] => Route::HostBriefs,
            ["teacher", "host-briefs", b] => {
                id(b).map_or(Route::NotFound, |id| Route::HostBrief { id })
            }
            ["host-brief"] => Route::HostBriefForm,
            ["role-models", r] => id(r).map_or(Route::NotFound, |id| Route::RoleModel { id }),
            ["canvases"] => Route::Canvases(
                query_pairs(query)
                    .into_iter()
                    .find(|(k, _)| k == "level")
                    .and_then(|(_, v)| Level::parse(&v)),
            ),
            ["canvases", c] => id(c).map_or(Route::NotFound, |id| Route::Canvas { id }),
            ["teacher"] => Route::Teacher,
            ["teacher", "assignments", a] => {
                id(a).map_or(Route::NotFound, |id| Route::TeacherAssignment { id })
            }
            ["teacher", "class", a] => {
                id(a).map_or(Route::NotFound, |id| Route::ClassOverview { id })
            }
            ["teacher", "plan", kind @ ("lesson" | "challenge"), p] => match id(p) {
                Some(id) => Route::Plan {
                    challenge: *kind == "challenge",
                    id,
                },
                None => Route::NotFound,
            },
            ["teacher", "board", l] | ["teacher", "board", l, _] => match id(l) {
                Some(lesson) => Route::Board {
                    lesson,
                    step: step(parts.get(3)),
                },
                None => Route::NotFound,
            },
            ["a", rest @ ..] => Route::AssignmentLink {
                // Kept whole (and bounded) so the page can say what is wrong with it.
                code: rest.join("/").chars().take(MAX_LINK_CODE).collect(),
            },
            ["my-assignments", a] => id(a).map_or(Route::NotFound, |id| Route::Assigned { id }),
            ["my-work"] => Route::MyWork,
            ["dating"] => Route::Dating,
            ["dating", "profile"] => Route::DatingProfile,
            ["dating", "event"] => Route::DatingEvent,
            ["dating", "pitch"] => Route::DatingPitch,
            ["about"] => Route::About,
            ["privacy"] => Route::Privacy,
            ["accessibility"] => Route::Accessibility,
            _ => Route::NotFound,
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Lessons(f) => {
                let q = f.to_query();
                if q.is_empty() {
                    "#/lessons".into()
                } else {
                    format!("#/lessons?{q}")
                }
            }
            Route::Lesson { id, step: None } => format!("#/lessons/{id}"),
            Route::Lesson { id, step: Some(s) } => format!("#/lessons/{id}/{s}"),
            Route::Challenges(f) => {
                let q = f.to_query();
                if q.is_empty() {
                    "#/challenges".into()
                } else {
                    format!("#/challenges?{q}")
                }
            }
            Route::Project { id, view } => match view {
                ProjectView::Overview => format!("#/projects/{id}"),
                ProjectView::Step(s) => format!("#/projects/{id}/steps/{s}"),
                ProjectView::Book => format!("#/projects/{id}/book"),
                ProjectView::Entry => format!("#/projects/{id}/entry"),
                ProjectView::Pitch => format!("#/projects/{id}/pitch"),
            },
            Route::HostBriefs => "#/teacher/host-briefs".into(),
            Route::HostBrief { id } => format!("#/teacher/host-briefs/{id}"),
            Route::HostBriefForm => "#/host-brief".into(),
            Route::Challenge { id, step: None } => format!("#/challenges/{id}"),
            Route::Challenge { id, step: Some(s) } => format!("#/challenges/{id}/{s}"),
            Route::RoleModels(f) => with_query("#/role-models", &f.to_query()),
            Route::RoleModel { id } => format!("#/role-models/{id}"),
            Route::Visitor { id } => format!("#/visitors/{id}"),
            Route::NewVisitor => "#/visitors/new".into(),
            Route::Courses => "#/courses".into(),
            Route::Course { id } => format!("#/courses/{id}"),
            Route::Local(None) => "#/local".into(),
            Route::Local(Some(level)) => format!("#/local?level={}", level.id()),
            Route::Canvases(None) => "#/canvases".into(),
            Route::Canvases(Some(level)) => format!("#/canvases?level={}", level.id()),
            Route::Canvas { id } => format!("#/canvases/{id}"),
            Route::Teacher => "#/teacher".into(),
            Route::TeacherAssignment { id } => format!("#/teacher/assignments/{id}"),
            Route::ClassOverview { id } => format!("#/teacher/class/{id}"),
            Route::Plan { challenge, id } => {
                let kind = if *challenge { "challenge" } else { "lesson" };
                format!("#/teacher/plan/{kind}/{id}")
            }
            Route::Board { lesson, step: None } => format!("#/teacher/board/{lesson}"),
            Route::Board {
                lesson,
                step: Some(s),
            } => format!("#/teacher/board/{lesson}/{s}"),
            Route::AssignmentLink { code } => format!("#/a/{}", pct_encode(code)),
            Route::Assigned { id } => format!("#/my-assignments/{id}"),
            Route::MyWork => "#/my-work".into(),
            Route::Dating => "#/dating".into(),
            Route::DatingProfile => "#/dating/profile".into(),
            Route::DatingEvent => "#/dating/event".into(),
            Route::DatingPitch => "#/dating/pitch".into(),
            Route::About => "#/about".into(),
            Route::Privacy => "#/privacy".into(),
            Route::Accessibility => "#/accessibility".into(),
            Route::NotFound => "#/not-found".into(),
        }
    }

    /// The `data-page` name of the page this route shows.
    pub fn page_name(&self) -> &'static str {
        match self {
            Route::Home => "home",
            Route::Lessons(_) => "lessons",
            Route::Lesson { .. } => "lesson",
            Route::Challenges(_) => "challenges",
            Route::Project { view, .. } => match view {
                ProjectView::Overview | ProjectView::Step(_) => "project",
                ProjectView::Book => "project-book",
                ProjectView::Entry => "project-entry",
                ProjectView::Pitch => "project-pitch",
            },
            Route::HostBriefs => "host-briefs",
            Route::HostBrief { .. } => "host-brief",
            Route::HostBriefForm => "host-brief-form",
            Route::Challenge { .. } => "challenge",
            Route::RoleModels(_) => "role-models",
            Route::RoleModel { .. } => "role-model",
            Route::Visitor { .. } => "visitor",
            Route::NewVisitor => "new-visitor",
            Route::Courses => "courses",
            Route::Course { .. } => "course",
            Route::Local(_) => "local",
            Route::Canvases(_) => "canvases",
            Route::Canvas { .. } => "canvas",
            Route::Teacher => "teacher",
            Route::TeacherAssignment { .. } => "teacher-assignment",
            Route::ClassOverview { .. } => "class-overview",
            Route::Plan { .. } => "plan",
            Route::Board { .. } => "board",
            Route::AssignmentLink { .. } => "assignment-link",
            Route::Assigned { .. } => "assigned",
            Route::MyWork => "my-work",
            Route::Dating => "dating",
            Route::DatingProfile => "dating-profile",
            Route::DatingEvent => "dating-event",
            Route::DatingPitch => "dating-pitch",
            Route::About => "about",
            Route::Privacy => "privacy",
            Route::Accessibility => "accessibility",
            Route::NotFound => "not-found",
        }
    }
}

/// `base?query`, or `base` alone when the query is empty.
fn with_query(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// Percent-encodes a query value (UTF-8; unreserved characters stay as they are).
pub fn pct_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-encoding and `+`; a mangled sequence is kept as literal text.
pub fn pct_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a query string into decoded key–value pairs.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (pct_decode(k), pct_decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_parse_and_print() {
        let cases = [
            ("", Route::Home),
            ("#/", Route::Home),
            ("#/my-work", Route::MyWork),
            ("#/dating", Route::Dating),
            ("#/dating/profile", Route::DatingProfile),
            ("#/dating/event", Route::DatingEvent),
            ("#/dating/pitch", Route::DatingPitch),
            (
                "#/lessons/idea-sprint",
                Route::Lesson {
                    id: "idea-sprint".into(),
                    step: None,
                },
            ),
            (
                "#/lessons/idea-sprint/q2",
                Route::Lesson {
                    id: "idea-sprint".into(),
                    step: Some("q2".into()),
                },
            ),
            (
                "#/role-models/maja-keramik",
                Route::RoleModel {
                    id: "maja-keramik".into(),
                },
            ),
            ("#/canvases", Route::Canvases(None)),
            (
                "#/canvases?level=udskoling",
                Route::Canvases(Some(Level::Udskoling)),
            ),
            ("#/canvases/k3x9", Route::Canvas { id: "k3x9".into() }),
            (
                "#/teacher/assignments/k3x9q2",
                Route::TeacherAssignment {
                    id: "k3x9q2".into(),
                },
            ),
            (
                "#/teacher/class/k3x9q2",
                Route::ClassOverview {
                    id: "k3x9q2".into(),
                },
            ),
            (
                "#/teacher/plan/challenge/find-vej",
                Route::Plan {
                    challenge: true,
                    id: "find-vej".into(),
                },
            ),
            (
                "#/teacher/board/ide-storm/ideas",
                Route::Board {
                    lesson: "ide-storm".into(),
                    step: Some("ideas".into()),
                },
            ),
            (
                "#/a/1.AbC-_x",
                Route::AssignmentLink {
                    code: "1.AbC-_x".into(),
                },
            ),
            (
                "#/a",
                Route::AssignmentLink {
                    code: String::new(),
                },
            ),
            (
                "#/my-assignments/k3x9q2",
                Route::Assigned {
                    id: "k3x9q2".into(),
                },
            ),
            (
                "#/challenges/x/y",
                Route::Challenge {
                    id: "x".into(),
                    step: Some("y".into()),
                },
            ),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn mangled_links_are_not_found_never_a_panic() {
        for hash in [
            "#/lessons/Not An Id",
            "#/lessons/%ZZ",
            "#/nowhere",
            "#/lessons/a/b/c/d",
            "#/role-models/<script>",
            "#/%F0%9F",
            "#/lessons/a%2Fb",
            "#/canvases/Not An Id",
            "#/canvases/a/b",
        ] {
            assert_eq!(Route::parse(hash), Route::NotFound, "{hash}");
        }
        assert_eq!(Route::parse("#/canvases?level=nope"), Route::Canvases(None));
        assert_eq!(
            Route::parse("#/lessons/a/BAD STEP"),
            Route::Lesson {
                id: "a".into(),
                step: None
            }
        );
    }

    #[test]
    fn catalogue_filters_survive_the_url() {
        let filter = CatalogueFilter {
            level: Some(Level::Mellemtrin),
            query: "idé & mere".into(),
            ..Default::default()
        };
        let route = Route::Lessons(filter);
        assert_eq!(Route::parse(&route.href()), route);
    }

    #[test]
    fn role_model_courses_and_local_routes() {
        let filter = RoleModelFilter {
            level: Some(Level::Udskoling),
            sector: None,
            query: "keramik".into(),
        };
        for route in [
            Route::RoleModels(filter),
            Route::RoleModels(Default::default()),
            Route::Visitor {
                id: "k3x9a0b".into(),
            },
            Route::NewVisitor,
            Route::Courses,
            Route::Course {
                id: "iv-uge".into(),
            },
            Route::Local(None),
            Route::Local(Some(Level::Indskoling)),
        ] {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
        assert_eq!(
            Route::RoleModels(Default::default()).href(),
            "#/role-models"
        );
        assert_eq!(Route::parse("#/local?level=space"), Route::Local(None));
        assert_eq!(Route::parse("#/visitors/Bad Id"), Route::NotFound);
        assert_eq!(Route::parse("#/courses/a/b"), Route::NotFound);
    }

    #[test]
    fn project_and_host_brief_routes_parse_and_print() {
        let project = |view| Route::Project {
            id: "k3x9a".into(),
            view,
        };
        let cases = [
            ("#/projects/k3x9a", project(ProjectView::Overview)),
            (
                "#/projects/k3x9a/steps/ideer",
                project(ProjectView::Step("ideer".into())),
            ),
            ("#/projects/k3x9a/book", project(ProjectView::Book)),
            ("#/projects/k3x9a/entry", project(ProjectView::Entry)),
            ("#/projects/k3x9a/pitch", project(ProjectView::Pitch)),
            ("#/teacher/host-briefs", Route::HostBriefs),
            (
                "#/teacher/host-briefs/b1",
                Route::HostBrief { id: "b1".into() },
            ),
            ("#/host-brief", Route::HostBriefForm),
            (
                "#/challenges?level=udskoling&format=spin-in",
                Route::Challenges(ChallengeFilter::from_query(
                    "level=udskoling&format=spin-in",
                )),
            ),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(Route::parse(&route.href()), route);
        }
        for bad in [
            "#/projects/BAD",
            "#/projects/a/nowhere",
            "#/projects/a/steps/x/y",
            "#/teacher/host-briefs/A B",
        ] {
            assert_eq!(Route::parse(bad), Route::NotFound, "{bad}");
        }
        assert_eq!(
            Route::parse("#/projects/a/steps/NOT OK"),
            project_a(ProjectView::Overview)
        );
    }

    fn project_a(view: ProjectView) -> Route {
        Route::Project {
            id: "a".into(),
            view,
        }
    }

    #[test]
    fn percent_coding_round_trips() {
        for s in ["", "a b", "æøå", "100%", "a&b=c", "%"] {
            assert_eq!(pct_decode(&pct_encode(s)), s);
        }
        assert_eq!(pct_decode("%E6%"), "\u{fffd}%");
    }
}
