//! One module per page; `page` picks the page for a route.

pub mod assigned;
pub mod assignments;
pub mod board;
pub mod canvases;
pub mod catalogue;
pub mod challenges;
pub mod class_overview;
pub mod courses;
pub mod dating;
pub mod dating_event;
pub mod dating_pitch;
pub mod home;
pub mod host_briefs;
pub mod info;
pub mod interview;
pub mod lesson;
pub mod local;
pub mod my_work;
pub mod plan;
pub mod player;
pub mod project;
pub mod role_models;
pub mod teacher;
pub mod visitors;

use crate::app::feature_cost::unless_left_out;
use crate::app::fetched::fetched;
use crate::core::route::Route;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;

/// The parts of the app that are fetched on their own, when a page of theirs is first
/// opened: each is a WebAssembly module of its own after the build splits it off (see
/// ARCHITECTURE.md, "Code split by page"). The main module has what a pupil opens first
/// (home, the catalogue, a lesson) and the pages of text the footer links to; `More` every
/// other page a pupil opens; the teacher's tools and the StartUp Dating organiser, which
/// pupils never open, a part each. More parts than these made every page's start slower
/// (ARCHITECTURE.md says by how much).
/// `Tools` holds no page: the canvas board, the sketch pad, the camera and the recorder,
/// which pages of the main module and of `More` draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Main,
    More,
    Teacher,
    Dating,
    Tools,
}

/// The parts `route`'s page is drawn with as soon as it is drawn: the part its own code is
/// in, first, then any other. A canvas's page is its board. (A lesson or challenge step
/// that draws with the tools is known only once its file is read: `player::shows_tools`.)
pub fn parts(route: &Route) -> &'static [Part] {
    match route {
        Route::Teacher
        | Route::TeacherAssignment { .. }
        | Route::ClassOverview { .. }
        | Route::Plan { .. }
        | Route::Board { .. }
        | Route::HostBriefs
        | Route::HostBrief { .. }
        | Route::HostBriefForm => &[Part::Teacher],
        Route::Dating | Route::DatingProfile | Route::DatingEvent | Route::DatingPitch => {
            &[Part::Dating]
        }
        Route::Home
        | Route::Lessons(_)
        | Route::Lesson { .. }
        | Route::About
        | Route::Privacy
        | Route::Accessibility
        | Route::NotFound => &[Part::Main],
        Route::Canvas { .. } => &[Part::More, Part::Tools],
        _ => &[Part::More],
    }
}

/// The part `route`'s page's own code is in.
fn part(route: &Route) -> Part {
    parts(route)[0]
}

/// Fetches every part `route`'s page is drawn with that is not here yet, all at once; the
/// start, and a page of a part, wait for all of them before they draw the page, so the
/// frame is never replaced by an empty page and a tool is not drawn as a loading line
/// first. Only the page's own part can fail it: a tool that cannot be fetched says so where
/// it is drawn, with a way to try again.
pub async fn preload(route: &Route) -> Result<(), SplitLoaderError> {
    let all = parts(route);
    if all.len() > 1 {
        // All asked for at once; a part's loader lets a second caller wait for the same
        // fetch, so each is waited for below without being fetched twice.
        for &each in all {
            leptos::task::spawn_local(async move {
                let _ = fetch(each).await;
            });
        }
    }
    for &other in &all[1..] {
        let _ = fetch(other).await;
    }
    // Last: its error cannot be held across an await (it is not `Send`).
    fetch(all[0]).await
}

/// Fetches `part` if it is not here yet (each part's loader fetches it once, and again
/// only after a failure).
async fn fetch(part: Part) -> Result<(), SplitLoaderError> {
    match part {
        Part::Main => Ok(()),
        Part::More => preload_more().await,
        Part::Teacher => preload_teacher().await,
        Part::Dating => preload_dating().await,
        Part::Tools => {
            crate::app::board::fetch_tools().await;
            Ok(())
        }
    }
}

pub fn page(route: Route) -> AnyView {
    match part(&route) {
        // `Tools` is never a page's own part (`parts`).
        Part::Main | Part::Tools => main_page(route),
        Part::More => fetched_page(route, more_pages),
        Part::Teacher => fetched_page(route, teacher_pages),
        Part::Dating => fetched_page(route, dating_pages),
    }
}

