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

use crate::core::route::Route;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;

/// The parts of the app that are fetched on their own, when a page of theirs is first
/// opened: each is a WebAssembly module of its own after the build splits it off (see
/// ARCHITECTURE.md, "Code split by page"). Pupils never open them: the teacher's tools
/// and the StartUp Dating organiser. Every other page is in the main module: more parts
/// made a page's start slower (ARCHITECTURE.md says by how much).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Main,
    Teacher,
    Dating,
}

fn part(route: &Route) -> Part {
    match route {
        Route::Teacher
        | Route::TeacherAssignment { .. }
        | Route::ClassOverview { .. }
        | Route::Plan { .. }
        | Route::Board { .. }
        | Route::HostBriefs
        | Route::HostBrief { .. }
        | Route::HostBriefForm => Part::Teacher,
        Route::Dating | Route::DatingProfile | Route::DatingEvent | Route::DatingPitch => {
            Part::Dating
        }
        _ => Part::Main,
    }
}

/// Fetches the code of `route`'s page if it is not here yet; the start awaits it before it
/// draws the page, so the frame is never replaced by an empty page.
pub async fn preload(route: &Route) -> Result<(), SplitLoaderError> {
    match part(route) {
        Part::Main => Ok(()),
        Part::Teacher => preload_teacher().await,
        Part::Dating => preload_dating().await,
    }
}

pub fn page(route: Route) -> AnyView {
    match part(&route) {
        Part::Main => main_page(route),
        Part::Teacher => fetched(route, teacher_pages),
        Part::Dating => fetched(route, dating_pages),
    }
}

/// The pages in the main module.
fn main_page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::HomePage/> }.into_any(),
        Route::Lessons(_) => view! { <catalogue::CataloguePage/> }.into_any(),
        Route::Lesson { id, .. } => view! { <lesson::LessonPage id=id/> }.into_any(),
        Route::Challenges(_) => view! { <challenges::ChallengesPage/> }.into_any(),
        Route::Challenge { id, step } => {
            view! { <challenges::ChallengePage id=id step=step/> }.into_any()
        }
        Route::Project { id, view } => view! { <project::ProjectPage id=id view=view/> }.into_any(),
        Route::RoleModels(_) => view! { <role_models::RoleModelsPage/> }.into_any(),
        Route::RoleModel { id } => view! { <role_models::RoleModelPage id=id/> }.into_any(),
        Route::Visitor { id } => view! { <visitors::VisitorPage id=id/> }.into_any(),
        Route::NewVisitor => view! { <visitors::NewVisitorPage/> }.into_any(),
        Route::Courses => view! { <courses::CoursesPage/> }.into_any(),
        Route::Course { id } => view! { <courses::CoursePage id=id/> }.into_any(),
        Route::Local(_) => view! { <local::LocalPage/> }.into_any(),
        Route::Canvases(_) => view! { <canvases::CanvasesPage/> }.into_any(),
        Route::Canvas { id } => view! { <canvases::CanvasPage id=id/> }.into_any(),
        Route::AssignmentLink { code } => {
            view! { <assigned::AssignmentLinkPage code=code/> }.into_any()
        }
        Route::Assigned { id } => view! { <assigned::AssignedPage id=id/> }.into_any(),
        Route::MyWork => view! { <my_work::MyWorkPage/> }.into_any(),
        Route::About => view! { <info::InfoPage page="about"/> }.into_any(),
        Route::Privacy => view! { <info::InfoPage page="privacy"/> }.into_any(),
        Route::Accessibility => view! { <info::InfoPage page="accessibility"/> }.into_any(),
        _ => view! { <info::InfoPage page="not-found"/> }.into_any(),
    }
}

/// A page whose code may still be on its way: drawn as soon as it is here (at once, when it
/// is), or a message with a way to try again when it cannot be fetched.
fn fetched<F, Fut>(route: Route, page: F) -> AnyView
where
    F: Fn(Route) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    (move || {
        attempt.track();
        let route = route.clone();
        Suspend::new(async move {
            match page(route).await {
                Ok(view) => view,
                Err(_) => view! { <info::PageNotFetched retry=retry/> }.into_any(),
            }
        })
    })
    .into_any()
}

// Each function below is split off into its own module by the build; `fallible` turns a
// failed fetch into an error instead of stopping the app.

#[wasm_split(teacher, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_teacher))]
fn teacher_pages(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
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
    })
}

#[wasm_split(dating, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_dating))]
fn dating_pages(route: Route) -> Result<AnyView, SplitLoaderError> {
    Ok(match route {
        Route::DatingProfile => view! { <dating::ProfilePage/> }.into_any(),
        Route::DatingEvent => view! { <dating_event::EventPage/> }.into_any(),
        Route::DatingPitch => view! { <dating_pitch::PitchPage/> }.into_any(),
        _ => view! { <dating::DatingPage/> }.into_any(),
    })
}

/// Sets the document title to "`page` – Spire".
pub fn set_title(page: &str) {
    super::browser::set_title(&format!("{page} – Spire"));
}

#[cfg(test)]
mod tests {
    use super::{part, Part};
    use crate::core::route::Route;

    fn part_of(hash: &str) -> Part {
        let route = Route::parse(hash);
        assert!(
            hash == "#/nowhere" || route != Route::NotFound,
            "{hash} is an address of the app"
        );
        part(&route)
    }

    /// A pupil never fetches the teacher's or StartUp Dating's code: every page a pupil
    /// opens is in the main module, and every page of those two sections in their part.
    #[test]
    fn only_the_teachers_and_datings_pages_are_fetched_on_their_own() {
        let main = [
            "#/",
            "#/lessons",
            "#/lessons/a",
            "#/lessons/a/b",
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
            "#/about",
            "#/privacy",
            "#/accessibility",
            "#/nowhere",
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
            (&teacher[..], Part::Teacher),
            (&dating[..], Part::Dating),
        ] {
            for hash in hashes {
                assert_eq!(part_of(hash), want, "{hash}");
            }
        }
    }
}
