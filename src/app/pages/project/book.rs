//! The project book on screen and on paper: everything the team did, phase by phase, with
//! dates; the VØL chart; the idea; the pitch rehearsals; the entry's status.

use super::{loaded_canvas, ProjectCtx};
use crate::app::browser;
use crate::app::i18n::use_i18n;
use crate::app::steps::media::{MediaAudio, PhotoGallery};
use crate::app::steps::recall::recap_view;
use crate::app::store::use_store;
use crate::core::i18n::Key;
use crate::core::project::book::book;
use crate::core::project::funnel::ChosenIdea;
use crate::core::project::vol::VolColumn;
use crate::core::route::ProjectView;
use leptos::prelude::*;

#[component]
pub fn BookView(ctx: ProjectCtx) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let c = ctx.challenge.clone();
    let work = ctx.work.clone();
    let host = c.host.clone();
    let challenge_title = c.title.clone();
    let entry_href = ctx.route(ProjectView::Entry).href();
    // Every answer the book shows is read tracked, so it follows the team's work.
    let tracked: Vec<String> = c
        .steps()
        .filter_map(|s| s.id().map(String::from))
        .chain(VolColumn::ALL.iter().map(|v| v.key().to_string()))
        .collect();
    let the_book = move || {
        let lang = i18n.lang();
        for step in &tracked {
            let _ = store.answer(&work, step);
        }
        store.with_work(&work, |w| book(&c, w, &loaded_canvas, lang))
    };
    let time = move |ms: i64| browser::format_time(ms, i18n.lang());
    view! {
        <section class="book" aria-labelledby="book-title">
            <div class="book-head">
                <h2 id="book-title">{i18n.tr(Key::ProjectBook)}</h2>
                <button type="button" class="print-button" on:click=move |_| browser::print()>{i18n.tr(Key::PrintBook)}</button>
            </div>
            {move || {
                let b = the_book();
                let host = host.clone();
                let challenge_title = challenge_title.clone();
                let entry_href = entry_href.clone();
                view! {
                    <dl class="book-facts">
                        <dt>{i18n.t(Key::EntryTeam)}</dt><dd class="book-team">{b.team.clone()}</dd>
                        <dt>{i18n.t(Key::EntryMembers)}</dt><dd>{b.members.join(", ")}</dd>
                        <dt>{i18n.t(Key::ChallengeTitleLabel)}</dt><dd>{i18n.text(&challenge_title)}</dd>
                        {host.map(|h| view! { <dt>{i18n.t(Key::ChallengeHost)}</dt><dd>{i18n.text(&h.name)}</dd> })}
                        {b.started.map(|s| view! { <dt>{i18n.t(Key::ProjectStarted)}</dt><dd>{time(s)}</dd> })}
                        <dt>{i18n.t(Key::PitchRehearsalsLabel)}</dt><dd>{b.rehearsals}</dd>
                        <dt>{i18n.t(Key::ProjectEntry)}</dt>
                        <dd>{match b.entry_final {
                            Some(at) => i18n.f(Key::EntryFinalAt, &[("time", &time(at))]),
                            None => i18n.t(Key::EntryDraft).to_string(),
                        }}" "<a href=entry_href class="no-print">{i18n.t(Key::GoToEntry)}</a></dd>
                    </dl>
                    {match &b.idea {
                        ChosenIdea::None => ().into_any(),
                        idea => view! {
                            <section class="book-idea">
                                <h3>{i18n.t(Key::OurIdea)}</h3>
                                <p class="idea-text">{idea.text().unwrap_or_default().to_string()}</p>
                                {b.idea_at.map(|at| view! { <p class="muted book-date">{i18n.f(Key::ChangedAt, &[("time", &time(at))])}</p> })}
                            </section>
                        }.into_any(),
                    }}
                    <section class="book-vol">
                        <h3>{i18n.t(Key::VolChart)}</h3>
                        <div class="vol-columns">
                            {b.vol.iter().map(|(col, notes)| view! {
                                <div class="vol-column">
                                    <h4>{i18n.t(col.title())}</h4>
                                    {if notes.is_empty() {
                                        view! { <p class="muted">{i18n.t(Key::NothingYet)}</p> }.into_any()
                                    } else {
                                        view! { <ul>{notes.iter().map(|n| view! {
                                            <li>{n.text.clone()}" "<span class="muted book-date">"("{time(n.added)}")"</span></li>
                                        }).collect_view()}</ul> }.into_any()
                                    }}
                                </div>
                            }).collect_view()}
                        </div>
                    </section>
                    {b.phases.into_iter().enumerate().map(|(i, phase)| view! {
                        <section class="book-phase">
                            <h3>{format!("{}. ", i + 1)}{i18n.text(&phase.title)}</h3>
                            {if phase.items.is_empty() {
                                view! { <p class="muted">{i18n.t(Key::NothingYet)}</p> }.into_any()
                            } else {
                                phase.items.into_iter().map(|item| {
                                    let photos = item.photos.clone();
                                    let recordings = item.recap.recordings().to_vec();
                                    let question = i18n.text(&item.title);
                                    view! {
                                        <article class="book-item" data-step=item.step.clone()>
                                            <h4>{question.clone()}</h4>
                                            <p class="muted book-date">{i18n.f(Key::ChangedAt, &[("time", &time(item.at))])}</p>
                                            {recap_view(item.recap)}
                                            {(!photos.is_empty()).then(|| view! { <PhotoGallery photos=photos question=question/> })}
                                            {recordings.into_iter().map(|clip| view! { <div class="no-print"><MediaAudio clip=clip/></div> }).collect_view()}
                                        </article>
                                    }
                                }).collect_view().into_any()
                            }}
                        </section>
                    }).collect_view()}
                }
            }}
        </section>
    }
}
