//! A team's project on a challenge (`#/projects/<id>…`): the overview with phase progress,
//! the phases played step by step with the chosen idea on top, the project book, the
//! competition entry and pitch practice. The VØL chart opens from every view.

pub mod book;
pub mod entry;
pub mod funnel;
pub mod pitch;
pub mod vol;

use super::challenges::hours;
use super::player::{Player, PlayerStep};
use crate::app::browser;
use crate::app::content::{file_path, use_content, FileError, Load};
use crate::app::i18n::use_i18n;
use crate::app::media_io;
use crate::app::router::use_router;
use crate::app::store::{use_store, APP_VERSION};
use crate::app::widgets::{FileErrorView, LoadingView};
use crate::core::content::{CanvasTemplate, Challenge, ContentKind};
use crate::core::i18n::Key;
use crate::core::media::backup::referenced;
use crate::core::media::clip::size_text;
use crate::core::progress::work_ref::{PROP_MEMBERS, PROP_TEAM};
use crate::core::progress::WorkRef;
use crate::core::project::file::{
    export_project, export_project_with_media, project_file_name, project_file_sizes, project_part,
};
use crate::core::project::host_brief::HostBrief;
use crate::core::project::{
    members, normalise_members, normalise_team_name, phase_progress, resume_step, source_of,
    team_name, ChallengeSource,
};
use crate::core::route::{ProjectView, Route};
use crate::core::text::Lang;
use funnel::{ChooseIdea, IdeaBanner};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use vol::Vol;

/// The challenge a project follows, as far as it is known.
#[derive(Debug, Clone, PartialEq)]
enum Resolved {
    /// No such project on this device (or it was deleted).
    NoProject,
    Loading,
    Failed(FileError),
    /// Its host brief is gone or no longer makes a challenge.
    NoChallenge,
    Ready(Arc<Challenge>, String),
}

/// What every view of a project needs.
#[derive(Clone)]
pub struct ProjectCtx {
    pub work: WorkRef,
    pub challenge: Arc<Challenge>,
    /// The content file (or brief) the challenge comes from, for messages.
    pub file: String,
}

impl ProjectCtx {
    /// Route to a view of this project.
    pub fn route(&self, view: ProjectView) -> Route {
        Route::Project {
            id: self.work.id.clone(),
            view,
        }
    }
}

/// A canvas template as loaded so far (for canvas answers in the book and entry).
pub fn loaded_canvas(id: &str) -> Option<CanvasTemplate> {
    let content = use_content();
    content.ensure_canvas(id);
    match content.canvas(id) {
        Load::Ready(t) => Some(t.value.clone()),
        _ => None,
    }
}

#[component]
pub fn ProjectPage(id: String, view: ProjectView) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let work = WorkRef::project(&id);
    let source = {
        let work = work.clone();
        Memo::new(move |_| {
            store.with_work(&work, |w| {
                w.filter(|w| !w.is_deleted()).map(|w| source_of(Some(w)))
            })
        })
    };
    let resolved = Memo::new(move |_| match source.get() {
        None => Resolved::NoProject,
        Some(None) => Resolved::NoChallenge,
        Some(Some(ChallengeSource::Content(c))) => {
            content.ensure_challenge(&c);
            match content.challenge(&c) {
                Load::Loading => Resolved::Loading,
                Load::Failed(e) => Resolved::Failed(e),
                Load::Ready(l) => Resolved::Ready(
                    Arc::new(l.value.clone()),
                    file_path(ContentKind::Challenge, &c),
                ),
            }
        }
        Some(Some(ChallengeSource::Brief(b))) => {
            let brief = WorkRef::brief(&b);
            let made = store.with_work(&brief, |w| {
                w.filter(|w| !w.is_deleted())
                    .and_then(|w| HostBrief::from_work(&b, Some(w)).to_challenge())
            });
            match made {
                Some(c) => Resolved::Ready(Arc::new(c), brief.key()),
                None => Resolved::NoChallenge,
            }
        }
    });
    let page = Route::Project {
        id: id.clone(),
        view: view.clone(),
    }
    .page_name();
    view! {
        <div data-page=page class=format!("page project-page {page}-page")>
            {move || match resolved.get() {
                Resolved::NoProject => view! {
                    <h1 id="page-title" tabindex="-1">{i18n.tr(Key::ProjectMissingTitle)}</h1>
                    <p>{i18n.tr(Key::ProjectMissingBody)}</p>
                    <p><a class="button primary" href=Route::Challenges(Default::default()).href()>{i18n.tr(Key::NavChallenges)}</a></p>
                }.into_any(),
                Resolved::Loading => view! {
                    <h1 id="page-title" tabindex="-1" class="visually-hidden">{i18n.tr(Key::Loading)}</h1>
                    <LoadingView/>
                }.into_any(),
                Resolved::Failed(e) => view! {
                    <h1 id="page-title" tabindex="-1">{i18n.tr(Key::ProjectMissingTitle)}</h1>
                    <FileErrorView error=e/>
                }.into_any(),
                Resolved::NoChallenge => view! {
                    <h1 id="page-title" tabindex="-1">{i18n.tr(Key::ProjectMissingTitle)}</h1>
                    <p>{i18n.tr(Key::ProjectNoChallenge)}</p>
                }.into_any(),
                Resolved::Ready(challenge, file) => {
                    let ctx = ProjectCtx { work: work.clone(), challenge, file };
                    view! { <ProjectFrame ctx=ctx view=view.clone()/> }.into_any()
                }
            }}
        </div>
    }
}

