//! The lesson catalogue: cards for every lesson in the index, filters kept in the URL, and
//! the pupil's progress on each card. Broken files are listed, never hidden.

use crate::app::batch::{batched, CARDS_PER_TASK};
use crate::app::content::{media_url, use_content, Card};
use crate::app::i18n::use_i18n;
use crate::app::router::use_router;
use crate::app::startup::{Later, Stage};
use crate::app::store::use_store;
use crate::app::widgets::{step_icon, FileErrorView, LevelBadges, LoadingView, SubjectBadges};
use crate::core::catalogue::{card_status, CardStatus, CatalogueFilter, Duration};
use crate::core::content::{Competence, Dimension, Hashed, Lesson, LessonSummary, Level, Subject};
use crate::core::i18n::{step_kind, Key};
use crate::core::progress::WorkRef;
use crate::core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let router = use_router();
    let filter = Memo::new(move |_| match router.route.get() {
        Route::Lessons(f) => f,
        _ => CatalogueFilter::default(),
    });
    Effect::new(move |_| super::set_title(i18n.t(Key::CatalogueTitle)));
    // Cards come from the index's summaries; only lessons without one are fetched.
    Effect::new(move |_| content.ensure_unsummarised::<Lesson>());
    let set = move |change: &dyn Fn(&mut CatalogueFilter)| {
        let mut f = filter.get_untracked();
        change(&mut f);
        router.replace(Route::Lessons(f));
    };
    // A lesson is filtered by its summary; one with none yet (loading, or broken) is
    // always shown, never hidden for lack of data.
    let visible = Memo::new(move |_| {
        let f = filter.get();
        content.ids_where::<Lesson>(true, |s| f.matches(s))
    });
    let count = move || {
        visible
            .get()
            .iter()
            .filter(|id| matches!(content.card::<Lesson>(id), Card::Ready(_)))
            .count()
    };
    let drawn_cards = batched(visible, CARDS_PER_TASK);
    let visible = move || visible.get();
    view! {
        <div data-page="lessons" class="page catalogue-page">
            <h1 id="page-title" tabindex="-1">{i18n.tr(Key::CatalogueTitle)}</h1>
            <p class="lead">{i18n.tr(Key::CatalogueIntro)}</p>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <Select id="filter-level" label=Key::FilterLevel
                    options=Signal::derive(move || Level::ALL.iter().map(|l| (l.id().to_string(), l.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().level.map(|l| l.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.level = Level::parse(&v)))/>
                <Select id="filter-competence" label=Key::FilterCompetence
                    options=Signal::derive(move || Competence::ALL.iter().map(|c| (c.id().to_string(), c.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().competence.map(|c| c.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.competence = Competence::parse(&v)))/>
                <Select id="filter-dimension" label=Key::FilterDimension
                    options=Signal::derive(move || Dimension::ALL.iter().map(|d| (d.id().to_string(), d.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().dimension.map(|d| d.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.dimension = Dimension::parse(&v)))/>
                <Select id="filter-subject" label=Key::FilterSubject
                    options=Signal::derive(move || Subject::ALL.iter().map(|s| (s.id().to_string(), s.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().subject.map(|s| s.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.subject = Subject::parse(&v)))/>
                <Select id="filter-duration" label=Key::FilterDuration
                    options=Signal::derive(move || Duration::ALL.iter().map(|d| (d.id().to_string(), i18n.t(match d {
                        Duration::Short => Key::DurationShort,
                        Duration::Medium => Key::DurationMedium,
                        Duration::Long => Key::DurationLong,
                    }).to_string())).collect())
                    value=Signal::derive(move || filter.get().duration.map(|d| d.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.duration = Duration::parse(&v)))/>
                <div class="field">
                    <label for="filter-search">{i18n.tr(Key::FilterSearch)}</label>
                    <input id="filter-search" type="search" autocomplete="off"
                        prop:value=move || filter.get().query
                        on:input=move |ev| { let v = event_target_value(&ev); set(&|f| f.query = v.clone()) }/>
                </div>
                <Show when=move || !filter.get().is_empty()>
                    <button type="button" class="reset" on:click=move |_| router.replace(Route::Lessons(Default::default()))>
                        {i18n.tr(Key::FilterReset)}
                    </button>
                </Show>
            </form>
            <Later at=Stage::PageRest>{move || match content.index.get() {
                None => view! { <LoadingView/> }.into_any(),
                Some(Err(e)) => view! { <FileErrorView error=e/> }.into_any(),
                Some(Ok(_)) => view! {
                    <p class="result-count" role="status" aria-live="polite" id="result-count">
                        {move || i18n.f(Key::ResultsCount, &[("n", &count().to_string())])}
                    </p>
                    <Show when=move || visible().is_empty()>
                        <p class="empty">{i18n.tr(Key::NoResults)}</p>
                    </Show>
                    <ul class="cards lesson-cards">
                        <For each=move || drawn_cards.get() key=|id| id.clone() let:id>
                            <LessonCard id=id/>
                        </For>
                    </ul>
                }.into_any(),
            }}</Later>
        </div>
    }
}

/// A labelled filter select with "any" first; shared by the list pages' filters (one
/// component compiled once, whatever it lists).
#[component]
pub fn Select(
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

#[component]
pub fn LessonCard(id: String) -> impl IntoView {
    let content = use_content();
    let card_id = id.clone();
    // A memo, so the card is rebuilt only when what it shows changes (a fetch of the same
    // file version leaves it alone).
    let card = Memo::new(move |_| content.card::<Lesson>(&card_id));
    move || {
        match card.get() {
        Card::Loading => view! { <li class="card lesson-card loading-card" data-lesson=id.clone()><LoadingView/></li> }.into_any(),
        Card::Broken(e) => view! { <li class="card lesson-card broken" data-lesson=id.clone()><FileErrorView error=e/></li> }.into_any(),
        Card::Ready(s) => view! { <ReadyCard id=id.clone() lesson=s/> }.into_any(),
    }
    }
}

#[component]
fn ReadyCard(id: String, lesson: Arc<Hashed<LessonSummary>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let href = Route::Lesson {
        id: id.clone(),
        step: None,
    }
    .href();
    let work = WorkRef::lesson(&id);
    let lesson = lesson.summary.clone();
    let for_status = lesson.clone();
    let status = Memo::new(move |_| store.with_work(&work, |w| card_status(w, &for_status)));
    let title = lesson.title.clone();
    let summary = lesson.summary.clone();
    let competences = lesson.competences.clone();
    let minutes = lesson.minutes;
    let heading_id = format!("card-{id}");
    let level = super::lesson::youngest(&lesson.levels);
    let kinds = lesson.kinds.clone();
    // Decoration beside the title, which names the lesson: no text alternative needed.
    let image = lesson.image.as_deref().and_then(media_url);
    view! {
        <li class="card lesson-card level-style" data-lesson=id data-level=level>
            {image.map(|src| view! { <img class="card-image" src=src alt="" width="96" height="96" loading="lazy" decoding="async"/> })}
            <h2 id=heading_id><a href=href>{i18n.text_of(title)}</a></h2>
            {summary.map(|s| view! { <p class="summary">{i18n.text_of(s)}</p> })}
            <LevelBadges levels=lesson.levels.clone()/>
            <SubjectBadges subjects=lesson.subjects.clone()/>
            <p class="meta">
                {minutes.map(|m| view! { <span class="minutes">{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</span> })}
                <span class="competences">{move || competences.iter().map(|c| c.label(i18n.lang())).collect::<Vec<_>>().join(" · ")}</span>
            </p>
            {(!kinds.is_empty()).then(|| view! {
                <ul class="card-kinds" aria-label=i18n.tr(Key::StepKinds)>
                    {kinds.into_iter().map(|k| {
                        let name = step_kind(&k);
                        view! {
                            <li>{step_icon(&k)}<span class="visually-hidden">{move || i18n.t(name)}</span></li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <p class="status" data-status=move || match status.get() {
                CardStatus::NotStarted => "not-started",
                CardStatus::Answering { .. } => "in-progress",
                CardStatus::Done => "done",
            }>
                {move || match status.get() {
                    CardStatus::NotStarted => i18n.t(Key::StatusNotStarted).to_string(),
                    CardStatus::Answering { of: 0, .. } => i18n.t(Key::StatusStarted).to_string(),
                    CardStatus::Answering { answered, of } => i18n.f(Key::StatusAnswered, &[("n", &answered.to_string()), ("m", &of.to_string())]),
                    CardStatus::Done => i18n.t(Key::StatusDone).to_string(),
                }}
            </p>
        </li>
    }
}
