//! My work: everything started, the pupil's name, backup download and restore, data kept
//! aside, storage status, and erasing everything.

use crate::app::browser;
use crate::app::content::use_content;
use crate::app::i18n::use_i18n;
use crate::app::shell::download_backup;
use crate::app::store::use_store;
use crate::core::board::CANVAS_STEP;
use crate::core::i18n::Key;
use crate::core::progress::backup::{read_backup, BackupPreview, ImportError, MAX_BACKUP_BYTES};
use crate::core::progress::{Answer, WorkKind, WorkRef};
use crate::core::role_models::Visitor;
use crate::core::teacher::assignment::PROP_TITLE;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn MyWorkPage() -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| super::set_title(i18n.t(Key::MyWorkTitle)));
    view! {
        <div data-page="my-work" class="page my-work-page">
            <h1 id="page-title" tabindex="-1">{i18n.tr(Key::MyWorkTitle)}</h1>
            <p class="lead">{i18n.tr(Key::MyWorkIntro)}</p>
            <NameField/>
            <WorkList/>
            <Backup/>
            <KeptAsideList/>
            <StorageInfo/>
            <Erase/>
        </div>
    }
}

#[component]
fn NameField() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let node = NodeRef::<leptos::html::Input>::new();
    crate::app::widgets::sync_value(node, move || store.with_settings(|s| s.name.clone()));
    view! {
        <div class="field name-field">
            <label for="pupil-name">{i18n.tr(Key::YourName)}</label>
            <input id="pupil-name" type="text" autocomplete="off" maxlength="80" node_ref=node
                on:input=move |ev| store.set_name(&event_target_value(&ev))/>
        </div>
    }
}

#[component]
fn WorkList() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let items = Memo::new(move |_| {
        store.with_list(|p| {
            let mut list: Vec<(WorkRef, i64)> =
                p.live_work().map(|(r, w)| (r, w.updated)).collect();
            crate::core::sort::sort_by_key(&mut list, |(_, updated)| std::cmp::Reverse(*updated));
            list
        })
    });
    Effect::new(move |_| {
        for (r, _) in items.get() {
            store.with_work(&r, |w| content.ensure_work_file(&r, w));
        }
    });
    view! {
        <section aria-labelledby="work-title">
            <h2 id="work-title">{i18n.tr(Key::MyWorkStarted)}</h2>
            <Show when=move || items.get().is_empty()>
                <p class="empty">{i18n.tr(Key::MyWorkEmpty)}</p>
            </Show>
            <ul class="work-list">
                <For each=move || items.get() key=|(r, updated)| (r.key(), *updated) let:item>
                    <WorkItem work=item.0 updated=item.1/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn WorkItem(work: WorkRef, updated: i64) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let at_step = store.with(|p| p.work(&work).and_then(|w| w.at_step.clone()));
    let href = work.route(at_step).href();
    let title_work = work.clone();
    let title = move || {
        let content_title = store
            .with_work(&title_work, |w| content.work_title(&title_work, w))
            .map(|t| i18n.text(&t));
        // Assignments carry their own title; a class overview is named by its assignment's.
        let own_title = |r: &WorkRef| {
            store
                .with_work(r, |w| w.and_then(|w| w.prop(PROP_TITLE)).map(String::from))
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| i18n.t(Key::Untitled).to_string())
        };
        match title_work.kind {
            WorkKind::Assignment | WorkKind::Assigned => own_title(&title_work),
            WorkKind::Class => format!(
                "{}: {}",
                i18n.t(Key::ClassOverviewTitle),
                own_title(&WorkRef::assignment(&title_work.id))
            ),
            WorkKind::Board => format!(
                "{}: {}",
                i18n.t(Key::BoardTitle),
                content_title.unwrap_or_else(|| title_work.id.clone())
            ),
            WorkKind::Interview => i18n.f(
                Key::InterviewWith,
                &[(
                    "name",
                    &content_title.unwrap_or_else(|| title_work.id.clone()),
                )],
            ),
            // A visitor is named by its own props.
            WorkKind::Visitor => store
                .with_work(&title_work, |w| w.and_then(Visitor::from_work))
                .map(|v| i18n.f(Key::VisitorWith, &[("name", &v.name)]))
                .unwrap_or_else(|| i18n.t(Key::VisitorMissingTitle).to_string()),
            WorkKind::Profile => i18n.t(Key::MyProfileTitle).to_string(),
            WorkKind::Event => i18n.t(Key::OrganiserTitle).to_string(),
            _ => content_title.unwrap_or_else(|| title_work.id.clone()),
        }
    };
    let status_work = work.clone();
    let status = move || {
        let (done, answered) = store.with_work(&status_work, |w| {
            w.map(|w| (w.completed.is_some(), w.answered_steps()))
                .unwrap_or((false, 0))
        });
        if status_work.kind == WorkKind::Canvas {
            // A free-standing canvas has one "step", its notes: count those instead.
            let notes = match store.answer(&status_work, CANVAS_STEP) {
                Some(Answer::Canvas { notes }) => notes.live_count(),
                _ => 0,
            };
            i18n.f(Key::NotesCount, &[("n", &notes.to_string())])
        } else if done {
            i18n.t(Key::StatusDone).to_string()
        } else {
            i18n.f(Key::AnswersCount, &[("n", &answered.to_string())])
        }
    };
    view! {
        <li class="card work-item" data-work=work.key()>
            <h3><a href=href>{title}</a></h3>
            <p class="status">{status}</p>
            <p class="muted">{move || i18n.f(Key::LastEdited, &[("time", &browser::format_time(updated, i18n.lang()))])}</p>
        </li>
    }
}

