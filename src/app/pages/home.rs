//! The home page: what Spire is, "continue where you left off", and lessons by level.

use crate::app::browser;
use crate::app::content::use_content;
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::core::catalogue::CatalogueFilter;
use crate::core::content::Level;
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
                <h1 id="page-title" tabindex="-1">{move || i18n.t(Key::HomeTitle)}</h1>
                <p class="lead">{move || i18n.t(Key::Tagline)}</p>
                <p>{move || i18n.t(Key::HomeIntro)}</p>
            </section>
            <super::assigned::MyAssignments/>
            <ContinueCard/>
            <section class="levels" aria-labelledby="levels-title">
                <h2 id="levels-title">{move || i18n.t(Key::BrowseByLevel)}</h2>
                <ul class="level-tiles">
                    {Level::ALL.iter().map(|&level| {
                        let href = Route::Lessons(CatalogueFilter { level: Some(level), ..Default::default() }).href();
                        view! {
                            <li><a class=format!("level-tile level-{}", level.id()) href=href>{move || level.label(i18n.lang())}</a></li>
                        }
                    }).collect_view()}
                </ul>
                <p><a class="button" href=Route::Lessons(Default::default()).href()>{move || i18n.t(Key::AllLessons)}</a></p>
            </section>
        </div>
    }
}

/// The most recently edited lesson or challenge, opening where the pupil left off (not a
/// teacher's assignment or board).
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
