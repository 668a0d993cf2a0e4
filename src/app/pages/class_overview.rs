//! The class overview of one assignment: the teacher drops many hand-in files (or pastes
//! codes), sees a table of pupils × lessons with progress, every pupil's answer to one step
//! side by side, exports CSV and prints. Imported hand-ins stay on this device (saved as
//! documents of the work item `class:<assignment id>`) until the teacher erases them.

use crate::app::browser;
use crate::app::content::{use_content, Content, Load};
use crate::app::i18n::{tr, use_i18n, I18n};
use crate::app::import_panel::{read_codes, CodeFault, ImportPanel, ImportTexts};
use crate::app::pages::assignments::teacher_assignment;
use crate::app::steps::media::{MediaAudio, PhotoGallery};
use crate::app::store::use_store;
use crate::app::widgets::ConfirmButton;
use crate::core::content::{CanvasTemplate, Step};
use crate::core::i18n::{step_kind, Key};
use crate::core::media::backup::{MediaBlob, MediaTally};
use crate::core::media::Clip;
use crate::core::progress::answer::Doc;
use crate::core::progress::{Millis, RecordId, WorkKind, WorkRef};
use crate::core::recap::Recap;
use crate::core::route::Route;
use crate::core::teacher::assignment::Assignment;
use crate::core::teacher::board::board_steps;
use crate::core::teacher::class::{
    class_csv, class_rows, media_to_delete, plan_import, progress_text, step_answers,
    stored_handins, ExportItem, ImportPlan, Outcome, HANDINS_STEP,
};
use crate::core::teacher::handin::{
    read_handin, read_handin_code, read_handin_file, split_codes, HandIn, HandInError,
    MAX_HANDIN_BYTES, MAX_HANDIN_FILE_BYTES,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// Files dropped at once beyond this are reported and skipped (a class is ~30).
const MAX_FILES: usize = 200;

/// What an import reads: each file or code by name, read or refused.
type Incoming = Vec<(String, Result<HandIn, HandInError>)>;

#[component]
pub fn ClassOverviewPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let work = WorkRef::assignment(&id);
    let read_id = id.clone();
    let a = Memo::new(move |_| {
        store.with_work(&work, |w| {
            w.filter(|w| !w.is_deleted())
                .map(|w| teacher_assignment(&read_id, Some(w)))
        })
    });
    Effect::new(move |_| {
        let title = a.get().map(|a| a.title).unwrap_or_default();
        super::set_title(&format!("{} – {title}", i18n.t(Key::ClassOverviewTitle)));
    });
    // Steps (drill-down, CSV) and a challenge's task count need the files.
    Effect::new(move |_| {
        for item in a.get().map(|a| a.items).unwrap_or_default() {
            content.ensure_work_file(&item, None);
        }
    });
    view! {
        <div data-page="class-overview" class="page class-overview-page">
            <p class="no-print"><a href=Route::Teacher.href()>{tr(Key::BackToTeacher)}</a></p>
            {move || match a.get() {
                None => view! {
                    <h1 id="page-title" tabindex="-1">{tr(Key::ClassOverviewTitle)}</h1>
                    <p class="notice notice-warning" role="alert">{tr(Key::AssignmentGone)}</p>
                }.into_any(),
                Some(_) => view! { <Overview a=a/> }.into_any(),
            }}
        </div>
    }
}