/// The team's heading, the project's navigation and the VØL chart around every view.
#[component]
fn ProjectFrame(ctx: ProjectCtx, view: ProjectView) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = ctx.work.clone();
    let team = {
        let work = work.clone();
        Memo::new(move |_| store.with_work(&work, team_name))
    };
    let challenge_title = ctx.challenge.title.clone();
    let title_text = challenge_title.clone();
    let current = view.clone();
    Effect::new(move |_| {
        let view = match current {
            ProjectView::Book => i18n.t(Key::ProjectBook),
            ProjectView::Entry => i18n.t(Key::ProjectEntry),
            ProjectView::Pitch => i18n.t(Key::PitchPractice),
            _ => i18n.t(Key::ProjectOverview),
        };
        super::set_title(&format!(
            "{} · {view}",
            i18n.f(Key::TeamName, &[("team", &team.get())])
        ));
    });
    let about =
        match crate::core::project::source_of(store.with(|p| p.work(&work).cloned()).as_ref()) {
            Some(ChallengeSource::Content(id)) => Route::Challenge { id, step: None }.href(),
            Some(ChallengeSource::Brief(id)) => Route::HostBrief { id }.href(),
            None => Route::Challenges(Default::default()).href(),
        };
    let tab = |v: ProjectView, key: Key, current: &ProjectView| {
        let href = ctx.route(v.clone()).href();
        let here = std::mem::discriminant(&v) == std::mem::discriminant(current)
            || (matches!(v, ProjectView::Overview) && matches!(current, ProjectView::Step(_)));
        view! { <li><a href=href aria-current=here.then_some("page")>{move || i18n.t(key)}</a></li> }
    };
    let tabs = view! {
        <nav class="project-nav" aria-label=i18n.tr(Key::ProjectNav)>
            <ul>
                {tab(ProjectView::Overview, Key::ProjectPhases, &view)}
                {tab(ProjectView::Book, Key::ProjectBook, &view)}
                {tab(ProjectView::Entry, Key::ProjectEntry, &view)}
                {tab(ProjectView::Pitch, Key::PitchPractice, &view)}
            </ul>
        </nav>
    };
    let body = match view {
        ProjectView::Overview => view! { <Overview ctx=ctx.clone()/> }.into_any(),
        ProjectView::Step(_) => view! { <Steps ctx=ctx.clone()/> }.into_any(),
        ProjectView::Book => view! { <book::BookView ctx=ctx.clone()/> }.into_any(),
        ProjectView::Entry => view! { <entry::EntryView ctx=ctx.clone()/> }.into_any(),
        ProjectView::Pitch => view! { <pitch::PitchPractice ctx=ctx.clone()/> }.into_any(),
    };
    view! {
        <header class="project-header">
            <h1 id="page-title" tabindex="-1">{move || i18n.f(Key::TeamName, &[("team", &team.get())])}</h1>
            <p class="project-challenge"><a href=about>{i18n.text_of(title_text)}</a></p>
            {tabs}
        </header>
        <Vol work=work.clone()/>
        {body}
    }
}