/// The pages in the main module: the ones a pupil opens first, and the pages of text
/// every page links to in its footer (drawn by the same code as "not found", so in the main
/// module they cost a few hundred bytes, and opening them fetches no part).
fn main_page(route: Route) -> AnyView {
    let info = cfg!(feature = "measure-without-info");
    match route {
        Route::Home => view! { <home::HomePage/> }.into_any(),
        Route::Lessons(_) => view! { <catalogue::CataloguePage/> }.into_any(),
        Route::Lesson { id, .. } => view! { <lesson::LessonPage id=id/> }.into_any(),
        Route::About | Route::Privacy | Route::Accessibility => {
            let page = route.page_name();
            unless_left_out(info, move || {
                view! { <info::InfoPage page=page/> }.into_any()
            })
        }
        _ => view! { <info::InfoPage page="not-found"/> }.into_any(),
    }
}

/// A page of a part that may still be on its way (`fetched`).
fn fetched_page<F, Fut>(route: Route, page: F) -> AnyView
where
    F: Fn(Route) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let fetch = {
        let route = route.clone();
        move || {
            let route = route.clone();
            async move { preload(&route).await }
        }
    };
    fetched(
        fetch,
        move || page(route.clone()),
        |retry| view! { <info::PageNotFetched retry=retry/> }.into_any(),
    )
}

// Each function below is split off into its own module by the build; `fallible` turns a
// failed fetch into an error instead of stopping the app.

#[wasm_split(teacher, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_teacher))]
fn teacher_pages(route: Route) -> Result<AnyView, SplitLoaderError> {
    let left_out = cfg!(feature = "measure-without-teacher");
    Ok(unless_left_out(left_out, || match route {
        Route::TeacherAssignment { id } => {
            view! { <assignments::TeacherAssignmentPage id=id/> }.into_any()
        }
        Route::ClassOverview { id } => {
            view! { <class_overview::ClassOverviewPage id=id/> }.into_any()
        }
        Route::Plan { challenge, id } => {
            view! { <plan::PlanPage challenge=challenge id=id/> }.into_any()
        }
        Route::Board { lesson, .. } => view! { <board::BoardPage lesson=lesson/> }.into_any(),
        Route::HostBriefs => view! { <host_briefs::HostBriefsPage/> }.into_any(),
        Route::HostBrief { id } => view! { <host_briefs::HostBriefPage id=id/> }.into_any(),
        Route::HostBriefForm => view! { <host_briefs::HostBriefFormPage/> }.into_any(),
        _ => view! { <teacher::TeacherPage/> }.into_any(),
    }))
}

#[wasm_split(dating, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_dating))]
fn dating_pages(route: Route) -> Result<AnyView, SplitLoaderError> {
    let left_out = cfg!(feature = "measure-without-dating");
    Ok(unless_left_out(left_out, || match route {
        Route::DatingProfile => view! { <dating::ProfilePage/> }.into_any(),
        Route::DatingEvent => view! { <dating_event::EventPage/> }.into_any(),
        Route::DatingPitch => view! { <dating_pitch::PitchPage/> }.into_any(),
        _ => view! { <dating::DatingPage/> }.into_any(),
    }))
}

#[wasm_split(more, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_more))]
fn more_pages(route: Route) -> Result<AnyView, SplitLoaderError> {
    // Each feature's pages are left out in the builds that measure what it costs
    // (app::feature_cost); in the app's own build each of these is `false`.
    let challenges = cfg!(feature = "measure-without-challenges");
    let role_models = cfg!(feature = "measure-without-role-models");
    let courses = cfg!(feature = "measure-without-courses");
    let local = cfg!(feature = "measure-without-local");
    let canvases = cfg!(feature = "measure-without-canvases");
    let teacher = cfg!(feature = "measure-without-teacher");
    let my_work = cfg!(feature = "measure-without-my-work");
    Ok(match route {
        Route::Challenges(_) => unless_left_out(challenges, || {
            view! { <challenges::ChallengesPage/> }.into_any()
        }),
        Route::Challenge { id, step } => unless_left_out(challenges, || {
            view! { <challenges::ChallengePage id=id step=step/> }.into_any()
        }),
        Route::Project { id, view } => unless_left_out(challenges, || {
            view! { <project::ProjectPage id=id view=view/> }.into_any()
        }),
        Route::RoleModels(_) => unless_left_out(role_models, || {
            view! { <role_models::RoleModelsPage/> }.into_any()
        }),
        Route::RoleModel { id } => unless_left_out(role_models, || {
            view! { <role_models::RoleModelPage id=id/> }.into_any()
        }),
        Route::Visitor { id } => unless_left_out(role_models, || {
            view! { <visitors::VisitorPage id=id/> }.into_any()
        }),
        Route::NewVisitor => unless_left_out(role_models, || {
            view! { <visitors::NewVisitorPage/> }.into_any()
        }),
        Route::Courses => unless_left_out(courses, || view! { <courses::CoursesPage/> }.into_any()),
        Route::Course { id } => unless_left_out(courses, || {
            view! { <courses::CoursePage id=id/> }.into_any()
        }),
        Route::Local(_) => unless_left_out(local, || view! { <local::LocalPage/> }.into_any()),
        Route::Canvases(_) => {
            unless_left_out(canvases, || view! { <canvases::CanvasesPage/> }.into_any())
        }
        Route::Canvas { id } => unless_left_out(canvases, || {
            view! { <canvases::CanvasPage id=id/> }.into_any()
        }),
        Route::AssignmentLink { code } => unless_left_out(teacher, || {
            view! { <assigned::AssignmentLinkPage code=code/> }.into_any()
        }),
        Route::Assigned { id } => unless_left_out(teacher, || {
            view! { <assigned::AssignedPage id=id/> }.into_any()
        }),
        Route::MyWork => unless_left_out(my_work, || view! { <my_work::MyWorkPage/> }.into_any()),
        _ => view! { <info::InfoPage page="not-found"/> }.into_any(),
    })
}

