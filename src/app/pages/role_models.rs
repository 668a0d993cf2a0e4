//! Role models: the grid of fictional profiles and the real visitors listed on this device,
//! with level, sector and text filters kept in the URL; a visitor file to import; and a
//! profile page with the story, a timeline, advice, questions, the lessons and challenges
//! that meet the person, an interview to prepare, and a one-page print.

use super::catalogue::Select;
use super::interview::Interview;
use super::visitors::ImportVisitor;
use crate::app::batch::{batched, CARDS_PER_TASK};
use crate::app::browser;
use crate::app::content::{media_url, use_content, Card};
use crate::app::i18n::{tr, use_i18n};
use crate::app::rich::rich_text;
use crate::app::router::use_router;
use crate::app::startup::{Later, Stage};
use crate::app::store::use_store;
use crate::app::widgets::{
    card_view, page_file_or_card, FileErrorView, LevelBadges, LoadingView, ReadAloud,
};
use crate::core::content::{
    Challenge, ContentKind, Lesson, Level, RoleModel, RoleModelSummary, Sector,
};
use crate::core::i18n::Key;
use crate::core::markdown::plain_text;
use crate::core::progress::WorkRef;
use crate::core::role_models::{initials, visitors, RoleModelFilter};
use crate::core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// A round portrait: the profile's own picture, or the person's initials.
#[component]
pub fn Portrait(src: Option<String>, name: String, size: u32) -> impl IntoView {
    match src.as_deref().and_then(media_url) {
        Some(url) => view! {
            <img class="portrait" src=url alt="" width=size height=size/>
        }
        .into_any(),
        None => view! {
            <span class="portrait initials" aria-hidden="true"
                style:width=format!("{size}px") style:height=format!("{size}px")
                style:font-size=format!("{}px", size * 2 / 5)>
                {initials(&name)}
            </span>
        }
        .into_any(),
    }
}

