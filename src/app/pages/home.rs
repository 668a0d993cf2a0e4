//! The home page: what Spire is, "continue where you left off", and lessons by level.

use super::catalogue::LessonCard;
use crate::app::browser;
use crate::app::content::use_content;
use crate::app::content::Card;
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::core::catalogue::CatalogueFilter;
use crate::core::content::{ContentKind, Lesson, Level};
use crate::core::i18n::Key;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| super::set_title(i18n.t(Key::NavHome)));
    view! {
        <div data-page="home" class="page home-page">
            <section class="hero">
                <h1 id="page-title" tabindex="-1">{i18n.tr(Key::HomeTitle)}</h1>
                <p class="lead">{i18n.tr(Key::Tagline)}</p>
                <p>{i18n.tr(Key::HomeIntro)}</p>
            </section>
            <super::assigned::MyAssignments/>
            <ContinueCard/>
            <MyLevel/>
            <section class="levels" aria-labelledby="levels-title">
                <h2 id="levels-title">{i18n.tr(Key::BrowseByLevel)}</h2>
                <ul class="level-tiles">
                    {Level::ALL.iter().map(|&level| {
                        let href = Route::Lessons(CatalogueFilter { level: Some(level), ..Default::default() }).href();
                        view! {
                            <li><a class=format!("level-tile level-{}", level.id()) href=href>{move || level.label(i18n.lang())}</a></li>
                        }
                    }).collect_view()}
                </ul>
                <p><a class="button" href=Route::Lessons(Default::default()).href()>{i18n.tr(Key::AllLessons)}</a></p>
            </section>
            <section class="more" aria-labelledby="more-title">
                <h2 id="more-title">{i18n.tr(Key::HomeMoreTitle)}</h2>
                <ul class="level-tiles home-links">
                    <li><a class="level-tile" id="home-courses" href=Route::Courses.href()>{i18n.tr(Key::CoursesTitle)}</a></li>
                    <li><a class="level-tile" id="home-role-models" href=Route::RoleModels(Default::default()).href()>{i18n.tr(Key::RoleModelsTitle)}</a></li>
                    <li><a class="level-tile" id="home-local" href=Route::Local(None).href()>{i18n.tr(Key::LocalTitle)}</a></li>
                </ul>
            </section>
        </div>
    }
}

/// The most recently edited lesson or challenge, opening where the pupil left off (not a
/// teacher's assignment or board, an interview or a visitor, which are no steps to continue).
#[component]
fn ContinueCard() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let recent = Memo::new(move |_| {
        store.with_list(|p| {
            p.live_work()
                .filter(|(r, _)| r.kind.is_steps())
                .max_by_key(|(_, w)| w.updated)
                .map(|(r, w)| (r, w.at_step.clone(), w.updated))
        })
    });
    Effect::new(move |_| {
        if let Some((r, _, _)) = recent.get() {
            store.with_work(&r, |w| content.ensure_work_file(&r, w));
        }
    });
    move || {
        recent.get().map(|(r, step, updated)| {
            let href = r.route(step).href();
            let name = store
                .with_work(&r, |w| content.work_title(&r, w))
                .map(|t| i18n.text(&t))
                .unwrap_or_else(|| r.id.clone());
            view! {
                <section class="card continue-card" id="continue" aria-labelledby="continue-title">
                    <h2 id="continue-title">{i18n.t(Key::ContinueTitle)}</h2>
                    <p class="continue-name">{name}</p>
                    <p class="muted">{i18n.f(Key::LastEdited, &[("time", &browser::format_time(updated, i18n.lang()))])}</p>
                    <a class="button primary" href=href>{i18n.t(Key::ContinueButton)}</a>
                </section>
            }
        })
    }
}

/// "Hvilken klasse går du i?" until the pupil answers; then the lessons for that level,
/// the way to change it, and the young pupils' mode.
#[component]
fn MyLevel() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let level = Memo::new(move |_| store.with_settings(|s| s.level()));
    move || {
        match level.get() {
        None => view! {
            <section class="card ask-level" aria-labelledby="ask-level-title">
                <h2 id="ask-level-title">{i18n.t(Key::AskLevel)}</h2>
                <p>{i18n.t(Key::AskLevelHelp)}</p>
                <ul class="level-tiles">
                    {Level::ALL.iter().map(|&l| view! {
                        <li><button type="button" class=format!("level-tile level-{}", l.id())
                            on:click=move |_| store.set_level(Some(l))>{l.label(i18n.lang())}</button></li>
                    }).collect_view()}
                </ul>
                <YoungToggle/>
            </section>
        }
        .into_any(),
        Some(l) => view! { <LevelLessons level=l/> }.into_any(),
    }
    }
}

#[component]
fn LevelLessons(level: Level) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    Effect::new(move |_| content.ensure_unsummarised::<Lesson>());
    // The first lessons for the level, by their summaries (or files, once fetched).
    let ids = Memo::new(move |_| {
        content
            .ids(ContentKind::Lesson)
            .into_iter()
            .filter(|id| match content.card::<Lesson>(id) {
                Card::Ready(s) => s.summary.levels.contains(&level),
                _ => false,
            })
            .take(6)
            .collect::<Vec<_>>()
    });
    let label = move || level.label(i18n.lang());
    let all = Route::Lessons(CatalogueFilter {
        level: Some(level),
        ..Default::default()
    })
    .href();
    view! {
        <section class="my-level" aria-labelledby="my-level-title">
            <h2 id="my-level-title">{move || i18n.f(Key::MyLevelLessons, &[("level", label())])}</h2>
            <Show when=move || ids.get().is_empty() && content.index().is_some()>
                <p class="empty">{i18n.tr(Key::NoLevelLessons)}</p>
            </Show>
            <ul class="cards lesson-cards">
                {move || ids.get().into_iter().map(|id| view! { <LessonCard id=id/> }).collect_view()}
            </ul>
            <p class="actions">
                <a class="button primary" href=all>{move || i18n.f(Key::MyLevelAll, &[("level", label())])}</a>
                <button type="button" on:click=move |_| store.set_level(None)>{i18n.tr(Key::ChangeLevel)}</button>
            </p>
            <YoungToggle/>
        </section>
    }
}

/// The young pupils' mode: larger text and touch targets on every page.
#[component]
fn YoungToggle() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    view! {
        <p class="young-toggle">
            <label>
                <input type="checkbox" prop:checked=move || store.with_settings(|s| s.young_mode())
                    on:change=move |ev| store.set_young(event_target_checked(&ev))/>
                {i18n.tr(Key::YoungMode)}
            </label>
        </p>
    }
}
