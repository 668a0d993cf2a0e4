//! My canvases: the pupil's free-standing canvases (open, duplicate, delete with
//! confirmation), a canvas imported from a file, and the gallery of templates by level to
//! start a new one; and the page of one canvas.

use crate::app::board::Board;
use crate::app::browser;
use crate::app::content::{use_content, Card, Load};
use crate::app::i18n::use_i18n;
use crate::app::media_io;
use crate::app::pages::catalogue::Select;
use crate::app::router::use_router;
use crate::app::steps::media::media_error_text;
use crate::app::store::{use_store, Store};
use crate::app::widgets::{FileErrorView, LevelBadges, LoadingView};
use crate::core::board::file::{read_canvas_file, CanvasFileError, MAX_CANVAS_FILE_BYTES};
use crate::core::board::{CANVAS_STEP, PROP_DELETED, PROP_NAME, PROP_TEAM, PROP_TEMPLATE};
use crate::core::content::{CanvasSummary, CanvasTemplate, ContentKind, Hashed, Level};
use crate::core::i18n::Key;
use crate::core::progress::{Answer, Records, WorkKind, WorkRef};
use crate::core::route::Route;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[component]
pub fn CanvasesPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| super::set_title(i18n.t(Key::CanvasesTitle)));
    // A deleted canvas, until the pupil moves on: offered back with Undo.
    let deleted = RwSignal::new(None::<(WorkRef, String)>);
    view! {
        <div data-page="canvases" class="page canvases-page">
            <h1 id="page-title" tabindex="-1">{i18n.tr(Key::CanvasesTitle)}</h1>
            <p class="lead">{i18n.tr(Key::CanvasesIntro)}</p>
            <DeletedNotice deleted=deleted/>
            <MyCanvases deleted=deleted/>
            <ImportCanvas/>
            <Gallery/>
        </div>
    }
}

/// The pupil's canvases, newest first (deleted ones left out).
fn my_canvases(store: Store) -> Vec<(WorkRef, i64)> {
    store.with_list(|p| {
        let mut list: Vec<(WorkRef, i64)> = p
            .work
            .iter()
            .filter(|(_, w)| !w.is_deleted())
            .filter_map(|(k, w)| Some((WorkRef::parse(k)?, w.updated)))
            .filter(|(r, _)| r.kind == WorkKind::Canvas)
            .collect();
        crate::core::board::sort_small(&mut list, |a, b| a.1 > b.1);
        list
    })
}

