//! Challenges: the challenge bank (filters in the URL), a challenge's page (brief, host,
//! phases with time and materials, what the team hands in, the judges' criteria, the team
//! projects on it and a form to start one), and the challenge played alone.

use super::player::{Player, PlayerStep};
use super::project::vol::Vol;
use crate::app::browser;
use crate::app::content::{file_path, use_content, Card};
use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::app::router::use_router;
use crate::app::startup::{Later, Stage};
use crate::app::store::use_store;
use crate::app::widgets::{page_file, FileErrorView, LevelBadges, LoadingView};
use crate::core::challenge_bank::{themes, ChallengeFilter};
use crate::core::content::challenge::Host;
use crate::core::content::vocab::ChallengeFormat;
use crate::core::content::{Challenge, ContentKind, Level};
use crate::core::i18n::Key;
use crate::core::progress::backup::MAX_BACKUP_BYTES;
use crate::core::progress::WorkRef;
use crate::core::project::file::read_project_file;
use crate::core::project::{
    normalise_members, normalise_team_name, phase_progress, projects, start_project,
    ChallengeSource,
};
use crate::core::route::{ProjectView, Route};
use crate::core::text::Text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[component]
pub fn ChallengesPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let router = use_router();
    let filter = Memo::new(move |_| match router.route.get() {
        Route::Challenges(f) => f,
        _ => ChallengeFilter::default(),
    });
    Effect::new(move |_| super::set_title(i18n.t(Key::ChallengesTitle)));
    Effect::new(move |_| content.ensure_unsummarised::<Challenge>());
    let set = move |change: &dyn Fn(&mut ChallengeFilter)| {
        let mut f = filter.get_untracked();
        change(&mut f);
        router.replace(Route::Challenges(f));
    };
    // A challenge without a summary yet is shown, never hidden for lack of data.
    let visible = Memo::new(move |_| {
        let f = filter.get();
        content.ids_where::<Challenge>(true, |s| f.matches(s))
    });
    let theme_options = Signal::derive(move || {
        let summaries: Vec<_> = content
            .ids(ContentKind::Challenge)
            .into_iter()
            .filter_map(|id| match content.card::<Challenge>(&id) {
                Card::Ready(s) => Some(s.summary.clone()),
                _ => None,
            })
            .collect();
        themes(summaries.iter())
            .into_iter()
            .map(|(k, t)| (k, i18n.text(&t)))
            .collect::<Vec<_>>()
    });
    let count = move || visible.get().len();
    view! {
        <div data-page="challenges" class="page challenges-page">
            <h1 id="page-title" tabindex="-1">{i18n.tr(Key::ChallengesTitle)}</h1>
            <p class="lead">{i18n.tr(Key::ChallengesIntro)}</p>
            <TeamProjects/>
            <form class="filters" role="search" aria-label=i18n.tr(Key::ChallengeFilters) on:submit=|ev| ev.prevent_default()>
                <FilterSelect id="filter-level" label=Key::FilterLevel
                    options=Signal::derive(move || Level::ALL.iter().map(|l| (l.id().to_string(), l.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().level.map(|l| l.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.level = Level::parse(&v)))/>
                <FilterSelect id="filter-format" label=Key::FilterFormat
                    options=Signal::derive(move || ChallengeFormat::ALL.iter().map(|f| (f.id().to_string(), f.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().format.map(|f| f.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.format = ChallengeFormat::parse(&v)))/>
                <FilterSelect id="filter-theme" label=Key::ChallengeTheme
                    options=theme_options
                    value=Signal::derive(move || filter.get().theme)
                    on_change=Callback::new(move |v: String| set(&|f| f.theme = v.clone()))/>
                <Show when=move || !filter.get().is_empty()>
                    <button type="button" class="reset" on:click=move |_| router.replace(Route::Challenges(Default::default()))>
                        {i18n.tr(Key::FilterReset)}
                    </button>
                </Show>
            </form>
            // The cards in a task after the page's top, as on the catalogue: drawn with it,
            // they made the first render's longest task on this page (50–65 ms at 4x CPU).
            <Later at=Stage::PageRest>{move || match content.index.get() {
                None => view! { <LoadingView/> }.into_any(),
                Some(Err(e)) => view! { <FileErrorView error=e/> }.into_any(),
                Some(Ok(_)) => view! {
                    <p class="result-count" role="status" aria-live="polite" id="result-count">
                        {move || i18n.f(Key::ChallengesCount, &[("n", &count().to_string())])}
                    </p>
                    <Show when=move || content.index().is_some_and(|i| i.challenges.is_empty())>
                        <p>{i18n.tr(Key::NoContent)}</p>
                    </Show>
                    <ul class="cards challenge-cards">
                        <For each=move || visible.get() key=|id| id.clone() let:id>
                            <ChallengeCard id=id/>
                        </For>
                    </ul>
                }.into_any(),
            }}</Later>
        </div>
    }
}

#[component]
fn FilterSelect(
    id: &'static str,
    label: Key,
    options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || i18n.t(label)}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev)) prop:value=value>
                <option value="">{i18n.tr(Key::FilterAny)}</option>
                {move || options.get().into_iter().map(|(v, text)| {
                    let selected = v == value.get_untracked();
                    view! { <option value=v selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A challenge's card, from its summary: host, brief, phases with time, what is handed in.
#[component]
fn ChallengeCard(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let card_id = id.clone();
    let card = Memo::new(move |_| content.card::<Challenge>(&card_id));
    move || match card.get() {
        Card::Loading => view! { <li class="card challenge-card"><LoadingView/></li> }.into_any(),
        Card::Broken(e) => {
            view! { <li class="card challenge-card broken"><FileErrorView error=e/></li> }
                .into_any()
        }
        Card::Ready(s) => {
            let c = s.summary.clone();
            let href = Route::Challenge {
                id: id.clone(),
                step: None,
            }
            .href();
            let (heading, labelled_by) = (format!("challenge-{id}"), format!("challenge-{id}"));
            let (title, theme, brief) = (c.title.clone(), c.theme.clone(), c.brief.clone());
            let format = c.format;
            let host = c.host.clone();
            let minutes = c.minutes;
            let plan = c.plan.clone();
            let hands_in = c.hands_in.clone();
            view! {
                <li class="card challenge-card" data-challenge=id.clone() aria-labelledby=labelled_by>
                    <h2 id=heading><a href=href>{i18n.text_of(title)}</a></h2>
                    <p class="muted format">{move || format.label(i18n.lang())}</p>
                    {host.map(|h| {
                        let kind = h.kind;
                        view! { <p class="host"><strong>{i18n.tr(Key::ChallengeHost)}": "</strong>{move || i18n.text(&h.name)}" ("{move || kind.label(i18n.lang())}")"</p> }
                    })}
                    {theme.map(|t| view! { <p class="theme"><strong>{i18n.tr(Key::ChallengeTheme)}": "</strong>{i18n.text_of(t)}</p> })}
                    <LevelBadges levels=c.levels.clone()/>
                    {brief.map(|b| view! { <div class="rich brief-intro">{move || rich_text(&i18n.text(&b))}</div> })}
                    {(!plan.is_empty()).then(|| view! {
                        <h3 class="card-sub">{move || match minutes {
                            Some(m) => i18n.f(Key::PhasesWithTime, &[("time", &hours(m, i18n.lang()))]),
                            None => i18n.t(Key::Phases).to_string(),
                        }}</h3>
                        <ol class="phase-plan">{plan.into_iter().map(|p| view! {
                            <li>{move || i18n.text(&p.title)}{p.minutes.map(|m| view! { <span class="muted">" · "{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</span> })}</li>
                        }).collect_view()}</ol>
                    })}
                    {(!hands_in.is_empty()).then(|| view! {
                        <h3 class="card-sub">{i18n.tr(Key::HandsIn)}</h3>
                        <p class="hands-in">{move || hands_in.iter().map(|t| i18n.text(t)).collect::<Vec<_>>().join(" · ")}</p>
                    })}
                </li>
            }.into_any()
        }
    }
}

/// A time in hours and minutes: "4 t 30 min." / "4 h 30 min".
pub fn hours(minutes: u32, lang: crate::core::text::Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let (hu, mu) = match lang {
        crate::core::text::Lang::Da => ("t", "min."),
        crate::core::text::Lang::En => ("h", "min"),
    };
    match (h, m) {
        (0, m) => format!("{m} {mu}"),
        (h, 0) => format!("{h} {hu}"),
        (h, m) => format!("{h} {hu} {m} {mu}"),
    }
}

/// The team projects on this device, and importing one from another device.
#[component]
fn TeamProjects() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let list = Memo::new(move |_| store.with_list(|p| projects(p, None)));
    view! {
        <section class="team-projects" aria-labelledby="team-projects-title">
            <h2 id="team-projects-title">{i18n.tr(Key::TeamProjectsTitle)}</h2>
            <Show when=move || list.get().is_empty()>
                <p class="muted">{i18n.tr(Key::TeamProjectsNone)}</p>
            </Show>
            <ul class="project-list">
                <For each=move || list.get() key=|(r, _, _)| r.key() let:item>
                    <ProjectItem project=item.0/>
                </For>
            </ul>
            <ImportProject/>
        </section>
    }
}

/// One team project in a list: team, challenge, how far.
#[component]
pub fn ProjectItem(project: WorkRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let r = project.clone();
    let info = Memo::new(move |_| {
        store.with_work(&r, |w| {
            (
                crate::core::project::team_name(w),
                crate::core::project::members(w).join(", "),
                crate::core::project::source_of(w),
            )
        })
    });
    let challenge_title = move || match info.get().2 {
        Some(ChallengeSource::Content(id)) => {
            content.ensure_challenge(&id);
            match content.card::<Challenge>(&id) {
                Card::Ready(s) => i18n.text(&s.summary.title),
                _ => id,
            }
        }
        Some(ChallengeSource::Brief(_)) => i18n.t(Key::LocalChallenge).to_string(),
        None => String::new(),
    };
    let href = Route::Project {
        id: project.id.clone(),
        view: ProjectView::Overview,
    }
    .href();
    view! {
        <li class="card project-item" data-project=project.id.clone()>
            <h3><a href=href>{move || i18n.f(Key::TeamName, &[("team", &info.get().0)])}</a></h3>
            <p class="muted">{challenge_title}</p>
            <p class="members">{move || info.get().1}</p>
        </li>
    }
}

#[derive(Clone)]
enum ImportState {
    Idle,
    Error(String),
    Done(Vec<String>),
}

fn teams_text(teams: &[String]) -> String {
    teams.join(", ")
}

/// Reads a project file from another device and merges it into this one's work.
#[component]
fn ImportProject() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let state = RwSignal::new(ImportState::Idle);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_BACKUP_BYTES as f64 {
            state.set(ImportState::Error(
                i18n.t(Key::ProjectImportTooLarge).to_string(),
            ));
            return;
        }
        spawn_local(async move {
            let next = match browser::read_file(&file).await {
                Ok(bytes) => match read_project_file(&bytes) {
                    Ok(import) if import.projects.is_empty() => {
                        ImportState::Error(i18n.t(Key::ProjectImportNone).to_string())
                    }
                    Ok(import) => {
                        // The photos and recordings first, so the merged work never refers to
                        // media that is not here; storage full still merges the work.
                        let media_failed = crate::app::media_io::write_missing(&import.media)
                            .await
                            .is_err();
                        store.merge_in(&import.progress);
                        let teams: Vec<String> =
                            import.projects.into_iter().map(|(_, t)| t).collect();
                        if media_failed {
                            ImportState::Error(i18n.f(
                                Key::ProjectImportMediaFailed,
                                &[("teams", &teams_text(&teams))],
                            ))
                        } else {
                            ImportState::Done(teams)
                        }
                    }
                    Err(e) => ImportState::Error(e.message(i18n.lang())),
                },
                Err(_) => ImportState::Error(i18n.t(Key::ProjectImportNone).to_string()),
            };
            state.set(next);
        });
    };
    view! {
        <div class="import-project">
            <label for="import-project" class="button">{i18n.tr(Key::ProjectImport)}</label>
            <input id="import-project" class="visually-hidden-input" type="file" accept=".json,application/json" on:change=on_pick/>
            <span class="muted">{i18n.tr(Key::ProjectImportHelp)}</span>
            <p role="status" id="import-project-status">{move || match state.get() {
                ImportState::Idle => String::new(),
                ImportState::Error(e) => e,
                ImportState::Done(teams) => i18n.f(Key::ProjectImported, &[("teams", &teams.join(", "))]),
            }}</p>
        </div>
    }
}

#[component]
pub fn ChallengePage(id: String, step: Option<String>) -> impl IntoView {
    let content = use_content();
    let load_id = id.clone();
    Effect::new(move |_| content.ensure_challenge(&load_id));
    let solo = step.is_some();
    view! {
        <div data-page="challenge" class="page challenge-page">
            {move || {
                let load = content.challenge(&id);
                if let Some(card) = content.card_while_loading(&id, &load).filter(|_| !solo) {
                    let c = &card.summary;
                    return view! {
                        <ChallengeTop title=c.title.clone() levels=c.levels.clone()
                            format=c.format host=c.host.clone() theme=c.theme.clone()
                            brief=c.brief.clone()/>
                        <LoadingView/>
                    }
                    .into_any();
                }
                match page_file(&id, load) {
                    Ok(c) if solo => view! { <SoloChallenge challenge=c.value.clone()/> }.into_any(),
                    Ok(c) => view! { <ChallengeOverview challenge=Arc::new(c.value.clone()) source=ChallengeSource::Content(id.clone())/> }.into_any(),
                    Err(waiting) => waiting,
                }
            }}
        </div>
    }
}

/// The header of a challenge.
#[component]
pub fn ChallengeHeader(challenge: Arc<Challenge>) -> impl IntoView {
    let c = challenge;
    view! {
        <ChallengeTop title=c.title.clone() levels=c.levels.clone() format=c.format
            host=c.host.clone() theme=c.theme.clone() brief=c.brief.clone()/>
    }
}

/// The top of a challenge: title and brief first (the brief is the challenge), then its
/// format, levels, host and who plays it, and theme. From the file, or from the card (whose
/// brief is the first paragraph) while the file loads; boot.js draws the same title and
/// brief (from the file it asked for, else the card) before the app.
#[component]
fn ChallengeTop(
    title: Text,
    levels: Vec<Level>,
    format: ChallengeFormat,
    host: Option<Host>,
    theme: Option<Text>,
    brief: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="lesson-header challenge-header">
            <h1 id="page-title" tabindex="-1">{i18n.text_of(title)}</h1>
            {brief.map(|b| view! { <div class="rich brief">{move || rich_text(&i18n.text(&b))}</div> })}
            <p class="muted">{move || format.label(i18n.lang())}</p>
            <LevelBadges levels=levels/>
            {host.map(|h| {
                let kind = h.kind;
                let stand_in = h.stand_in.clone();
                view! {
                    <p class="host"><strong>{i18n.tr(Key::ChallengeHost)}": "</strong>{move || i18n.text(&h.name)}" ("{move || kind.label(i18n.lang())}")"</p>
                    {stand_in.map(|s| view! { <p class="stand-in"><strong>{i18n.tr(Key::StandIn)}": "</strong>{i18n.text_of(s)}</p> })}
                }
            })}
            {theme.map(|t| view! { <p><strong>{i18n.tr(Key::ChallengeTheme)}": "</strong>{i18n.text_of(t)}</p> })}
        </header>
    }
}

/// A challenge before a team starts: everything about it, the teams on it, and starting.
#[component]
pub fn ChallengeOverview(challenge: Arc<Challenge>, source: ChallengeSource) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let c = challenge.clone();
    let page_title = c.title.clone();
    Effect::new(move |_| super::set_title(&i18n.text(&page_title)));
    let minutes = c.minutes();
    let phases = c.phases.clone();
    let entry = c.entry.clone();
    let criteria = c.criteria.clone();
    let list_source = source.clone();
    let teams = Memo::new(move |_| store.with_list(|p| projects(p, Some(&list_source))));
    let solo = match &source {
        ChallengeSource::Content(id) => {
            let first = c.steps().find_map(|s| s.id()).map(String::from);
            Some(
                Route::Challenge {
                    id: id.clone(),
                    step: first,
                }
                .href(),
            )
        }
        ChallengeSource::Brief(_) => None,
    };
    view! {
        <ChallengeHeader challenge=c.clone()/>
        <section class="plan" aria-labelledby="plan-title">
            <h2 id="plan-title">{move || match minutes {
                Some(m) => i18n.f(Key::PhasesWithTime, &[("time", &hours(m, i18n.lang()))]),
                None => i18n.t(Key::Phases).to_string(),
            }}</h2>
            <ol class="phase-plan">
                {phases.into_iter().map(|p| {
                    let title = p.title.clone();
                    let materials = p.materials.clone();
                    let tasks = p.steps.len();
                    view! {
                        <li class="phase-plan-item">
                            <strong>{i18n.text_of(title)}</strong>
                            {p.minutes.map(|m| view! { <span class="muted">" · "{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</span> })}
                            <span class="muted">" · "{move || i18n.f(Key::StepsCount, &[("n", &tasks.to_string())])}</span>
                            {(!materials.is_empty()).then(|| view! {
                                <p class="materials">{i18n.tr(Key::Materials)}": "{move || materials.iter().map(|m| i18n.text(m)).collect::<Vec<_>>().join(", ")}</p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        {(!entry.is_empty()).then(|| view! {
            <section aria-labelledby="hands-in-title">
                <h2 id="hands-in-title">{i18n.tr(Key::HandsIn)}</h2>
                <p>{i18n.tr(Key::HandsInIntro)}</p>
                <ul>{entry.into_iter().map(|e| view! { <li>{move || i18n.text(&e.title)}</li> }).collect_view()}</ul>
            </section>
        })}
        {(!criteria.is_empty()).then(|| view! {
            <section aria-labelledby="criteria-title">
                <h2 id="criteria-title">{i18n.tr(Key::ChallengeCriteria)}</h2>
                <dl class="criteria">{criteria.into_iter().map(|c| {
                    let d = c.description.clone();
                    view! { <dt>{move || i18n.text(&c.title)}</dt><dd>{d.map(|d| i18n.text_of(d))}</dd> }
                }).collect_view()}</dl>
            </section>
        })}
        <section class="teams" aria-labelledby="teams-title">
            <h2 id="teams-title">{i18n.tr(Key::TeamsOnChallenge)}</h2>
            <Show when=move || teams.get().is_empty()>
                <p class="muted">{i18n.tr(Key::TeamProjectsNone)}</p>
            </Show>
            <ul class="project-list">
                <For each=move || teams.get() key=|(r, _, _)| r.key() let:item>
                    <ProjectProgressItem project=item.0 challenge=challenge.clone()/>
                </For>
            </ul>
            <StartTeam source=source.clone()/>
            {solo.map(|href| view! { <p class="muted solo">{i18n.tr(Key::SoloIntro)}" "<a href=href.clone()>{i18n.tr(Key::SoloLink)}</a></p> })}
        </section>
    }
}

/// A team on this challenge with its phase progress.
#[component]
fn ProjectProgressItem(project: WorkRef, challenge: Arc<Challenge>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let r = project.clone();
    let info = Memo::new(move |_| {
        store.with_work(&r, |w| {
            let progress = phase_progress(&challenge, w);
            let done = progress.iter().filter(|p| p.done()).count();
            (
                crate::core::project::team_name(w),
                crate::core::project::members(w).join(", "),
                done,
                progress.len(),
            )
        })
    });
    let href = Route::Project {
        id: project.id.clone(),
        view: ProjectView::Overview,
    }
    .href();
    view! {
        <li class="card project-item" data-project=project.id.clone()>
            <h3><a href=href>{move || i18n.f(Key::TeamName, &[("team", &info.get().0)])}</a></h3>
            <p class="members">{move || info.get().1}</p>
            <p class="status">{move || { let (_, _, d, n) = info.get(); i18n.f(Key::PhasesDone, &[("n", &d.to_string()), ("m", &n.to_string())]) }}</p>
        </li>
    }
}

/// Starting a challenge as a team: a team name and the members' first names.
#[component]
pub fn StartTeam(source: ChallengeSource) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let team = RwSignal::new(String::new());
    let names = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Key>);
    let preview = move || normalise_members(&names.get());
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = normalise_team_name(&team.get_untracked());
        let (members, _) = normalise_members(&names.get_untracked());
        if name.is_empty() {
            problem.set(Some(Key::StartNeedsTeam));
            browser::focus_id("team-name");
            return;
        }
        if members.is_empty() {
            problem.set(Some(Key::StartNeedsMembers));
            browser::focus_id("team-members");
            return;
        }
        let id = store.new_id();
        let r = WorkRef::project(id.as_str());
        store.update_work(&r, |p, now| {
            start_project(p, &r, &source, &name, &members, now)
        });
        router.push(Route::Project {
            id: id.to_string(),
            view: ProjectView::Overview,
        });
    };
    view! {
        <form class="start-team card" on:submit=start aria-labelledby="start-team-title">
            <h3 id="start-team-title">{i18n.tr(Key::StartTeamTitle)}</h3>
            <div class="field">
                <label for="team-name">{i18n.tr(Key::TeamNameLabel)}</label>
                <input id="team-name" type="text" autocomplete="off" maxlength="40"
                    aria-describedby="start-team-problem"
                    prop:value=move || team.get() on:input=move |ev| team.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="team-members">{i18n.tr(Key::TeamMembersLabel)}</label>
                <input id="team-members" type="text" autocomplete="off" maxlength="300"
                    aria-describedby="team-members-help start-team-problem"
                    prop:value=move || names.get() on:input=move |ev| names.set(event_target_value(&ev))/>
                <p class="muted" id="team-members-help">{i18n.tr(Key::TeamMembersHelp)}</p>
                <Show when=move || preview().1>
                    <p class="notice notice-info members-cut">{move || i18n.f(Key::MembersCut, &[("names", &preview().0.join(", "))])}</p>
                </Show>
            </div>
            <p id="start-team-problem" class="form-problem" role="alert">{move || problem.get().map(|k| i18n.t(k))}</p>
            <button type="submit" class="primary">{i18n.tr(Key::StartTeamButton)}</button>
        </form>
    }
}

/// The challenge played alone (no team), as before team projects: its own saved work.
#[component]
fn SoloChallenge(challenge: Challenge) -> impl IntoView {
    let i18n = use_i18n();
    let title = challenge.title.clone();
    Effect::new(move |_| super::set_title(&i18n.text(&title)));
    let steps = challenge
        .phases
        .iter()
        .flat_map(|phase| {
            phase.steps.iter().map(|slot| PlayerStep {
                slot: slot.clone(),
                phase: Some(phase.title.clone()),
            })
        })
        .collect::<Vec<_>>();
    let work = WorkRef::challenge(challenge.id.as_str());
    let file = file_path(ContentKind::Challenge, challenge.id.as_str());
    let overview = Route::Challenge {
        id: challenge.id.to_string(),
        step: None,
    }
    .href();
    let c = Arc::new(challenge);
    view! {
        <ChallengeHeader challenge=c.clone()/>
        <p class="actions project-tools">
            <a class="button" href=overview>{i18n.tr(Key::ChallengeAbout)}</a>
        </p>
        <Vol work=work.clone()/>
        // At the start, drawn in the task after the header and the VØL chart: the page
        // drawn whole was one task of 130-150 ms under 4x CPU (see startup::Later).
        <Later at=Stage::PageRest>
            <Player work=work.clone() file=file.clone() steps=steps.clone()/>
        </Later>
    }
}