/// The assignment is known to exist below this point.
#[component]
fn Overview(a: Memo<Option<Assignment>>) -> impl IntoView {
    let store = use_store();
    let assignment = move || a.get().unwrap_or_default();
    let class_ref = move || WorkRef::class(&assignment().id);
    // Every hand-in, read back through the one gate whenever the documents change.
    let handins = Memo::new(move |_| {
        let a = assignment();
        stored_handins(
            store.answer(&WorkRef::class(&a.id), HANDINS_STEP).as_ref(),
            &a,
        )
    });
    let report = RwSignal::new(None::<ImportPlan>);
    let import = move |incoming: Incoming, started: f64| {
        let kept: BTreeMap<RecordId, Millis> = crate::core::sort::to_map(
            handins
                .get_untracked()
                .iter()
                .map(|(k, h)| (k.clone(), h.handed_in_at)),
        );
        let plan = plan_import(&kept, incoming);
        let writes = plan
            .writes
            .iter()
            .map(|(k, h)| (k.clone(), Some(Doc(h.to_json()))))
            .collect();
        store.put_records::<Doc>(&class_ref(), HANDINS_STEP, writes);
        report.set(Some(plan));
        // Measured once the table has been rendered (effects run before this timeout).
        gloo_timers::callback::Timeout::new(0, move || {
            browser::perf_measure("spire:import", started)
        })
        .forget();
    };
    let title = move || {
        let a = assignment();
        if a.class.is_empty() {
            a.title
        } else {
            format!("{} · {}", a.class, a.title)
        }
    };
    view! {
        <h1 id="page-title" tabindex="-1">{tr(Key::ClassOverviewTitle)}": "{title}</h1>
        <p class="lead">{tr(Key::ClassOverviewIntro)}</p>
        <Import a=a import=Callback::new(move |(incoming, started)| import(incoming, started))/>
        <ImportReport report=report/>
        <ClassTable a=a handins=handins/>
        <DrillDown a=a handins=handins/>
        <Actions a=a handins=handins/>
    }
}

#[component]
fn Import(a: Memo<Option<Assignment>>, import: Callback<(Incoming, f64)>) -> impl IntoView {
    let i18n = use_i18n();
    let codes = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // What the hand-in files brought of photos and recordings, or why they were not kept.
    let media_note = RwSignal::new(None::<(bool, String)>);
    let take_files = move |files: web_sys::FileList, started: f64| {
        let Some(assignment) = a.get_untracked() else {
            return;
        };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        busy.set(true);
        spawn_local(async move {
            // Files too many or too large are refused unread.
            type Numbered = Vec<(usize, web_sys::File)>;
            let (wanted, refused): (Numbered, Numbered) = files
                .into_iter()
                .enumerate()
                .partition(|(n, f)| *n < MAX_FILES && f.size() <= MAX_HANDIN_FILE_BYTES as f64);
            let to_read: Vec<web_sys::File> = wanted.iter().map(|(_, f)| f.clone()).collect();
            let read = browser::read_files(&to_read).await;
            let mut media: Vec<MediaBlob> = Vec::new();
            let mut clips: Vec<Clip> = Vec::new();
            let mut incoming: Vec<(usize, String, Result<HandIn, HandInError>)> = wanted
                .into_iter()
                .zip(read)
                .map(|((n, file), bytes)| {
                    let result = match bytes {
                        Ok(bytes) => read_handin_file(&bytes, &assignment).map(|f| {
                            let referred = f.handin.clips();
                            clips.extend(
                                referred
                                    .into_iter()
                                    .filter(|c| f.media.iter().any(|b| b.id == c.id)),
                            );
                            media.extend(f.media);
                            f.handin
                        }),
                        Err(_) => Err(HandInError::NotText),
                    };
                    (n, file.name(), result)
                })
                .chain(
                    refused
                        .into_iter()
                        .map(|(n, f)| (n, f.name(), Err(HandInError::TooLarge))),
                )
                .collect();
            // Reported in the order the files were given.
            crate::core::teacher::sort_small_by(&mut incoming, |a, b| a.0.cmp(&b.0));
            let incoming = incoming.into_iter().map(|(_, name, r)| (name, r)).collect();
            // The photos and recordings go to this device's media before the hand-ins that
            // refer to them are kept; a blob already here is never overwritten.
            if media.is_empty() {
                media_note.set(None);
            } else {
                let words = MediaTally::of(&clips).words(i18n.lang());
                media_note.set(Some(
                    match crate::app::media_io::write_missing(&media).await {
                        Ok(()) => (true, i18n.f(Key::HandInMediaKept, &[("media", &words)])),
                        Err(crate::app::media_io::MediaError::Full) => {
                            (false, i18n.t(Key::MediaFull).to_string())
                        }
                        Err(e) => (
                            false,
                            i18n.f(Key::HandInMediaFailed, &[("reason", &format!("{e:?}"))]),
                        ),
                    },
                ));
            }
            busy.set(false);
            import.run((incoming, started));
        });
    };
    let on_files = move |files: web_sys::FileList| take_files(files, browser::perf_now());
    let take_codes = move |()| {
        let Some(assignment) = a.get_untracked() else {
            return;
        };
        let started = browser::perf_now();
        let text = codes.get_untracked();
        let found = split_codes(&text);
        let label = i18n.t(Key::CodeSource);
        busy.set(true);
        spawn_local(async move {
            let incoming = read_codes(
                &text,
                found,
                label,
                MAX_HANDIN_BYTES,
                read_handin_code,
                |bytes| read_handin(bytes, &assignment),
                |fault| match fault {
                    CodeFault::Damaged => HandInError::CodeDamaged,
                    CodeFault::CannotInflate => HandInError::CodeUnpack,
                },
            )
            .await;
            busy.set(false);
            codes.set(String::new());
            import.run((incoming, started));
        });
    };
    let texts = ImportTexts {
        title: Key::ImportTitle,
        intro: Key::ImportIntro,
        paste: Key::PasteCodes,
        import_codes: Key::ImportCodes,
    };
    view! {
        <ImportPanel prefix="hand-in" texts=texts busy=busy codes=codes
            on_files=Callback::new(on_files) on_codes=Callback::new(take_codes)>
            {move || media_note.get().map(|(ok, text)| view! {
                <p id="hand-in-media" class=if ok { "notice notice-success" } else { "notice notice-error" } role=if ok { "status" } else { "alert" }>{text}</p>
            })}
        </ImportPanel>
    }
}

