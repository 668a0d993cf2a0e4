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

pub fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::HomePage/> }.into_any(),
        Route::Lessons(_) => view! { <catalogue::CataloguePage/> }.into_any(),
        Route::Lesson { id, .. } => view! { <lesson::LessonPage id=id/> }.into_any(),
        Route::Challenges(_) => view! { <challenges::ChallengesPage/> }.into_any(),
        Route::Challenge { id, step } => {
            view! { <challenges::ChallengePage id=id step=step/> }.into_any()
        }
        Route::Project { id, view } => view! { <project::ProjectPage id=id view=view/> }.into_any(),
        Route::HostBriefs => view! { <host_briefs::HostBriefsPage/> }.into_any(),
        Route::HostBrief { id } => view! { <host_briefs::HostBriefPage id=id/> }.into_any(),
        Route::HostBriefForm => view! { <host_briefs::HostBriefFormPage/> }.into_any(),
        Route::RoleModels(_) => view! { <role_models::RoleModelsPage/> }.into_any(),
        Route::RoleModel { id } => view! { <role_models::RoleModelPage id=id/> }.into_any(),
        Route::Visitor { id } => view! { <visitors::VisitorPage id=id/> }.into_any(),
        Route::NewVisitor => view! { <visitors::NewVisitorPage/> }.into_any(),
        Route::Courses => view! { <courses::CoursesPage/> }.into_any(),
        Route::Course { id } => view! { <courses::CoursePage id=id/> }.into_any(),
        Route::Local(_) => view! { <local::LocalPage/> }.into_any(),
        Route::Canvases(_) => view! { <canvases::CanvasesPage/> }.into_any(),
        Route::Canvas { id } => view! { <canvases::CanvasPage id=id/> }.into_any(),
        Route::Teacher => view! { <teacher::TeacherPage/> }.into_any(),
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
        Route::AssignmentLink { code } => {
            view! { <assigned::AssignmentLinkPage code=code/> }.into_any()
        }
        Route::Assigned { id } => view! { <assigned::AssignedPage id=id/> }.into_any(),
        Route::MyWork => view! { <my_work::MyWorkPage/> }.into_any(),
        Route::Dating => view! { <dating::DatingPage/> }.into_any(),
        Route::DatingProfile => view! { <dating::ProfilePage/> }.into_any(),
        Route::DatingEvent => view! { <dating_event::EventPage/> }.into_any(),
        Route::DatingPitch => view! { <dating_pitch::PitchPage/> }.into_any(),
        Route::About => view! { <info::InfoPage page="about"/> }.into_any(),
        Route::Privacy => view! { <info::InfoPage page="privacy"/> }.into_any(),
        Route::Accessibility => view! { <info::InfoPage page="accessibility"/> }.into_any(),
        Route::NotFound => view! { <info::InfoPage page="not-found"/> }.into_any(),
    }
}

/// Sets the document title to "`page` – Spire".
pub fn set_title(page: &str) {
    super::browser::set_title(&format!("{page} – Spire"));
}
