//! Role models: the list with level and sector filters, and a profile page.

use crate::app::content::{media_url, use_content};
use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::app::widgets::{card_view, page_file, FileErrorView, LevelBadges, ReadAloud};
use crate::core::content::{ContentKind, Level, RoleModel, RoleModelSummary, Sector};
use crate::core::i18n::Key;
use crate::core::markdown::plain_text;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn RoleModelsPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let level = RwSignal::new(None::<Level>);
    let sector = RwSignal::new(None::<Sector>);
    Effect::new(move |_| super::set_title(i18n.t(Key::RoleModelsTitle)));
    Effect::new(move |_| content.ensure_unsummarised::<RoleModel>());
    let ids = move || content.ids(ContentKind::RoleModel);
    let shown = move |m: &RoleModelSummary| {
        level.get().is_none_or(|l| m.levels.contains(&l))
            && sector.get().is_none_or(|s| m.sector == s)
    };
    view! {
        <div data-page="role-models" class="page role-models-page">
            <h1 id="page-title" tabindex="-1">{move || i18n.t(Key::RoleModelsTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::RoleModelsIntro)}</p>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="rm-level">{move || i18n.t(Key::FilterLevel)}</label>
                    <select id="rm-level" on:change=move |ev| level.set(Level::parse(&event_target_value(&ev)))>
                        <option value="">{move || i18n.t(Key::FilterAny)}</option>
                        {Level::ALL.iter().map(|l| view! { <option value=l.id()>{move || l.label(i18n.lang())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="rm-sector">{move || i18n.t(Key::FilterSector)}</label>
                    <select id="rm-sector" on:change=move |ev| sector.set(Sector::parse(&event_target_value(&ev)))>
                        <option value="">{move || i18n.t(Key::FilterAny)}</option>
                        {Sector::ALL.iter().map(|s| view! { <option value=s.id()>{move || s.label(i18n.lang())}</option> }).collect_view()}
                    </select>
                </div>
            </form>
            {move || content.index.get().and_then(|r| r.err()).map(|e| view! { <FileErrorView error=e/> })}
            <ul class="cards role-model-cards">
                <For each=ids key=|id| id.clone() let:id>
                    {
                        let card_id = id.clone();
                        let card = Memo::new(move |_| content.card::<RoleModel>(&card_id));
                        move || match card_view(card.get()) {
                            Err(waiting) => waiting,
                            Ok(r) if !shown(&r.summary) => ().into_any(),
                            Ok(r) => {
                                let m = r.summary.clone();
                                let href = Route::RoleModel { id: id.clone() }.href();
                                let headline = m.headline.clone();
                                let sector = m.sector;
                                view! {
                                    <li class="card role-model-card" data-role-model=id.clone()>
                                        {m.portrait.as_deref().and_then(media_url).map(|src| view! { <img class="portrait" src=src alt="" width="72" height="72"/> })}
                                        <div>
                                            <h2><a href=href>{m.name.clone()}</a></h2>
                                            {m.fictional.then(|| view! { <p class="badge fictional">{move || i18n.t(Key::Fictional)}</p> })}
                                            <p class="muted">{move || sector.label(i18n.lang())}</p>
                                            <p>{move || i18n.text(&headline)}</p>
                                        </div>
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
pub fn RoleModelPage(id: String) -> impl IntoView {
    let content = use_content();
    let load_id = id.clone();
    Effect::new(move |_| content.ensure_role_model(&load_id));
    view! {
        <div data-page="role-model" class="page role-model-page">
            {move || match page_file(&id, content.role_model(&id)) {
                Ok(r) => view! { <Profile model=r.value.clone()/> }.into_any(),
                Err(waiting) => waiting,
            }}
        </div>
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
    view! {
        <article class="profile">
            <header class="profile-header">
                {model.portrait.as_deref().and_then(media_url).map(|src| view! { <img class="portrait" src=src alt="" width="120" height="120"/> })}
                <div>
                    <h1 id="page-title" tabindex="-1">{model.name.clone()}</h1>
                    {model.fictional.then(|| view! {
                        <p class="badge fictional">{move || i18n.t(Key::Fictional)}</p>
                        <p class="muted">{move || i18n.t(Key::FictionalNote)}</p>
                    })}
                    {business.map(|b| view! { <p class="business">{move || i18n.text(&b)}" · "{move || sector.label(i18n.lang())}</p> })}
                    <p class="lead">{move || i18n.text(&headline)}</p>
                    <LevelBadges levels=model.levels.clone()/>
                </div>
            </header>
            <ReadAloud text=Signal::derive(move || plain_text(&i18n.text(&story_spoken)))/>
            <div class="rich">{move || rich_text(&i18n.text(&story))}</div>
            {(!model.path.is_empty()).then(|| view! {
                <h2>{move || i18n.t(Key::RoleModelPath)}</h2>
                <ol class="timeline">{model.path.iter().map(|p| {
                    let text = p.text.clone();
                    view! { <li><strong>{p.year}</strong>" "{move || i18n.text(&text)}</li> }
                }).collect_view()}</ol>
            })}
            {(!model.advice.is_empty()).then(|| view! {
                <h2>{move || i18n.t(Key::RoleModelAdvice)}</h2>
                <ul>{model.advice.iter().map(|a| { let a = a.clone(); view! { <li>{move || i18n.text(&a)}</li> } }).collect_view()}</ul>
            })}
            {(!model.questions.is_empty()).then(|| view! {
                <h2>{move || i18n.t(Key::RoleModelQuestions)}</h2>
                <ul>{model.questions.iter().map(|q| { let q = q.clone(); view! { <li>{move || i18n.text(&q)}</li> } }).collect_view()}</ul>
            })}
        </article>
    }
}