/// Where the team stands: phases with progress and time, the idea, the team, the file.
#[component]
fn Overview(ctx: ProjectCtx) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let c = ctx.challenge.clone();
    let work = ctx.work.clone();
    let progress = {
        let (c, work) = (c.clone(), work.clone());
        Memo::new(move |_| store.with_work(&work, |w| phase_progress(&c, w)))
    };
    let resume = {
        let (c, work, ctx) = (c.clone(), work.clone(), ctx.clone());
        move || {
            let step = store.with_work(&work, |w| resume_step(&c, w));
            ctx.route(step.map_or(ProjectView::Overview, ProjectView::Step))
                .href()
        }
    };
    let phases = c
        .phases
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let title = phase.title.clone();
            let materials = phase.materials.clone();
            let minutes = phase.minutes;
            let first = phase.steps.iter().find_map(|s| s.id()).map(String::from);
            let href = ctx
                .route(first.map_or(ProjectView::Overview, ProjectView::Step))
                .href();
            let (heading, labelled_by) = (format!("phase-{i}"), format!("phase-{i}"));
            view! {
                <li class="card phase-card" class:done=move || progress.get().get(i).is_some_and(|p| p.done())
                    aria-labelledby=labelled_by>
                    <h3 id=heading><span class="phase-number">{i + 1}". "</span>{i18n.text_of(title)}</h3>
                    {minutes.map(|m| view! { <p class="muted">{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</p> })}
                    <p class="status" data-status=move || if progress.get().get(i).is_some_and(|p| p.done()) { "done" } else { "in-progress" }>
                        {move || progress.get().get(i).map(|p| i18n.f(Key::StatusAnswered, &[("n", &p.answered.to_string()), ("m", &p.tasks.to_string())])).unwrap_or_default()}
                    </p>
                    {(!materials.is_empty()).then(|| view! {
                        <p class="materials">{i18n.tr(Key::Materials)}": "{move || materials.iter().map(|m| i18n.text(m)).collect::<Vec<_>>().join(", ")}</p>
                    })}
                    <a class="button" href=href>{i18n.tr(Key::OpenPhase)}<span class="visually-hidden">": "{let t = phase.title.clone(); i18n.text_of(t)}</span></a>
                </li>
            }
        })
        .collect_view();
    let minutes = c.minutes();
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h2 id="overview-title">{i18n.tr(Key::ProjectPhases)}</h2>
            <p class="actions">
                <a class="button primary" href=resume>{i18n.tr(Key::ContinueProject)}</a>
            </p>
            {minutes.map(|m| view! { <p class="muted">{move || i18n.f(Key::TotalTime, &[("time", &hours(m, i18n.lang()))])}</p> })}
            <IdeaBanner ctx=ctx.clone() always=true/>
            <ol class="phase-cards">{phases}</ol>
        </section>
        <TeamEditor work=work.clone()/>
        <ProjectFile work=work/>
    }
}

/// The phases, step by step, with the chosen idea at the top once there is one.
#[component]
fn Steps(ctx: ProjectCtx) -> impl IntoView {
    let steps = ctx
        .challenge
        .phases
        .iter()
        .flat_map(|phase| {
            phase.steps.iter().map(|slot| PlayerStep {
                slot: slot.clone(),
                phase: Some(phase.title.clone()),
            })
        })
        .collect::<Vec<_>>();
    let done = ctx.route(ProjectView::Entry);
    view! {
        <IdeaBanner ctx=ctx.clone() always=false/>
        <Player work=ctx.work.clone() file=ctx.file.clone() steps=steps done=(Key::GoToEntry, done)/>
        <ChooseIdea ctx=ctx.clone()/>
    }
}