#[component]
fn MyCanvases(deleted: RwSignal<Option<(WorkRef, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // Keyed by canvas only: editing a canvas reorders the list but rebuilds no card.
    let items = Memo::new(move |_| {
        my_canvases(store)
            .into_iter()
            .map(|(r, _)| r)
            .collect::<Vec<_>>()
    });
    view! {
        <section aria-labelledby="my-canvases-title" class="my-canvases">
            <h2 id="my-canvases-title">{i18n.tr(Key::CanvasesMine)}</h2>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="empty">{i18n.tr(Key::CanvasesNone)}</p>
            </Show>
            <ul class="cards canvas-cards">
                <For each=move || items.get() key=|r| r.key() let:work>
                    <CanvasCard work=work deleted=deleted/>
                </For>
            </ul>
        </section>
    }
}

/// The name of a canvas as shown: its own, else its template's title, else its id.
fn canvas_name(work: &WorkRef) -> String {
    let (store, content, i18n) = (use_store(), use_content(), use_i18n());
    store
        .with_work(work, |w| content.work_title(work, w))
        .map(|t| i18n.text(&t))
        .unwrap_or_else(|| work.id.clone())
}

#[component]
fn CanvasCard(work: WorkRef, deleted: RwSignal<Option<(WorkRef, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let router = use_router();
    {
        let work = work.clone();
        Effect::new(move |_| store.with_work(&work, |w| content.ensure_work_file(&work, w)));
    }
    let name = {
        let work = work.clone();
        Memo::new(move |_| canvas_name(&work))
    };
    let template_title = {
        let work = work.clone();
        move || {
            let id = store.with_work(&work, |w| {
                w.and_then(|w| w.prop(PROP_TEMPLATE)).map(String::from)
            })?;
            match content.card::<CanvasTemplate>(&id) {
                Card::Ready(s) => Some(i18n.text(&s.summary.title)),
                _ => None,
            }
        }
    };
    let count = {
        let work = work.clone();
        move || match store.answer(&work, CANVAS_STEP) {
            Some(Answer::Canvas { notes }) => notes.live_count(),
            _ => 0,
        }
    };
    let updated = {
        let work = work.clone();
        move || store.with_work(&work, |w| w.map_or(0, |w| w.updated))
    };
    let confirming = RwSignal::new(false);
    let href = work.route(None).href();
    let key = work.id.clone();
    let (dup_work, del_work) = (work.clone(), work.clone());
    let on_duplicate = move |_| {
        let copy = duplicate(
            store,
            &dup_work,
            &i18n.f(Key::CanvasCopyOf, &[("name", &name.get_untracked())]),
        );
        router.push(copy.route(None));
    };
    let confirm_id = format!("delete-confirm-{key}");
    let focus_confirm = confirm_id.clone();
    let delete = move |_| {
        store.update_work(&del_work, |p, now| {
            p.set_prop(&del_work, PROP_DELETED, "1", now)
        });
        deleted.set(Some((del_work.clone(), name.get_untracked())));
        browser::focus_id("canvas-deleted");
    };
    view! {
        <li class="card canvas-card" data-canvas=key.clone()>
            <h3><a href=href.clone()>{move || name.get()}</a></h3>
            <p class="muted">{template_title}</p>
            <p class="status">{move || i18n.f(Key::NotesCount, &[("n", &count().to_string())])}</p>
            <p class="muted">{move || i18n.f(Key::LastEdited, &[("time", &browser::format_time(updated(), i18n.lang()))])}</p>
            <p class="actions">
                <a class="button primary" href=href>{i18n.tr(Key::CanvasOpen)}</a>
                <button type="button" class="canvas-duplicate"
                    aria-label=move || i18n.f(Key::CanvasDuplicateNamed, &[("name", &name.get())])
                    on:click=on_duplicate>{i18n.tr(Key::CanvasDuplicate)}</button>
                <button type="button" class="danger canvas-delete" aria-expanded=move || confirming.get().to_string()
                    aria-label=move || i18n.f(Key::CanvasDeleteNamed, &[("name", &name.get())])
                    on:click=move |_| { confirming.set(true); browser::focus_id(&focus_confirm); }>
                    {i18n.tr(Key::CanvasDelete)}
                </button>
            </p>
            <Show when=move || confirming.get()>
                <div class="notice notice-warning delete-confirm" role="group"
                    aria-label=i18n.tr(Key::CanvasDelete)>
                    <p>{move || i18n.f(Key::CanvasDeleteQuestion, &[("name", &name.get())])}</p>
                    <p class="actions">
                        <button type="button" class="danger canvas-delete-confirm" id=confirm_id.clone()
                            on:click=delete.clone()>{move || i18n.f(Key::CanvasDeleteConfirm, &[("name", &name.get())])}</button>
                        <button type="button" class="canvas-delete-cancel" on:click=move |_| confirming.set(false)>
                            {i18n.tr(Key::Cancel)}
                        </button>
                    </p>
                </div>
            </Show>
        </li>
    }
}

/// A copy of a canvas under a new id: its template, team and notes (each note with a new id,
/// so the two canvases never merge into each other), named `name`.
fn duplicate(store: Store, from: &WorkRef, name: &str) -> WorkRef {
    let copy = WorkRef::canvas(store.new_id().as_str());
    let (template, team, notes) = store.with(|p| {
        let w = p.work(from);
        let prop = |k| w.and_then(|w| w.prop(k)).unwrap_or_default().to_string();
        let notes = match w.and_then(|w| w.answer(CANVAS_STEP)) {
            Some(Answer::Canvas { notes }) => {
                notes.live().map(|(_, n)| n.clone()).collect::<Vec<_>>()
            }
            _ => vec![],
        };
        (prop(PROP_TEMPLATE), prop(PROP_TEAM), notes)
    });
    store.update_work(&copy, |p, now| {
        let a = p.set_prop(&copy, PROP_TEMPLATE, &template, now);
        let b = p.set_prop(&copy, PROP_NAME, name, now);
        let c = !team.is_empty() && p.set_prop(&copy, PROP_TEAM, &team, now);
        a || b || c
    });
    if !notes.is_empty() {
        let now = browser::now();
        let mut records = Records::default();
        for note in notes {
            records.put(store.new_id(), Some(note), now);
        }
        store.set_answer(&copy, CANVAS_STEP, Answer::Canvas { notes: records });
    }
    copy
}

#[component]
fn DeletedNotice(deleted: RwSignal<Option<(WorkRef, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    move || {
        deleted.get().map(|(work, name)| {
            let undo = move |_| {
                store.update_work(&work, |p, now| p.set_prop(&work, PROP_DELETED, "", now));
                deleted.set(None);
            };
            view! {
                <p class="notice notice-info" role="status" id="canvas-deleted" tabindex="-1">
                    {i18n.f(Key::CanvasDeleted, &[("name", &name)])}" "
                    <button type="button" class="canvas-undelete" on:click=undo>{i18n.t(Key::Undo)}</button>
                </p>
            }
        })
    }
}

#[derive(Clone)]
enum ImportState {
    Idle,
    Failed(CanvasFileError),
    /// The photos could not be stored (storage full): nothing was imported.
    MediaFailed(String),
    Done {
        href: String,
        name: String,
        notes: usize,
        dropped: usize,
    },
}

#[component]
fn ImportCanvas() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let state = RwSignal::new(ImportState::Idle);
    let take = async move |bytes: Vec<u8>| {
        let imported = match read_canvas_file(&bytes) {
            Ok(i) => i,
            Err(e) => {
                state.set(ImportState::Failed(e));
                return;
            }
        };
        let Some(work) = imported.file.work_ref() else {
            return;
        };
        // The photos first: notes never point at a photo this device lacks for want of room.
        if let Err(e) = media_io::write_missing(&imported.media).await {
            state.set(ImportState::MediaFailed(media_error_text(&e, i18n)));
            browser::focus_id("canvas-import-result");
            return;
        }
        store.merge_in(&imported.file.to_progress());
        // Importing is a choice: a canvas deleted on this device comes back.
        if work.kind == WorkKind::Canvas {
            store.update_work(&work, |p, now| p.set_prop(&work, PROP_DELETED, "", now));
        }
        store.with_work(&work, |w| content.ensure_work_file(&work, w));
        let name = store
            .with_work(&work, |w| content.work_title(&work, w))
            .map(|t| i18n.text(&t))
            .unwrap_or_else(|| imported.file.template.clone());
        let step = (work.kind != WorkKind::Canvas).then(|| imported.file.step.clone());
        state.set(ImportState::Done {
            href: work.route(step).href(),
            name,
            notes: imported.file.notes.live_count(),
            dropped: imported.dropped,
        });
        browser::focus_id("canvas-import-result");
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            if file.size() > MAX_CANVAS_FILE_BYTES as f64 {
                state.set(ImportState::Failed(CanvasFileError::TooLarge {
                    bytes: file.size() as usize,
                }));
            } else {
                spawn_local(async move {
                    match browser::read_file(&file).await {
                        Ok(bytes) => take(bytes).await,
                        Err(_) => state.set(ImportState::Failed(CanvasFileError::NotText)),
                    }
                });
            }
        }
        input.set_value("");
    };
    let result = move || {
        match state.get() {
        ImportState::Idle => ().into_any(),
        ImportState::Failed(e) => view! {
            <p class="notice notice-error" role="alert" id="canvas-import-result" tabindex="-1">{e.message(i18n.lang())}</p>
        }
        .into_any(),
        ImportState::MediaFailed(message) => view! {
            <p class="notice notice-error" role="alert" id="canvas-import-result" tabindex="-1">{message}</p>
        }
        .into_any(),
        ImportState::Done { href, name, notes, dropped } => view! {
            <div class="notice notice-success" role="status" id="canvas-import-result" tabindex="-1">
                <p>{i18n.f(Key::CanvasImported, &[("name", &name), ("n", &notes.to_string())])}</p>
                {(dropped > 0).then(|| view! { <p>{i18n.f(Key::CanvasImportDropped, &[("n", &dropped.to_string())])}</p> })}
                <p><a class="button primary" href=href>{i18n.t(Key::CanvasOpen)}</a></p>
            </div>
        }
        .into_any(),
    }
    };
    view! {
        <section aria-labelledby="canvas-import-title" class="canvas-import">
            <h2 id="canvas-import-title">{i18n.tr(Key::CanvasImport)}</h2>
            <p>{i18n.tr(Key::CanvasImportHelp)}</p>
            <div class="drop-zone">
                <label for="canvas-file" class="button">{i18n.tr(Key::ChooseFile)}</label>
                <input id="canvas-file" class="visually-hidden-input" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            {result}
        </section>
    }
}

#[component]
fn Gallery() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let router = use_router();
    let level = Memo::new(move |_| match router.route.get() {
        Route::Canvases(level) => level,
        _ => None,
    });
    Effect::new(move |_| content.ensure_unsummarised::<CanvasTemplate>());
    // A template is filtered by its summary; one without a summary yet is always shown.
    let visible = Memo::new(move |_| {
        let wanted = level.get();
        content
            .ids(ContentKind::Canvas)
            .into_iter()
            .filter(|id| match (content.card::<CanvasTemplate>(id), wanted) {
                (Card::Ready(s), Some(l)) => {
                    s.summary.levels.is_empty() || s.summary.levels.contains(&l)
                }
                _ => true,
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section aria-labelledby="gallery-title" class="gallery">
            <h2 id="gallery-title">{i18n.tr(Key::CanvasGallery)}</h2>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <Select id="gallery-level" label=Key::FilterLevel
                    options=Signal::derive(move || Level::ALL.iter().map(|l| (l.id().to_string(), l.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || level.get().map(|l| l.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| router.replace(Route::Canvases(Level::parse(&v))))/>
            </form>
            {move || match content.index.get() {
                None => view! { <LoadingView/> }.into_any(),
                Some(Err(e)) => view! { <FileErrorView error=e/> }.into_any(),
                Some(Ok(_)) => view! {
                    <ul class="cards template-cards">
                        <For each=move || visible.get() key=|id| id.clone() let:id>
                            <TemplateCard id=id/>
                        </For>
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn TemplateCard(id: String) -> impl IntoView {
    let content = use_content();
    let card_id = id.clone();
    let card = Memo::new(move |_| content.card::<CanvasTemplate>(&card_id));
    move || match card.get() {
        Card::Loading => view! { <li class="card template-card"><LoadingView/></li> }.into_any(),
        Card::Broken(e) => {
            view! { <li class="card template-card broken"><FileErrorView error=e/></li> }.into_any()
        }
        Card::Ready(s) => view! { <ReadyTemplate id=id.clone() summary=s/> }.into_any(),
    }
}

#[component]
fn ReadyTemplate(id: String, summary: Arc<Hashed<CanvasSummary>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let summary = summary.summary.clone();
    let (title, start_title, label_title) = (
        summary.title.clone(),
        summary.title.clone(),
        summary.title.clone(),
    );
    let attribution = summary.attribution.clone();
    let template = id.clone();
    let start = move |_| {
        let work = WorkRef::canvas(store.new_id().as_str());
        let name = i18n.text(&start_title);
        store.update_work(&work, |p, now| {
            let a = p.set_prop(&work, PROP_TEMPLATE, &template, now);
            let b = p.set_prop(&work, PROP_NAME, &name, now);
            a || b
        });
        router.push(work.route(None));
    };
    view! {
        <li class="card template-card" data-template=id>
            <h3>{i18n.text_of(title)}</h3>
            <LevelBadges levels=summary.levels.clone()/>
            {attribution.map(|a| view! { <p class="attribution muted">{move || crate::app::board::attribution_view(&i18n.text(&a))}</p> })}
            <p><button type="button" class="primary start-canvas"
                aria-label=move || i18n.f(Key::CanvasStartFrom, &[("title", &i18n.text(&label_title))])
                on:click=start>{i18n.tr(Key::CanvasStart)}</button></p>
        </li>
    }
}

/// What the page of one canvas can show.
#[derive(Debug, Clone, PartialEq)]
enum CanvasState {
    /// Not on this device (never made here, or deleted).
    Missing,
    /// On this device, following this template (`None`: a template name that is no id).
    Template(Option<String>),
}

#[component]
pub fn CanvasPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let work = WorkRef::canvas(&id);
    // A memo, so renaming or typing on the board does not rebuild the page.
    let state = {
        let work = work.clone();
        Memo::new(move |_| {
            store.with_work(&work, |w| match w {
                Some(w) if !w.is_deleted() => {
                    CanvasState::Template(work.content(Some(w)).map(|(_, t)| t))
                }
                _ => CanvasState::Missing,
            })
        })
    };
    Effect::new(move |_| {
        if let CanvasState::Template(Some(t)) = state.get() {
            content.ensure_canvas(&t);
        }
    });
    let name = {
        let work = work.clone();
        Memo::new(move |_| canvas_name(&work))
    };
    Effect::new(move |_| super::set_title(&name.get()));
    let body = move || {
        match state.get() {
        CanvasState::Missing => view! {
            <h1 id="page-title" tabindex="-1">{i18n.t(Key::CanvasesTitle)}</h1>
            <p class="notice notice-warning" id="canvas-missing">{i18n.t(Key::CanvasNotFound)}</p>
            <p><a class="button" href=Route::Canvases(None).href()>{i18n.t(Key::BackToCanvases)}</a></p>
        }
        .into_any(),
        CanvasState::Template(None) => view! {
            <h1 id="page-title" tabindex="-1">{move || name.get()}</h1>
            <p class="notice notice-error">{i18n.t(Key::CanvasNoTemplate)}</p>
        }
        .into_any(),
        CanvasState::Template(Some(t)) => match content.canvas(&t) {
            Load::Loading => view! {
                <h1 id="page-title" tabindex="-1">{move || name.get()}</h1>
                <LoadingView/>
            }
            .into_any(),
            Load::Failed(e) => view! {
                <h1 id="page-title" tabindex="-1">{move || name.get()}</h1>
                <FileErrorView error=e/>
            }
            .into_any(),
            Load::Ready(c) => view! { <CanvasBody work=work.clone() template=Arc::new(c.value.clone()) name=name/> }.into_any(),
        },
    }
    };
    view! {
        <div data-page="canvas" class="page canvas-page">{body}</div>
    }
}

#[component]
fn CanvasBody(work: WorkRef, template: Arc<CanvasTemplate>, name: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let own_name = {
        let work = work.clone();
        move || {
            store.with_work(&work, |w| {
                w.and_then(|w| w.prop(PROP_NAME))
                    .unwrap_or_default()
                    .to_string()
            })
        }
    };
    let rename = {
        let work = work.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            store.update_work(&work, |p, now| p.set_prop(&work, PROP_NAME, &value, now));
        }
    };
    let template_title = template.title.clone();
    view! {
        <header class="canvas-header">
            <p><a href=Route::Canvases(None).href()>{i18n.tr(Key::BackToCanvases)}</a></p>
            <h1 id="page-title" tabindex="-1">{move || name.get()}</h1>
            <p class="muted">{move || i18n.f(Key::CanvasTemplateIs, &[("title", &i18n.text(&template_title))])}</p>
            <LevelBadges levels=template.levels.clone()/>
            <div class="field canvas-name">
                <label for="canvas-name">{i18n.tr(Key::CanvasName)}</label>
                <input id="canvas-name" type="text" autocomplete="off" maxlength="120"
                    prop:value=own_name on:input=rename/>
            </div>
        </header>
        <Board work=work step=CANVAS_STEP.to_string() template=template title=name/>
    }
}