#[component]
pub fn RoleModelsPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let router = use_router();
    let store = use_store();
    let filter = Memo::new(move |_| match router.route.get() {
        Route::RoleModels(f) => f,
        _ => RoleModelFilter::default(),
    });
    Effect::new(move |_| super::set_title(i18n.t(Key::RoleModelsTitle)));
    Effect::new(move |_| content.ensure_unsummarised::<RoleModel>());
    let set = move |change: &dyn Fn(&mut RoleModelFilter)| {
        let mut f = filter.get_untracked();
        change(&mut f);
        router.replace(Route::RoleModels(f));
    };
    let all_visitors = Memo::new(move |_| store.with_list(visitors));
    let shown_visitors = Memo::new(move |_| {
        let f = filter.get();
        all_visitors
            .get()
            .into_iter()
            .filter(|(_, v)| f.matches_visitor(v))
            .collect::<Vec<_>>()
    });
    // A profile is filtered by its summary; one with none yet (loading, or broken) is
    // always shown, never hidden for lack of data.
    let shown = Memo::new(move |_| {
        let f = filter.get();
        content.ids_where::<RoleModel>(true, |s| f.matches(s))
    });
    let drawn = batched(shown, CARDS_PER_TASK);
    let count = move || {
        let ready = shown
            .get()
            .iter()
            .filter(|id| matches!(content.card::<RoleModel>(id), Card::Ready(_)))
            .count();
        ready + shown_visitors.get().len()
    };
    view! {
        <div data-page="role-models" class="page role-models-page">
            <h1 id="page-title" tabindex="-1">{tr(Key::RoleModelsTitle)}</h1>
            <p class="lead">{tr(Key::RoleModelsIntro)}</p>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <Select id="rm-level" label=Key::FilterLevel
                    options=Signal::derive(move || Level::ALL.iter().map(|l| (l.id().to_string(), l.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().level.map(|l| l.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.level = Level::parse(&v)))/>
                <Select id="rm-sector" label=Key::FilterSector
                    options=Signal::derive(move || Sector::ALL.iter().map(|s| (s.id().to_string(), s.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().sector.map(|s| s.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.sector = Sector::parse(&v)))/>
                <div class="field">
                    <label for="rm-search">{tr(Key::FilterSearch)}</label>
                    <input id="rm-search" type="search" autocomplete="off"
                        prop:value=move || filter.get().query
                        on:input=move |ev| { let v = event_target_value(&ev); set(&|f| f.query = v.clone()) }/>
                </div>
                <Show when=move || !filter.get().is_empty()>
                    <button type="button" class="reset" on:click=move |_| router.replace(Route::RoleModels(Default::default()))>
                        {tr(Key::FilterReset)}
                    </button>
                </Show>
            </form>
            {move || content.index.get().and_then(|r| r.err()).map(|e| view! { <FileErrorView error=e/> })}
            <p class="result-count" role="status" aria-live="polite" id="result-count">
                {move || i18n.f(Key::PeopleCount, &[("n", &count().to_string())])}
            </p>
            <Later at=Stage::PageRest>
            // Until the index arrives the list keeps a screen's room, so the cards do not
            // push the visitor tools below them down the screen (a layout shift).
            <ul class="cards role-model-cards" class:loading=move || content.index().is_none()>
                // A handful at most: re-rendered as a whole, which costs less download
                // than a keyed list.
                {move || shown_visitors.get().into_iter().map(|(id, v)| view! { <VisitorCard id=id visitor=v/> }).collect_view()}
                <For each=move || drawn.get() key=|id| id.clone() let:id>
                    <RoleModelCard id=id/>
                </For>
            </ul>
            <Show when=move || count() == 0 && content.index().is_some()>
                <p class="empty">{tr(Key::NoPeople)}</p>
            </Show>
            <section class="visitor-tools" aria-labelledby="visitor-tools-title">
                <h2 id="visitor-tools-title">{tr(Key::VisitorToolsTitle)}</h2>
                <p>{tr(Key::VisitorToolsIntro)}</p>
                <p><a class="button primary" id="add-visitor" href=Route::NewVisitor.href()>{tr(Key::AddVisitor)}</a></p>
                <ImportVisitor/>
            </section>
            </Later>
        </div>
    }
}

#[component]
fn VisitorCard(id: String, visitor: crate::core::role_models::Visitor) -> impl IntoView {
    let i18n = use_i18n();
    let href = Route::Visitor { id: id.clone() }.href();
    let sector = visitor.sector;
    view! {
        <li class="card person-card visitor-card" data-visitor=id>
            <Portrait src=None name=visitor.name.clone() size=72/>
            <div>
                <h2><a href=href>{visitor.name.clone()}</a></h2>
                <p class="badge visitor">{tr(Key::VisitorBadge)}</p>
                <p class="business">{visitor.business.clone()}</p>
                {sector.map(|s| view! { <p class="muted">{move || s.label(i18n.lang())}</p> })}
            </div>
        </li>
    }
}

#[component]
fn RoleModelCard(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let card_id = id.clone();
    let card = Memo::new(move |_| content.card::<RoleModel>(&card_id));
    move || match card_view(card.get()) {
        Err(waiting) => waiting,
        Ok(r) => {
            let m = r.summary.clone();
            let href = Route::RoleModel { id: id.clone() }.href();
            let (headline, business) = (m.headline.clone(), m.business.clone());
            let sector = m.sector;
            view! {
                <li class="card person-card role-model-card" data-role-model=id.clone()>
                    <Portrait src=m.portrait.clone() name=m.name.clone() size=72/>
                    <div>
                        <h2><a href=href>{m.name.clone()}</a></h2>
                        {m.fictional.then(|| view! { <p class="badge fictional">{tr(Key::Fictional)}</p> })}
                        {business.map(|b| view! { <p class="business">{i18n.text_of(b)}</p> })}
                        <p class="muted">{move || sector.label(i18n.lang())}</p>
                        <p>{i18n.text_of(headline)}</p>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}

#[component]
pub fn RoleModelPage(id: String) -> impl IntoView {
    let content = use_content();
    let load_id = id.clone();
    Effect::new(move |_| content.ensure_role_model(&load_id));
    view! {
        <div data-page="role-model" class="page role-model-page">
            {move || {
                let top = |m: &RoleModelSummary| view! {
                    <article class="profile">
                        <header class="profile-header">
                            <Portrait src=m.portrait.clone() name=m.name.clone() size=120/>
                            <div>{profile_top(m.name.clone(), m.fictional, m.business.clone(), m.sector, m.headline.clone(), m.levels.clone())}</div>
                        </header>
                    </article>
                    <LoadingView/>
                }
                .into_any();
                match page_file_or_card(&id, content.role_model(&id), top) {
                    Ok(r) => view! { <Profile model=r.value.clone()/> }.into_any(),
                    Err(waiting) => waiting,
                }
            }}
        </div>
    }
}

/// A profile's name, badge, business, headline and levels: from the file, or from its
/// card meanwhile.
fn profile_top(
    name: String,
    fictional: bool,
    business: Option<crate::core::text::Text>,
    sector: Sector,
    headline: crate::core::text::Text,
    levels: Vec<Level>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 id="page-title" tabindex="-1">{name}</h1>
        {fictional.then(|| view! {
            <p class="badge fictional">{tr(Key::Fictional)}</p>
            <p class="muted">{tr(Key::FictionalNote)}</p>
        })}
        <p class="business">
            {business.map(|b| view! { {i18n.text_of(b)}" · " })}
            {move || sector.label(i18n.lang())}
        </p>
        <p class="lead">{i18n.text_of(headline)}</p>
        <LevelBadges levels=levels/>
    }
}

#[component]
fn Profile(model: RoleModel) -> impl IntoView {
    let i18n = use_i18n();
    let name = model.name.clone();
    Effect::new(move |_| super::set_title(&name));
    let (headline, story, story_spoken) = (
        model.headline.clone(),
        model.story.clone(),
        model.story.clone(),
    );
    let business = model.business.clone();
    let sector = model.sector;
    let model = Arc::new(model);
    let rest = model.clone();
    view! {
        <article class="profile">
            <header class="profile-header">
                <Portrait src=model.portrait.clone() name=model.name.clone() size=120/>
                <div>
                    {profile_top(model.name.clone(), model.fictional, business, sector, headline, model.levels.clone())}
                    <p class="actions no-print">
                        <button type="button" id="print-profile" on:click=|_| browser::print()>{tr(Key::PrintProfile)}</button>
                    </p>
                </div>
            </header>
            <ReadAloud text=Signal::derive(move || plain_text(&i18n.text(&story_spoken)))/>
            <div class="rich story">{move || rich_text(&i18n.text(&story))}</div>
            // At the start, drawn in the task after the story: a profile drawn whole was
            // one task of 110-180 ms under 4x CPU, the page's longest (see startup::Later).
            <Later at=Stage::PageRest><ProfileRest model=rest.clone()/></Later>
        </article>
    }
}

/// A profile below its story: timeline, advice, questions, the lessons and challenges that
/// meet the person, and the interview.
#[component]
fn ProfileRest(model: Arc<RoleModel>) -> impl IntoView {
    let i18n = use_i18n();
    let id = model.id.to_string();
    view! {
        {(!model.path.is_empty()).then(|| view! {
            <section class="path" aria-labelledby="path-title">
                <h2 id="path-title">{tr(Key::RoleModelPath)}</h2>
                <ol class="timeline">{model.path.iter().map(|p| {
                    let text = p.text.clone();
                    view! { <li><span class="year">{p.year}</span><span class="event">{i18n.text_of(text)}</span></li> }
                }).collect_view()}</ol>
            </section>
        })}
        {(!model.advice.is_empty()).then(|| view! {
            <section class="advice" aria-labelledby="advice-title">
                <h2 id="advice-title">{tr(Key::RoleModelAdvice)}</h2>
                <ul>{model.advice.iter().map(|a| { let a = a.clone(); view! { <li>{i18n.text_of(a)}</li> } }).collect_view()}</ul>
            </section>
        })}
        {(!model.questions.is_empty()).then(|| view! {
            <section class="questions no-print" aria-labelledby="questions-title">
                <h2 id="questions-title">{tr(Key::RoleModelQuestions)}</h2>
                <ul>{model.questions.iter().map(|q| { let q = q.clone(); view! { <li>{i18n.text_of(q)}</li> } }).collect_view()}</ul>
            </section>
        })}
        <LinkedWork id=id.clone()/>
        <Interview work=WorkRef::interview(&id) profile_questions=model.questions.clone() person=model.name.clone()/>
    }
}

/// The lessons and challenges that meet this role model, from their card summaries.
#[component]
fn LinkedWork(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    Effect::new(move |_| {
        content.ensure_unsummarised::<Lesson>();
        content.ensure_unsummarised::<Challenge>();
    });
    let (lesson_id, challenge_id) = (id.clone(), id);
    let lessons = Memo::new(move |_| {
        content
            .ids(ContentKind::Lesson)
            .into_iter()
            .filter_map(|l| match content.card::<Lesson>(&l) {
                Card::Ready(s)
                    if s.summary
                        .role_models
                        .iter()
                        .any(|r| r.as_str() == lesson_id) =>
                {
                    Some((
                        Route::Lesson { id: l, step: None }.href(),
                        s.summary.title.clone(),
                        s.summary.levels.clone(),
                    ))
                }
                _ => None,
            })
            .collect::<Vec<_>>()
    });
    let challenges = Memo::new(move |_| {
        content
            .ids(ContentKind::Challenge)
            .into_iter()
            .filter_map(|c| match content.card::<Challenge>(&c) {
                Card::Ready(s)
                    if s.summary
                        .role_models
                        .iter()
                        .any(|r| r.as_str() == challenge_id) =>
                {
                    Some((
                        Route::Challenge { id: c, step: None }.href(),
                        s.summary.title.clone(),
                        s.summary.levels.clone(),
                    ))
                }
                _ => None,
            })
            .collect::<Vec<_>>()
    });
    let item = move |(href, title, levels): (String, crate::core::text::Text, Vec<Level>)| {
        view! {
            <li>
                <a href=href>{i18n.text_of(title)}</a>
                " "<span class="muted">{move || levels.iter().map(|l| l.label(i18n.lang())).collect::<Vec<_>>().join(", ")}</span>
            </li>
        }
    };
    view! {
        <Show when=move || !lessons.get().is_empty() || !challenges.get().is_empty()>
            <section class="linked-work no-print" aria-labelledby="linked-title">
                <h2 id="linked-title">{tr(Key::RoleModelLinked)}</h2>
                <ul class="linked-lessons">{move || lessons.get().into_iter().map(item).collect_view()}</ul>
                <Show when=move || !challenges.get().is_empty()>
                    <h3>{tr(Key::NavChallenges)}</h3>
                    <ul class="linked-challenges">{move || challenges.get().into_iter().map(item).collect_view()}</ul>
                </Show>
            </section>
        </Show>
    }
}
