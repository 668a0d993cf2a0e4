//! Challenges: the list, and a challenge page with its brief, criteria and phased steps.

use super::player::{Player, PlayerStep};
use crate::app::content::{file_path, use_content};
use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::app::widgets::{card_view, page_file, FileErrorView, LevelBadges};
use crate::core::content::{Challenge, ContentKind};
use crate::core::i18n::Key;
use crate::core::progress::{WorkKind, WorkRef};
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn ChallengesPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    Effect::new(move |_| super::set_title(i18n.t(Key::ChallengesTitle)));
    Effect::new(move |_| content.ensure_unsummarised::<Challenge>());
    let ids = move || content.ids(ContentKind::Challenge);
    view! {
        <div data-page="challenges" class="page challenges-page">
            <h1 id="page-title" tabindex="-1">{move || i18n.t(Key::ChallengesTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::ChallengesIntro)}</p>
            {move || content.index.get().and_then(|r| r.err()).map(|e| view! { <FileErrorView error=e/> })}
            <Show when=move || content.index().is_some_and(|i| i.challenges.is_empty())>
                <p>{move || i18n.t(Key::NoContent)}</p>
            </Show>
            <ul class="cards">
                <For each=ids key=|id| id.clone() let:id>
                    {
                        let card_id = id.clone();
                        let card = Memo::new(move |_| content.card::<Challenge>(&card_id));
                        move || match card_view(card.get()) {
                            Err(waiting) => waiting,
                            Ok(c) => {
                                let c = c.summary.clone();
                                let href = Route::Challenge { id: id.clone(), step: None }.href();
                                let (title, theme) = (c.title.clone(), c.theme.clone());
                                let format = c.format;
                                view! {
                                    <li class="card challenge-card" data-challenge=id.clone()>
                                        <h2><a href=href>{move || i18n.text(&title)}</a></h2>
                                        <p class="muted">{move || format.label(i18n.lang())}</p>
                                        {theme.map(|t| view! { <p>{move || i18n.t(Key::ChallengeTheme)}": "{move || i18n.text(&t)}</p> })}
                                        <LevelBadges levels=c.levels.clone()/>
                                    </li>
                                }.into_any()
                            }
                        }
                    }
                </For>
            </ul>
        </div>
    }
}

#[component]
pub fn ChallengePage(id: String) -> impl IntoView {
    let content = use_content();
    let load_id = id.clone();
    Effect::new(move |_| content.ensure_challenge(&load_id));
    view! {
        <div data-page="challenge" class="page challenge-page">
            {move || match page_file(&id, content.challenge(&id)) {
                Ok(c) => view! { <ChallengeView challenge=c.value.clone()/> }.into_any(),
                Err(waiting) => waiting,
            }}
        </div>
    }
}

#[component]
fn ChallengeView(challenge: Challenge) -> impl IntoView {
    let i18n = use_i18n();
    let title = challenge.title.clone();
    let page_title = title.clone();
    Effect::new(move |_| super::set_title(&i18n.text(&page_title)));
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
    let work = WorkRef {
        kind: WorkKind::Challenge,
        id: challenge.id.to_string(),
    };
    let file = file_path(ContentKind::Challenge, challenge.id.as_str());
    let brief = challenge.brief.clone();
    let host = challenge.host.clone();
    let theme = challenge.theme.clone();
    let criteria = challenge.criteria.clone();
    view! {
        <header class="lesson-header">
            <h1 id="page-title" tabindex="-1">{move || i18n.text(&title)}</h1>
            <LevelBadges levels=challenge.levels.clone()/>
            {host.map(|h| {
                let kind = h.kind;
                view! { <p><strong>{move || i18n.t(Key::ChallengeHost)}": "</strong>{move || i18n.text(&h.name)}" ("{move || kind.label(i18n.lang())}")"</p> }
            })}
            {theme.map(|t| view! { <p><strong>{move || i18n.t(Key::ChallengeTheme)}": "</strong>{move || i18n.text(&t)}</p> })}
            {brief.map(|b| view! { <div class="rich">{move || rich_text(&i18n.text(&b))}</div> })}
            {(!criteria.is_empty()).then(|| view! {
                <details class="criteria">
                    <summary>{move || i18n.t(Key::ChallengeCriteria)}</summary>
                    <dl>{criteria.into_iter().map(|c| {
                        let d = c.description.clone();
                        view! { <dt>{move || i18n.text(&c.title)}</dt><dd>{d.map(|d| move || i18n.text(&d))}</dd> }
                    }).collect_view()}</dl>
                </details>
            })}
        </header>
        <Player work=work file=file steps=steps/>
    }
}