#[derive(Clone)]
enum RestoreState {
    Idle,
    Error(ImportError),
    Preview(Box<BackupPreview>),
    ConfirmReplace(Box<BackupPreview>),
    Done,
}

#[component]
fn Backup() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let state = RwSignal::new(RestoreState::Idle);
    let dragging = RwSignal::new(false);
    let take_file = move |file: web_sys::File| {
        if file.size() > MAX_BACKUP_BYTES as f64 {
            state.set(RestoreState::Error(ImportError::TooLarge {
                bytes: file.size() as usize,
            }));
            return;
        }
        spawn_local(async move {
            let next = match browser::read_file(&file).await {
                Ok(bytes) => {
                    let local = store.snapshot();
                    match read_backup(&bytes, &local) {
                        Ok(p) => RestoreState::Preview(Box::new(p)),
                        Err(e) => RestoreState::Error(e),
                    }
                }
                Err(_) => RestoreState::Error(ImportError::NotText),
            };
            state.set(next);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    // Photos and recordings go into the media database first, so the restored work never
    // refers to media that is not there; if that fails (storage full), the work is still
    // restored and the message says what is missing.
    let media_problem = RwSignal::new(None::<String>);
    let restore_media = move |preview: &BackupPreview, then: Box<dyn FnOnce()>| {
        let media = preview.media.clone();
        spawn_local(async move {
            let problem = match crate::app::media_io::write_missing(&media).await {
                Ok(()) => None,
                Err(crate::app::media_io::MediaError::Full) => {
                    Some(i18n.t(Key::MediaFull).to_string())
                }
                Err(e) => Some(format!("{e:?}")),
            };
            media_problem.set(problem.map(|r| i18n.f(Key::RestoreMediaFailed, &[("reason", &r)])));
            then();
            state.set(RestoreState::Done);
        });
    };
    let apply_merge = move |preview: &BackupPreview| {
        let progress = preview.progress.clone();
        restore_media(preview, Box::new(move || store.merge_in(&progress)));
    };
    let apply_replace = move |preview: &BackupPreview| {
        let progress = preview.progress.clone();
        restore_media(preview, Box::new(move || store.replace(progress)));
    };
    let panel = move || {
        match state.get() {
        RestoreState::Idle => ().into_any(),
        RestoreState::Done => view! {
            <p class="notice notice-success" role="status" id="restore-done">{i18n.t(Key::RestoreDone)}</p>
            {media_problem.get().map(|m| view! { <p class="notice notice-error" role="alert" id="restore-media-error">{m}</p> })}
        }.into_any(),
        RestoreState::Error(e) => view! { <p class="notice notice-error" role="alert" id="restore-error">{e.message(i18n.lang())}</p> }.into_any(),
        RestoreState::Preview(p) | RestoreState::ConfirmReplace(p) => {
            let confirming = matches!(state.get_untracked(), RestoreState::ConfirmReplace(_));
            let loses = p.comparison.local_newer + p.comparison.only_local;
            let (pm, pr, pc) = (p.clone(), p.clone(), p.clone());
            view! {
                <div class="notice notice-info restore-preview" id="restore-preview" role="region" aria-label=i18n.t(Key::RestoreBackup)>
                    <p>{i18n.f(Key::RestorePreview, &[("items", &p.work_items.to_string()), ("answers", &p.answers.to_string())])}</p>
                    {p.exported_at.map(|t| view! { <p>{i18n.f(Key::RestoreExported, &[("time", &browser::format_time(t, i18n.lang()))])}</p> })}
                    <p id="restore-age">{i18n.t(if p.older_than_local { Key::RestoreOlder } else { Key::RestoreNewer })}</p>
                    {(!p.dropped.is_empty()).then(|| view! { <p>{i18n.f(Key::RestoreDropped, &[("items", &p.dropped.join(", "))])}</p> })}
                    {(loses > 0).then(|| view! { <p class="warning" id="restore-loses"><strong>{i18n.f(Key::RestoreLoses, &[("n", &loses.to_string())])}</strong></p> })}
                    <p class="muted">{i18n.t(Key::RestoreMergeHelp)}</p>
                    <p class="actions">
                        <button type="button" class="primary" id="restore-merge" on:click=move |_| apply_merge(&pm)>{i18n.t(Key::RestoreMerge)}</button>
                        {if confirming {
                            view! { <button type="button" class="danger" id="restore-replace-confirm" on:click=move |_| apply_replace(&pr)>{i18n.t(Key::RestoreReplaceConfirm)}</button> }.into_any()
                        } else {
                            view! { <button type="button" id="restore-replace" on:click=move |_| {
                                if pc.comparison.replace_loses_work() {
                                    state.set(RestoreState::ConfirmReplace(pc.clone()));
                                    browser::focus_id("restore-replace-confirm");
                                } else {
                                    apply_replace(&pc);
                                }
                            }>{i18n.t(Key::RestoreReplace)}</button> }.into_any()
                        }}
                        <button type="button" id="restore-cancel" on:click=move |_| state.set(RestoreState::Idle)>{i18n.t(Key::Cancel)}</button>
                    </p>
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <section aria-labelledby="backup-title" class="backup">
            <h2 id="backup-title">{i18n.tr(Key::BackupTitle)}</h2>
            <p>{i18n.tr(Key::BackupIntro)}</p>
            <p><button type="button" class="primary" id="download-backup" on:click=move |_| download_backup()>{i18n.tr(Key::DownloadBackup)}</button></p>
            <h3>{i18n.tr(Key::RestoreBackup)}</h3>
            <div id="restore-drop" class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label for="restore-file" class="button">{i18n.tr(Key::ChooseFile)}</label>
                <input id="restore-file" class="visually-hidden-input" type="file" accept=".json,application/json" on:change=on_pick/>
                <span class="muted">{i18n.tr(Key::DropHere)}</span>
            </div>
            {panel}
        </section>
    }
}

#[component]
fn KeptAsideList() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    view! {
        <Show when=move || !store.kept_aside.get().is_empty()>
            <section aria-labelledby="kept-title" class="kept-aside">
                <h2 id="kept-title">{i18n.tr(Key::KeptAsideList)}</h2>
                <ul>
                    <For each=move || store.kept_aside.get() key=|k| k.key.clone() let:item>
                        {
                            let (download_key, delete_key) = (item.key.clone(), item.key.clone());
                            view! {
                                <li class="kept-item">
                                    <span>{move || i18n.f(Key::KeptAsideItem, &[("time", &browser::format_time(item.at, i18n.lang()))])}</span>
                                    <button type="button" class="download-kept" on:click=move |_| {
                                        if let Ok(Some(raw)) = browser::storage_get(&download_key) {
                                            browser::download(&format!("spire-kept-aside-{}.json", item.at), "application/json", &raw);
                                        }
                                    }>{i18n.tr(Key::Download)}</button>
                                    <button type="button" class="delete-kept" on:click=move |_| store.remove_kept_aside(&delete_key)>{i18n.tr(Key::Delete)}</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}

fn human_bytes(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 * 1024.0 {
        format!("{:.1} GB", bytes / (1024.0 * 1024.0 * 1024.0))
    } else if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KB", (bytes / 1024.0).ceil())
    }
}

#[component]
fn StorageInfo() -> impl IntoView {
    let i18n = use_i18n();
    let persisted = RwSignal::new(None::<bool>);
    let estimate = RwSignal::new(None::<(f64, f64)>);
    spawn_local(async move {
        persisted.set(browser::persist_storage().await);
        estimate.set(browser::storage_estimate().await);
    });
    view! {
        <section aria-labelledby="storage-title" class="storage-info" id="storage-info">
            <h2 id="storage-title">{i18n.tr(Key::StorageTitle)}</h2>
            <p id="storage-persisted" data-persisted=move || persisted.get().map(|p| p.to_string())>
                {move || i18n.t(if persisted.get() == Some(true) { Key::StoragePersisted } else { Key::StorageNotPersisted })}
            </p>
            <p id="storage-usage">{move || match estimate.get() {
                Some((used, quota)) => i18n.f(Key::StorageUsage, &[("used", &human_bytes(used)), ("quota", &human_bytes(quota))]),
                None => i18n.t(Key::StorageUnknown).to_string(),
            }}</p>
        </section>
    }
}

#[component]
fn Erase() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(false);
    view! {
        <section aria-labelledby="erase-title" class="erase">
            <h2 id="erase-title">{i18n.tr(Key::EraseTitle)}</h2>
            <p>{i18n.tr(Key::EraseIntro)}</p>
            <Show when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="danger" id="erase" on:click=move |_| {
                        done.set(false);
                        confirming.set(true);
                        browser::focus_id("erase-confirm");
                    }>{i18n.tr(Key::EraseButton)}</button>
                }>
                <p class="actions">
                    <button type="button" class="danger" id="erase-confirm" on:click=move |_| {
                        store.erase_all();
                        // Everything means the copies kept aside too.
                        for kept in store.kept_aside.get_untracked() {
                            store.remove_kept_aside(&kept.key);
                        }
                        store.notice.set(None);
                        confirming.set(false);
                        done.set(true);
                    }>{i18n.tr(Key::EraseConfirm)}</button>
                    <button type="button" id="erase-cancel" on:click=move |_| confirming.set(false)>{i18n.tr(Key::Cancel)}</button>
                </p>
            </Show>
            <Show when=move || done.get()>
                <p class="notice notice-success" role="status" id="erase-done">{i18n.tr(Key::EraseDone)}</p>
            </Show>
        </section>
    }
}