/// Renaming the team and changing who is on it.
#[component]
fn TeamEditor(work: WorkRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let (w1, w2, w3, w4) = (work.clone(), work.clone(), work.clone(), work.clone());
    let name_node = NodeRef::<leptos::html::Input>::new();
    let members_node = NodeRef::<leptos::html::Input>::new();
    crate::app::widgets::sync_value(name_node, move || store.with_work(&w1, team_name));
    crate::app::widgets::sync_value(members_node, move || {
        store.with_work(&w2, |w| members(w).join(", "))
    });
    view! {
        <section class="team-editor" aria-labelledby="team-title">
            <h2 id="team-title">{i18n.tr(Key::TheTeam)}</h2>
            <p class="members">{move || store.with_work(&w4, |w| members(w).join(", "))}</p>
            <details>
                <summary>{i18n.tr(Key::EditTeam)}</summary>
                <div class="field">
                    <label for="edit-team-name">{i18n.tr(Key::TeamNameLabel)}</label>
                    <input id="edit-team-name" type="text" maxlength="40" node_ref=name_node
                        on:change={
                            let work = work.clone();
                            move |ev| {
                                let name = normalise_team_name(&event_target_value(&ev));
                                if !name.is_empty() {
                                    store.update_work(&work, |p, now| p.set_prop(&work, PROP_TEAM, &name, now));
                                }
                            }
                        }/>
                </div>
                <div class="field">
                    <label for="edit-team-members">{i18n.tr(Key::TeamMembersLabel)}</label>
                    <input id="edit-team-members" type="text" maxlength="300" node_ref=members_node
                        aria-describedby="edit-members-help"
                        on:change=move |ev| {
                            let (names, _) = normalise_members(&event_target_value(&ev));
                            if !names.is_empty() {
                                store.update_work(&w3, |p, now| p.set_prop(&w3, PROP_MEMBERS, &names.join(", "), now));
                            }
                        }/>
                    <p class="muted" id="edit-members-help">{i18n.tr(Key::TeamMembersHelp)}</p>
                </div>
            </details>
        </section>
    }
}

/// Carrying the project to another device, and deleting it.
#[component]
fn ProjectFile(work: WorkRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let confirming = RwSignal::new(false);
    // The file's size and its photos and recordings, said before the download; follows
    // the project's work (a photo taken on another page is there when this one opens).
    let sizes = {
        let work = work.clone();
        Memo::new(move |_| {
            store.with_work(&work, |_| ());
            store.with(|p| project_file_sizes(p, &work, browser::now(), APP_VERSION))
        })
    };
    let size = move |bytes: u64| size_text(bytes, i18n.lang() == Lang::Da);
    let export = {
        let work = work.clone();
        move |with_media: bool| {
            let progress = store.snapshot();
            let name = project_file_name(&progress, &work);
            let ids = referenced(&project_part(&progress, &work));
            if !with_media || ids.is_empty() {
                let text = export_project(&progress, &work, browser::now(), APP_VERSION);
                browser::download(&name, "application/json", &text);
                return;
            }
            let work = work.clone();
            spawn_local(async move {
                let media = media_io::read_all(ids).await;
                let text = export_project_with_media(
                    &progress,
                    &work,
                    browser::now(),
                    APP_VERSION,
                    &media,
                );
                browser::download(&name, "application/json", &text);
            });
        }
    };
    let export_without = export.clone();
    let delete = move |_| {
        store.delete_work(&work);
        router.push(Route::Challenges(Default::default()));
    };
    view! {
        <section class="project-file" aria-labelledby="project-file-title">
            <h2 id="project-file-title">{i18n.tr(Key::ProjectFileTitle)}</h2>
            <p>{i18n.tr(Key::ProjectFileIntro)}</p>
            <p id="project-file-size">{move || {
                let s = sizes.get();
                if s.media.is_empty() {
                    i18n.f(Key::ProjectFileSize, &[("size", &size(s.without_media))])
                } else {
                    i18n.f(Key::ProjectFileSizeWith, &[("size", &size(s.with_media)), ("media", &s.media.words(i18n.lang()))])
                }
            }}</p>
            {move || (!sizes.get().media.is_empty()).then(|| view! {
                <p class="muted" id="project-file-size-without">{i18n.f(Key::ProjectFileSizeWithout, &[("size", &size(sizes.get().without_media))])}</p>
            })}
            <p class="actions">
                <button type="button" class="primary" on:click=move |_| export(true)>{i18n.tr(Key::ProjectExport)}</button>
                {move || (!sizes.get().media.is_empty()).then(|| {
                    let e = export_without.clone();
                    view! { <button type="button" on:click=move |_| e(false)>{i18n.t(Key::ProjectExportWithout)}</button> }
                })}
                <Show when=move || confirming.get()
                    fallback=move || view! { <button type="button" class="danger" on:click=move |_| { confirming.set(true); browser::focus_id("delete-project-confirm"); }>{i18n.tr(Key::ProjectDelete)}</button> }>
                    <button type="button" class="danger" id="delete-project-confirm" on:click=delete.clone()>{i18n.tr(Key::ProjectDeleteConfirm)}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{i18n.tr(Key::Cancel)}</button>
                </Show>
            </p>
        </section>
    }
}