/// Sets the document title to "`page` – Spire".
pub fn set_title(page: &str) {
    super::browser::set_title(&format!("{page} – Spire"));
}

#[cfg(test)]
mod tests {
    use super::{part, parts, Part};
    use crate::core::route::Route;

    fn part_of(hash: &str) -> Part {
        let route = Route::parse(hash);
        assert!(
            hash == "#/nowhere" || route != Route::NotFound,
            "{hash} is an address of the app"
        );
        part(&route)
    }

    /// The pages a pupil opens first (home, the catalogue, a lesson) are in the main
    /// module; every other page a pupil opens is in one part, so a pupil never fetches the
    /// teacher's or StartUp Dating's code, and each of those sections is a part of its own.
    #[test]
    fn the_first_pages_are_in_the_main_module_and_the_rest_in_parts() {
        let main = [
            "#/",
            "#/lessons",
            "#/lessons/a",
            "#/lessons/a/b",
            "#/about",
            "#/privacy",
            "#/accessibility",
            "#/nowhere",
        ];
        let more = [
            "#/challenges",
            "#/challenges/c",
            "#/challenges/c/s",
            "#/projects/p",
            "#/projects/p/steps/s",
            "#/projects/p/book",
            "#/projects/p/entry",
            "#/projects/p/pitch",
            "#/role-models",
            "#/role-models/r",
            "#/visitors/v",
            "#/visitors/new",
            "#/courses",
            "#/courses/c",
            "#/local",
            "#/canvases",
            "#/canvases/x",
            "#/a/code",
            "#/my-assignments/x",
            "#/my-work",
        ];
        let teacher = [
            "#/teacher",
            "#/teacher/assignments/x",
            "#/teacher/class/x",
            "#/teacher/plan/lesson/x",
            "#/teacher/plan/challenge/x",
            "#/teacher/board/x",
            "#/teacher/board/x/s",
            "#/teacher/host-briefs",
            "#/teacher/host-briefs/x",
            "#/host-brief",
        ];
        let dating = [
            "#/dating",
            "#/dating/profile",
            "#/dating/event",
            "#/dating/pitch",
        ];
        for (hashes, want) in [
            (&main[..], Part::Main),
            (&more[..], Part::More),
            (&teacher[..], Part::Teacher),
            (&dating[..], Part::Dating),
        ] {
            for hash in hashes {
                assert_eq!(part_of(hash), want, "{hash}");
            }
        }
    }

    /// A canvas's page is its board, so the tools part is fetched with the page's own; no
    /// other page needs it before its file is read.
    #[test]
    fn only_a_canvas_page_draws_with_the_tools_at_once() {
        assert_eq!(
            parts(&Route::parse("#/canvases/x")),
            &[Part::More, Part::Tools]
        );
        for hash in [
            "#/",
            "#/lessons/a/b",
            "#/canvases",
            "#/challenges/c/s",
            "#/teacher",
        ] {
            assert!(!parts(&Route::parse(hash)).contains(&Part::Tools), "{hash}");
        }
    }
}