fn error_text(i18n: I18n, e: &HandInError) -> String {
    match e {
        HandInError::TooLarge => i18n.t(Key::HandInTooLarge).to_string(),
        HandInError::NotText | HandInError::NotJson { .. } | HandInError::NotAHandIn => {
            i18n.t(Key::HandInNotHandIn).to_string()
        }
        HandInError::TooDeep | HandInError::HugeText | HandInError::BadField(_) => {
            i18n.t(Key::HandInBroken).to_string()
        }
        HandInError::FromNewerApp(_) | HandInError::CodeFromNewerApp(_) => {
            i18n.t(Key::HandInNewer).to_string()
        }
        HandInError::NoPupil => i18n.t(Key::HandInNoName).to_string(),
        HandInError::OtherAssignment { class, title } => i18n.f(
            Key::HandInOtherAssignment,
            &[("assignment", format!("{class} {title}").trim())],
        ),
        HandInError::CodeTruncated => i18n.t(Key::CodeTruncated).to_string(),
        HandInError::Truncated => i18n.t(Key::HandInTruncated).to_string(),
        HandInError::CodeDamaged | HandInError::CodeUnpack => i18n.t(Key::CodeDamaged).to_string(),
    }
}

/// What the last import did, announced politely to screen readers.
#[component]
fn ImportReport(report: RwSignal<Option<ImportPlan>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div id="import-report" class="import-report" role="status" aria-live="polite">
            {move || report.get().map(|plan| {
                let (added, replaced, skipped) = plan.counts();
                let summary = i18n.f(Key::ImportSummary, &[
                    ("added", &added.to_string()),
                    ("replaced", &replaced.to_string()),
                    ("skipped", &skipped.to_string()),
                ]);
                view! {
                    <p class="import-summary" data-added=added data-replaced=replaced data-skipped=skipped>{summary}</p>
                    <ul class="import-entries">
                        {plan.entries.into_iter().map(|e| {
                            let (kind, what) = match &e.outcome {
                                Outcome::Added => ("added", i18n.t(Key::OutcomeAdded).to_string()),
                                Outcome::Replaced => ("replaced", i18n.t(Key::OutcomeReplaced).to_string()),
                                Outcome::Duplicate => ("duplicate", i18n.t(Key::OutcomeDuplicate).to_string()),
                                Outcome::Older => ("older", i18n.t(Key::OutcomeOlder).to_string()),
                                Outcome::Rejected(err) => ("rejected", error_text(i18n, err)),
                            };
                            let who = e.pupil.map(|p| format!(" ({p})")).unwrap_or_default();
                            let dropped = (e.dropped > 0).then(|| i18n.f(Key::OutcomePartly, &[("n", &e.dropped.to_string())]));
                            view! {
                                <li data-outcome=kind>
                                    <span class="source">{e.source}</span>{who}": "{what}
                                    {dropped.map(|d| format!(" {d}"))}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
        </div>
    }
}

fn item_title(content: Content, i18n: I18n, item: &WorkRef) -> String {
    content
        .item_title(item)
        .map(|t| i18n.text(&t))
        .unwrap_or_else(|| item.id.clone())
}

#[component]
fn ClassTable(
    a: Memo<Option<Assignment>>,
    handins: Memo<Vec<(RecordId, HandIn)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let items = Memo::new(move |_| a.get().map(|a| a.items).unwrap_or_default());
    let rows = Memo::new(move |_| {
        let items = items.get();
        class_rows(&items, &handins.get(), &|item| content.item_tasks(item))
    });
    let has_rows = Memo::new(move |_| !rows.get().is_empty());
    let remove = move |key: RecordId| {
        if let Some(a) = a.get_untracked() {
            store.put_record::<Doc>(&WorkRef::class(&a.id), HANDINS_STEP, key, None);
        }
    };
    view! {
        <section class="class-table-section" aria-labelledby="table-title">
            <h2 id="table-title">{move || i18n.f(Key::HandInsCount, &[("n", &rows.get().len().to_string())])}</h2>
            {move || if !has_rows.get() {
                view! { <p class="empty" id="no-hand-ins">{tr(Key::NoHandIns)}</p> }.into_any()
            } else { view! {
                <div class="table-scroll">
                    <table class="class-table" id="class-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Key::ClassPupil)}</th>
                                <th scope="col">{tr(Key::ClassHandedIn)}</th>
                                {move || items.get().into_iter().map(|item| {
                                    let key = item.key();
                                    view! { <th scope="col" data-item=key>{move || item_title(content, i18n, &item)}</th> }
                                }).collect_view()}
                                <th scope="col" class="no-print"><span class="visually-hidden">{tr(Key::Remove)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| (r.key.clone(), r.handed_in_at, r.cells.clone()) let:row>
                                {
                                    let key = row.key.clone();
                                    let pupil = row.pupil.clone();
                                    let (label, name) = (pupil.clone(), pupil.clone());
                                    view! {
                                        <tr data-pupil=pupil>
                                            <th scope="row">{name}</th>
                                            <td>{move || browser::format_time(row.handed_in_at, i18n.lang())}</td>
                                            {row.cells.iter().map(|c| {
                                                let c = *c;
                                                let status = if c.done { "done" } else if c.answered > 0 { "in-progress" } else { "not-started" };
                                                view! { <td class="progress-cell" data-status=status>{move || progress_text(&c, i18n.lang())}</td> }
                                            }).collect_view()}
                                            <td class="no-print">
                                                <button type="button" class="remove-hand-in"
                                                    aria-label=move || i18n.f(Key::RemoveHandIn, &[("pupil", &label)])
                                                    on:click=move |_| remove(key.clone())>"✕"</button>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            }.into_any() }}
        </section>
    }
}

fn parts_view(parts: Vec<(String, String)>) -> AnyView {
    view! {
        <dl>{parts.into_iter().map(|(l, v)| view! { <dt>{l}</dt><dd>{v}</dd> }).collect_view()}</dl>
    }
    .into_any()
}

/// A recap rendered as text nodes only (hand-ins may hold anything). Photos the hand-in
/// file brought along are shown from this device's media, named after `question`.
fn recap_view(r: Recap, question: String) -> AnyView {
    match r {
        Recap::Text(t) => view! { <p class="answer-text">{t}</p> }.into_any(),
        Recap::Media { summary, text, photos, recordings } => view! {
            <p class="answer-media muted">{summary}</p>
            {(!text.is_empty()).then(|| view! { <p class="answer-text">{text}</p> })}
            {(!photos.is_empty()).then(|| view! { <PhotoGallery photos=photos question=question/> })}
            {recordings.into_iter().map(|clip| view! { <MediaAudio clip=clip/> }).collect_view()}
        }
        .into_any(),
        Recap::List(items) => view! {
            <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Recap::Labelled(parts) => parts_view(parts),
        Recap::Notes { parts, photos, .. } => view! {
            {(!parts.is_empty()).then(|| parts_view(parts))}
            <PhotoGallery photos=photos question=question/>
        }
        .into_any(),
        Recap::Empty => view! { <p class="muted">{tr(Key::NoAnswer)}</p> }.into_any(),
    }
}

/// The loaded canvas templates the steps of `steps` use (tracked; starts loading the rest).
fn canvases(content: Content, steps: &[Step]) -> BTreeMap<String, CanvasTemplate> {
    let mut out = BTreeMap::new();
    for step in steps {
        if let Step::Canvas(c) = step {
            content.ensure_canvas(c.canvas.as_str());
            if let Load::Ready(t) = content.canvas(c.canvas.as_str()) {
                out.insert(c.canvas.to_string(), t.value.clone());
            }
        }
    }
    out
}

/// Every pupil's answer to the same step, side by side.
#[component]
fn DrillDown(a: Memo<Option<Assignment>>, handins: Memo<Vec<(RecordId, HandIn)>>) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let items = Memo::new(move |_| a.get().map(|a| a.items).unwrap_or_default());
    let chosen_item = RwSignal::new(0usize);
    let chosen_step = RwSignal::new(None::<String>);
    let item = Memo::new(move |_| items.get().get(chosen_item.get()).cloned());
    let steps = Memo::new(move |_| {
        item.get()
            .and_then(|i| content.item_steps(&i))
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .filter(|(_, s)| !matches!(s, Step::Read(_)))
            .collect::<Vec<_>>()
    });
    let step_id = Memo::new(move |_| {
        let steps = steps.get();
        chosen_step
            .get()
            .filter(|c| steps.iter().any(|(_, s)| s.id().as_str() == c))
            .or_else(|| steps.first().map(|(_, s)| s.id().to_string()))
    });
    let answers = Memo::new(move |_| {
        let (Some(item), Some(step)) = (item.get(), step_id.get()) else {
            return vec![];
        };
        let all = content.item_steps(&item).unwrap_or_default();
        let templates = canvases(content, &all);
        step_answers(&all, &step, &item, &handins.get(), &templates, i18n.lang())
    });
    let step_label = move |n: usize, s: &Step| {
        s.label().map(|l| i18n.text(l)).unwrap_or_else(|| {
            let kind = i18n.t(step_kind(s.type_name()));
            i18n.f(
                Key::StepNumber,
                &[("n", &(n + 1).to_string()), ("kind", kind)],
            )
        })
    };
    view! {
        <section class="drill-down" id="drill-down" aria-labelledby="drill-title">
            <h2 id="drill-title">{tr(Key::SideBySide)}</h2>
            <div class="filters no-print">
                <div class="field">
                    <label for="drill-item">{tr(Key::AssignmentItems)}</label>
                    <select id="drill-item" on:change=move |ev| {
                        chosen_item.set(event_target_value(&ev).parse().unwrap_or(0));
                        chosen_step.set(None);
                    }>
                        {move || items.get().into_iter().enumerate().map(|(n, item)| view! {
                            <option value=n.to_string() selected=move || chosen_item.get() == n>{move || item_title(content, i18n, &item)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="drill-step">{tr(Key::LessonSteps)}</label>
                    <select id="drill-step" on:change=move |ev| chosen_step.set(Some(event_target_value(&ev)))>
                        {move || steps.get().into_iter().map(|(n, s)| {
                            let id = s.id().to_string();
                            let selected = step_id.get().as_deref() == Some(id.as_str());
                            view! { <option value=id selected=selected>{step_label(n, &s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {move || steps.get().is_empty().then(|| view! { <p class="muted">{tr(Key::Loading)}</p> })}
            <ul class="answers-side-by-side" id="answers-side-by-side" data-step=move || step_id.get().unwrap_or_default()>
                {move || answers.get().into_iter().map(|(pupil, r)| {
                    let name = pupil.clone();
                    let question = step_id.with(|id| {
                        steps.with(|steps| {
                            steps
                                .iter()
                                .find(|(_, s)| Some(s.id().as_str()) == id.as_deref())
                                .map(|(n, s)| step_label(*n, s))
                                .unwrap_or_default()
                        })
                    });
                    view! {
                        <li class="card answer-card" data-pupil=pupil>
                            <h3>{name}</h3>
                            {recap_view(r, question)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Actions(a: Memo<Option<Assignment>>, handins: Memo<Vec<(RecordId, HandIn)>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let export = move |_| {
        let Some(a) = a.get_untracked() else { return };
        let lang = i18n.lang();
        let (items, templates) = untrack(|| {
            let items: Vec<ExportItem> = a
                .items
                .iter()
                .map(|item| ExportItem {
                    item: item.clone(),
                    title: item_title(content, i18n, item),
                    steps: content.item_steps(item),
                })
                .collect();
            let all: Vec<Step> = items
                .iter()
                .flat_map(|i| i.steps.clone().unwrap_or_default())
                .collect();
            (items, canvases(content, &all))
        });
        let text = class_csv(&items, &handins.get_untracked(), &templates, lang, &|t| {
            browser::format_time(t, lang)
        });
        let name =
            crate::core::teacher::handin::handin_file_name(i18n.t(Key::ClassFilePrefix), &a, "");
        browser::download(
            &name.replace(".json", ".csv"),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    let erase = Callback::new(move |_: ()| {
        if let Some(a) = a.get_untracked() {
            let erased = handins.get_untracked();
            let keys = erased.iter().map(|(k, _)| (k.clone(), None)).collect();
            store.put_records::<Doc>(&WorkRef::class(&a.id), HANDINS_STEP, keys);
            // Their photos and recordings go too, unless something kept refers to them.
            let erased: Vec<HandIn> = erased.into_iter().map(|(_, h)| h).collect();
            let gone = store.with(|p| media_to_delete(p, &erased));
            spawn_local(async move {
                for id in gone {
                    crate::app::media_io::delete(&id).await;
                }
            });
        }
    });
    // Lessons of the assignment with a brainstorm the class can do on the board.
    let boards = Memo::new(move |_| {
        a.get()
            .map(|a| a.items)
            .unwrap_or_default()
            .into_iter()
            .filter(|i| i.kind == WorkKind::Lesson)
            .filter(|i| {
                content
                    .lesson(&i.id)
                    .ready()
                    .is_some_and(|l| !board_steps(&l.value.steps).is_empty())
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="class-actions no-print" aria-labelledby="actions-title">
            <h2 id="actions-title" class="visually-hidden">{tr(Key::Actions)}</h2>
            <p class="actions">
                <button type="button" class="primary" id="export-csv" on:click=export>{tr(Key::ExportCsv)}</button>
                <button type="button" id="print-overview" on:click=|_| browser::print()>{tr(Key::Print)}</button>
                {move || boards.get().into_iter().map(|item| {
                        let href = Route::Board { lesson: item.id.clone(), step: None }.href();
                        view! {
                            <a class="button board-link" href=href>
                                {move || i18n.f(Key::BoardFor, &[("lesson", &item_title(content, i18n, &item))])}
                            </a>
                        }
                    }).collect_view()}
            </p>
            <h3>{tr(Key::EraseHandInsTitle)}</h3>
            <p>{tr(Key::EraseHandInsIntro)}</p>
            <ConfirmButton id="erase-hand-ins" label=Key::EraseHandIns confirm=Key::EraseHandInsConfirm on_confirm=erase/>
        </section>
    }
}
