//! A real visitor: a local entrepreneur who visits the class, listed by a teacher on this
//! device with the person's consent (name and business only, plus optional sector and
//! levels). Kept as the props of a `visitor:<random id>` work item through the store;
//! shown with the role models, used in the interview exercise, exported and imported as a
//! file, and erased with a merge-safe delete.

use super::interview::Interview;
use super::role_models::Portrait;
use crate::app::browser;
use crate::app::i18n::{tr, use_i18n};
use crate::app::router::use_router;
use crate::app::store::use_store;
use crate::app::widgets::LevelBadges;
use crate::core::content::{Level, Sector};
use crate::core::i18n::Key;
use crate::core::progress::WorkRef;
use crate::core::role_models::{
    erase_visitor, export_visitor, read_visitor_file, visitor_file_name, Visitor, VisitorImport,
    MAX_BUSINESS_CHARS, MAX_NAME_CHARS, MAX_VISITOR_FILE_BYTES,
};
use crate::core::route::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the visitor form starts with.
#[derive(Debug, Clone, Default, PartialEq)]
struct Draft {
    name: String,
    business: String,
    sector: Option<Sector>,
    levels: Vec<Level>,
}

/// The form for a visitor's name, business, sector, levels and the consent tick. Calls
/// `on_save` with a valid visitor; says what is missing otherwise.
#[component]
fn VisitorForm(draft: Draft, save_label: Key, on_save: Callback<Visitor>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(draft.name);
    let business = RwSignal::new(draft.business);
    let sector = RwSignal::new(draft.sector);
    let levels = RwSignal::new(draft.levels);
    let consent = RwSignal::new(false);
    let problem = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = Visitor::new(
            &name.get_untracked(),
            &business.get_untracked(),
            sector.get_untracked(),
            levels.get_untracked(),
            consent.get_untracked().then(browser::now),
        );
        match result {
            Ok(v) => {
                problem.set(None);
                on_save.run(v);
            }
            Err(p) => {
                problem.set(Some(p));
                browser::focus_id("visitor-problem");
            }
        }
    };
    view! {
        <form class="visitor-form" on:submit=submit novalidate>
            <div class="field">
                <label for="visitor-name">{tr(Key::VisitorName)}</label>
                <input id="visitor-name" type="text" autocomplete="off" required maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="visitor-business">{tr(Key::VisitorBusiness)}</label>
                <input id="visitor-business" type="text" autocomplete="off" required maxlength=MAX_BUSINESS_CHARS.to_string()
                    prop:value=move || business.get() on:input=move |ev| business.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="visitor-sector">{tr(Key::VisitorSector)}</label>
                <select id="visitor-sector" on:change=move |ev| sector.set(Sector::parse(&event_target_value(&ev)))>
                    <option value="">{tr(Key::VisitorNoSector)}</option>
                    {Sector::ALL.iter().map(|s| view! {
                        <option value=s.id() selected=move || sector.get() == Some(*s)>{move || s.label(i18n.lang())}</option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="field">
                <legend>{tr(Key::VisitorLevels)}</legend>
                <ul class="checklist">
                    {Level::ALL.iter().map(|&l| {
                        let field = format!("visitor-level-{}", l.id());
                        view! {
                            <li>
                                <input type="checkbox" id=field.clone()
                                    prop:checked=move || levels.with(|ls| ls.contains(&l))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        levels.update(|ls| { ls.retain(|x| *x != l); if on { ls.push(l); } });
                                    }/>
                                <label for=field>{move || l.label(i18n.lang())}</label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </fieldset>
            <div class="consent">
                <input type="checkbox" id="visitor-consent" required
                    prop:checked=move || consent.get()
                    on:change=move |ev| consent.set(event_target_checked(&ev))/>
                <label for="visitor-consent">{tr(Key::VisitorConsent)}</label>
            </div>
            <p class="muted">{tr(Key::VisitorPrivacy)}</p>
            <p id="visitor-problem" class="form-problem" role="alert" tabindex="-1">
                {move || problem.get().map(|p| p.message(i18n.lang()))}
            </p>
            <p class="actions"><button type="submit" class="primary" id="save-visitor">{tr(save_label)}</button></p>
        </form>
    }
}

#[component]
pub fn NewVisitorPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    Effect::new(move |_| super::set_title(i18n.t(Key::AddVisitor)));
    let save = Callback::new(move |v: Visitor| {
        let id = store.new_id().to_string();
        let work = WorkRef::visitor(&id);
        store.update_work(&work, |p, now| v.write(p, &work, now));
        router.push(Route::Visitor { id });
    });
    view! {
        <div data-page="new-visitor" class="page new-visitor-page">
            <p><a href=Route::RoleModels(Default::default()).href()>{tr(Key::BackToRoleModels)}</a></p>
            <h1 id="page-title" tabindex="-1">{tr(Key::AddVisitor)}</h1>
            <p class="lead">{tr(Key::VisitorFormIntro)}</p>
            <VisitorForm draft=Draft::default() save_label=Key::SaveVisitor on_save=save/>
        </div>
    }
}

#[component]
pub fn VisitorPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = WorkRef::visitor(&id);
    let read = work.clone();
    let visitor = Memo::new(move |_| store.with_work(&read, |w| w.and_then(Visitor::from_work)));
    let erased = RwSignal::new(false);
    Effect::new(move |_| match visitor.get() {
        Some(v) => super::set_title(&v.name),
        None => super::set_title(i18n.t(Key::VisitorMissingTitle)),
    });
    let back = move || {
        view! { <p class="no-print"><a href=Route::RoleModels(Default::default()).href()>{tr(Key::BackToRoleModels)}</a></p> }
    };
    view! {
        <div data-page="visitor" class="page visitor-page">
            {back}
            {move || match visitor.get() {
                Some(v) => view! { <VisitorProfile id=id.clone() visitor=v erased=erased/> }.into_any(),
                None => view! {
                    <h1 id="page-title" tabindex="-1">{tr(Key::VisitorMissingTitle)}</h1>
                    {move || if erased.get() {
                        view! { <p class="notice notice-success" role="status" id="visitor-erased">{tr(Key::VisitorErased)}</p> }.into_any()
                    } else {
                        view! { <p>{tr(Key::VisitorMissing)}</p> }.into_any()
                    }}
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn VisitorProfile(id: String, visitor: Visitor, erased: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = WorkRef::visitor(&id);
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let sector = visitor.sector;
    let consent_at = visitor.consent_at;
    let (export_id, export_v) = (id.clone(), visitor.clone());
    let export = move |_| {
        let text = export_visitor(&export_id, &export_v, browser::now());
        browser::download(
            &visitor_file_name(&export_v.name),
            "application/json",
            &text,
        );
    };
    let erase_work = work.clone();
    let erase = move |_| {
        store.update_work(&erase_work, |p, now| erase_visitor(p, &erase_work, now));
        erased.set(true);
        browser::focus_id("page-title");
    };
    let edit_work = work.clone();
    let save_edit = Callback::new(move |v: Visitor| {
        store.update_work(&edit_work, |p, now| v.write(p, &edit_work, now));
        editing.set(false);
    });
    let draft = Draft {
        name: visitor.name.clone(),
        business: visitor.business.clone(),
        sector: visitor.sector,
        levels: visitor.levels.clone(),
    };
    view! {
        <article class="profile visitor-profile">
            <header class="profile-header">
                <Portrait src=None name=visitor.name.clone() size=120/>
                <div>
                    <h1 id="page-title" tabindex="-1">{visitor.name.clone()}</h1>
                    <p class="badge visitor">{tr(Key::VisitorBadge)}</p>
                    <p class="business">
                        {visitor.business.clone()}
                        {sector.map(|s| view! { " · "{move || s.label(i18n.lang())} })}
                    </p>
                    {(!visitor.levels.is_empty()).then(|| view! { <LevelBadges levels=visitor.levels.clone()/> })}
                    <p class="muted">{move || i18n.f(Key::VisitorConsentGiven, &[("time", &browser::format_time(consent_at, i18n.lang()))])}</p>
                </div>
            </header>
            <div class="actions no-print visitor-actions">
                <button type="button" id="print-profile" on:click=|_| browser::print()>{tr(Key::PrintProfile)}</button>
                <button type="button" id="export-visitor" on:click=export>{tr(Key::ExportVisitor)}</button>
                <button type="button" id="edit-visitor" aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)>{tr(Key::EditVisitor)}</button>
                <Show when=move || !confirming.get()
                    fallback=move || view! {
                        <button type="button" class="danger" id="erase-visitor-confirm" on:click=erase.clone()>{tr(Key::EraseVisitorConfirm)}</button>
                        <button type="button" id="erase-visitor-cancel" on:click=move |_| confirming.set(false)>{tr(Key::Cancel)}</button>
                    }>
                    <button type="button" class="danger" id="erase-visitor" on:click=move |_| {
                        confirming.set(true);
                        browser::focus_id("erase-visitor-confirm");
                    }>{tr(Key::EraseVisitor)}</button>
                </Show>
            </div>
            <Show when=move || confirming.get()>
                <p class="notice notice-warning no-print" role="alert">{tr(Key::EraseVisitorWarning)}</p>
            </Show>
            <Show when=move || editing.get()>
                <section class="no-print" aria-labelledby="edit-visitor-title">
                    <h2 id="edit-visitor-title">{tr(Key::EditVisitor)}</h2>
                    <VisitorForm draft=draft.clone() save_label=Key::SaveVisitor on_save=save_edit/>
                </section>
            </Show>
            <Interview work=work.clone() profile_questions=Vec::new() person=visitor.name.clone()/>
        </article>
    }
}

#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Error(String),
    Preview(VisitorImport),
}

/// Reads a visitor file and, once the teacher records consent on this device, lists the
/// visitor. The id in the file is kept, so importing the same file again updates one entry.
#[component]
pub fn ImportVisitor() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let state = RwSignal::new(ImportState::Idle);
    let consent = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        consent.set(false);
        problem.set(None);
        if file.size() > MAX_VISITOR_FILE_BYTES as f64 {
            let e = crate::core::role_models::VisitorFileError::TooLarge;
            state.set(ImportState::Error(e.message(i18n.lang())));
            return;
        }
        spawn_local(async move {
            let next = match browser::read_file(&file).await {
                Ok(bytes) => match read_visitor_file(&bytes) {
                    Ok(v) => ImportState::Preview(v),
                    Err(e) => ImportState::Error(e.message(i18n.lang())),
                },
                Err(_) => ImportState::Error(
                    crate::core::role_models::VisitorFileError::NotVisitorFile.message(i18n.lang()),
                ),
            };
            state.set(next);
        });
    };
    let add = move |v: VisitorImport| {
        let result = Visitor::new(
            &v.name,
            &v.business,
            v.sector,
            v.levels.clone(),
            consent.get_untracked().then(browser::now),
        );
        match result {
            Ok(visitor) => {
                let work = WorkRef::visitor(&v.id);
                store.update_work(&work, |p, now| visitor.write(p, &work, now));
                state.set(ImportState::Idle);
                router.push(Route::Visitor { id: v.id });
            }
            Err(p) => problem.set(Some(p.message(i18n.lang()))),
        }
    };
    let panel = move || {
        match state.get() {
        ImportState::Idle => ().into_any(),
        ImportState::Error(message) => {
            view! { <p class="notice notice-error" role="alert" id="import-visitor-error">{message}</p> }.into_any()
        }
        ImportState::Preview(v) => {
            let shown = v.clone();
            view! {
                <div class="notice notice-info" role="region" id="import-visitor-preview" aria-label=tr(Key::ImportVisitor)>
                    <p><strong>{shown.name.clone()}</strong>" – "{shown.business.clone()}</p>
                    <div class="consent">
                        <input type="checkbox" id="import-consent"
                            prop:checked=move || consent.get()
                            on:change=move |ev| consent.set(event_target_checked(&ev))/>
                        <label for="import-consent">{tr(Key::VisitorConsent)}</label>
                    </div>
                    <p class="form-problem" role="alert">{move || problem.get()}</p>
                    <p class="actions">
                        <button type="button" class="primary" id="import-visitor-add" on:click=move |_| add(v.clone())>{tr(Key::SaveVisitor)}</button>
                        <button type="button" id="import-visitor-cancel" on:click=move |_| state.set(ImportState::Idle)>{tr(Key::Cancel)}</button>
                    </p>
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <h3>{tr(Key::ImportVisitor)}</h3>
        <div class="drop-zone">
            <label for="import-visitor-file" class="button">{tr(Key::ChooseVisitorFile)}</label>
            <input id="import-visitor-file" class="visually-hidden-input" type="file" accept=".json,application/json" on:change=on_pick/>
        </div>
        {panel}
    }
}
