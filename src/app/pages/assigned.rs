//! The pupil's side of assignments: opening a link (`#/a/<code>`), the assignment with its
//! lessons and progress, handing in (a file or a code), and "My assignments" on Home.
//! A link that cannot be read says why and changes nothing.

use crate::app::browser;
use crate::app::content::use_content;
use crate::app::i18n::{tr, use_i18n};
use crate::app::router::use_router;
use crate::app::store::{use_store, Store, APP_VERSION};
use crate::app::widgets::ConfirmButton;
use crate::core::i18n::Key;
use crate::core::media::clip::size_text;
use crate::core::progress::{Work, WorkKind, WorkRef};
use crate::core::route::Route;
use crate::core::teacher::assignment::{
    item_progress, total_progress, Assignment, ItemProgress, LinkError, PROP_CREATED,
    PROP_HANDED_IN,
};
use crate::core::teacher::date::{format_date, is_overdue};
use crate::core::teacher::handin::{handin_code, handin_file_name, HandIn, MAX_PUPIL_CHARS};
use crate::core::teacher::sort_small_by;
use crate::core::text::Lang;
use leptos::prelude::*;

fn live(work: Option<&Work>) -> Option<&Work> {
    work.filter(|w| !w.is_deleted())
}

fn handed_in(work: Option<&Work>) -> Option<i64> {
    work.and_then(|w| w.prop(PROP_HANDED_IN))
        .and_then(|t| t.parse().ok())
}

/// The pupil's name field: a first name or class number, kept on this device.
#[component]
fn PupilName() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="field name-field">
            <label for="pupil-name">{tr(Key::PupilNameLabel)}</label>
            <input id="pupil-name" type="text" autocomplete="off" maxlength=MAX_PUPIL_CHARS.to_string()
                aria-describedby="pupil-name-help"
                prop:value=move || store.with_settings(|s| s.name.clone())
                on:input=move |ev| store.set_name(&event_target_value(&ev))/>
            <p class="muted" id="pupil-name-help">{tr(Key::PupilNameHelp)}</p>
        </div>
    }
}

fn pupil_name(store: Store) -> String {
    store.with(|p| p.settings.name.trim().to_string())
}

/// Due date and, when it has passed without a hand-in, "overdue".
#[component]
fn DueLine(a: Assignment, handed_in: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    a.due.map(|due| {
        let overdue = is_overdue(due, browser::today(), handed_in.is_some());
        view! {
            <p class="due" class:overdue=overdue data-overdue=overdue.to_string()>
                {move || i18n.f(Key::DueOn, &[("date", &format_date(due, i18n.lang()))])}
                {overdue.then(|| view! { " " <strong class="badge badge-overdue">{tr(Key::Overdue)}</strong> })}
            </p>
        }
    })
}

/// What opening an assignment link shows.
#[component]
pub fn AssignmentLinkPage(code: String) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| super::set_title(i18n.t(Key::AssignmentFromTeacher)));
    let body = match Assignment::from_code(&code) {
        Err(e) => {
            let (key, kind) = match e {
                LinkError::Truncated => (Key::LinkTruncated, "truncated"),
                LinkError::Damaged => (Key::LinkDamaged, "damaged"),
                LinkError::NewerVersion(_) => (Key::LinkNewer, "newer"),
            };
            view! {
                <h1 id="page-title" tabindex="-1">{tr(Key::LinkProblemTitle)}</h1>
                <p class="notice notice-error" role="alert" id="link-error" data-error=kind>{move || i18n.t(key)}</p>
                <p>{tr(Key::LinkProblemHelp)}</p>
                <p><a class="button" href=Route::Home.href()>{tr(Key::GoHome)}</a></p>
            }
            .into_any()
        }
        Ok(a) => view! { <ReceivedAssignment a=a/> }.into_any(),
    };
    view! { <div data-page="assignment-link" class="page assignment-link-page">{body}</div> }
}

#[component]
fn ReceivedAssignment(a: Assignment) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let content = use_content();
    let r = a.pupil_ref();
    let had = store.with(|p| live(p.work(&r)).is_some());
    let missing_name = RwSignal::new(false);
    for item in &a.items {
        content.ensure_work_file(item, None);
    }
    let accept_a = a.clone();
    let accept = move |_| {
        if pupil_name(store).is_empty() {
            missing_name.set(true);
            browser::focus_id("pupil-name");
            return;
        }
        let a = &accept_a;
        let r = a.pupil_ref();
        let (exists, deleted, rev) = store.with(|p| {
            let w = p.work(&r);
            (
                w.is_some(),
                w.is_some_and(Work::is_deleted),
                Assignment::from_work(&a.id, w).rev,
            )
        });
        if deleted {
            store.restore_work(&r);
        }
        // The same link again changes nothing; a newer one (the teacher edited it) updates.
        if !exists || deleted || a.rev > rev {
            store.set_props(&r, &a.props());
        }
        router.push(Route::Assigned { id: a.id.clone() });
    };
    // A teacher on another device (home, the school's laptop) gets the assignment onto
    // the Teacher page from its own link, to import hand-ins there.
    let teacher_a = a.clone();
    let take_as_teacher = move |_| {
        let r = teacher_a.teacher_ref();
        if store.with(|p| p.work(&r).is_some_and(Work::is_deleted)) {
            store.restore_work(&r);
        }
        let mut props = teacher_a.props();
        props.push((PROP_CREATED, browser::now().to_string()));
        store.set_props(&r, &props);
        router.push(Route::TeacherAssignment {
            id: teacher_a.id.clone(),
        });
    };
    let title = if a.title.is_empty() {
        i18n.t(Key::Untitled).to_string()
    } else {
        a.title.clone()
    };
    let note = a.note.clone();
    let class = a.class.clone();
    let items = a.items.clone();
    view! {
        <p class="eyebrow">{tr(Key::AssignmentFromTeacher)}</p>
        <h1 id="page-title" tabindex="-1">{title}</h1>
        {(!class.is_empty()).then(|| view! { <p class="class-label">{move || i18n.f(Key::ForClass, &[("class", &class)])}</p> })}
        <DueLine a=a.clone() handed_in=None/>
        {(!note.is_empty()).then(|| view! { <p class="assignment-note">{note}</p> })}
        <h2>{tr(Key::AssignmentItems)}</h2>
        <ul class="assignment-items">
            {items.into_iter().map(|item| {
                let title_item = item.clone();
                view! { <li>{move || content.item_title(&title_item).map(|t| i18n.text(&t)).unwrap_or_else(|| title_item.id.clone())}</li> }
            }).collect_view()}
        </ul>
        {had.then(|| view! { <p class="notice" id="already-have">{tr(Key::AlreadyHave)}</p> })}
        <PupilName/>
        {move || missing_name.get().then(|| view! {
            <p class="notice notice-error" role="alert" id="name-missing">{tr(Key::NameMissing)}</p>
        })}
        <p><button type="button" class="primary" id="accept-assignment" on:click=accept>
            {move || i18n.t(if had { Key::OpenAssignment } else { Key::AddAssignment })}
        </button></p>
        <p class="muted teacher-take">
            {tr(Key::TeacherTakeHelp)}" "
            <button type="button" id="accept-as-teacher" on:click=take_as_teacher>{tr(Key::TeacherTake)}</button>
        </p>
    }
}

/// Progress on each item of an assignment (tracked: the pupil's work and the content).
fn progress_of(
    store: Store,
    content: crate::app::content::Content,
    a: &Assignment,
) -> Vec<ItemProgress> {
    a.items
        .iter()
        .map(|item| {
            let tasks = content.item_tasks(item);
            store.with_work(item, |w| item_progress(live(w), tasks))
        })
        .collect()
}

fn progress_line(i18n: crate::app::i18n::I18n, items: &[ItemProgress]) -> String {
    let (done, answered, tasks) = total_progress(items);
    let finished = i18n.f(
        Key::ItemsDone,
        &[("n", &done.to_string()), ("m", &items.len().to_string())],
    );
    let answered = match tasks {
        Some(m) => i18n.f(
            Key::StatusAnswered,
            &[("n", &answered.to_string()), ("m", &m.to_string())],
        ),
        None => i18n.f(Key::AnswersCount, &[("n", &answered.to_string())]),
    };
    format!("{finished} · {answered}")
}

/// An assignment the pupil has: its lessons with progress, and handing in.
#[component]
pub fn AssignedPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let r = WorkRef::assigned(&id);
    let (read_id, handed_ref) = (id.clone(), r.clone());
    // The assignment and the hand-in time apart, so handing in does not rebuild the page
    // (and lose the code just made).
    let a = Memo::new(move |_| {
        store.with_work(&r, |w| {
            live(w).map(|w| Assignment::from_work(&read_id, Some(w)))
        })
    });
    let handed = Memo::new(move |_| store.with_work(&handed_ref, handed_in));
    Effect::new(move |_| {
        let title = a.get().map(|a| a.title).unwrap_or_default();
        super::set_title(if title.is_empty() {
            i18n.t(Key::MyAssignments)
        } else {
            &title
        });
    });
    view! {
        <div data-page="assigned" class="page assigned-page">
            {move || match a.get() {
                None => view! {
                    <h1 id="page-title" tabindex="-1">{tr(Key::MyAssignments)}</h1>
                    <p class="notice notice-warning" role="alert">{tr(Key::AssignmentGone)}</p>
                }.into_any(),
                Some(a) => view! { <AssignedView a=a handed=handed/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn AssignedView(a: Assignment, handed: Memo<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let content = use_content();
    for item in &a.items {
        content.ensure_work_file(item, None);
    }
    let title = if a.title.is_empty() {
        i18n.t(Key::Untitled).to_string()
    } else {
        a.title.clone()
    };
    let class = a.class.clone();
    let note = a.note.clone();
    let progress_a = a.clone();
    let progress = Memo::new(move |_| progress_of(store, content, &progress_a));
    let remove_ref = a.pupil_ref();
    view! {
        <p class="eyebrow">{tr(Key::AssignmentFromTeacher)}</p>
        <h1 id="page-title" tabindex="-1">{title}</h1>
        {(!class.is_empty()).then(|| view! { <p class="class-label">{move || i18n.f(Key::ForClass, &[("class", &class)])}</p> })}
        {let due_a = a.clone(); move || view! { <DueLine a=due_a.clone() handed_in=handed.get()/> }}
        {(!note.is_empty()).then(|| view! { <p class="assignment-note">{note}</p> })}
        <p class="status" id="assignment-progress">{move || progress_line(i18n, &progress.get())}</p>
        <ul class="cards assigned-items">
            {a.items.iter().cloned().enumerate().map(|(n, item)| view! { <AssignedItem item=item progress=progress n=n/> }).collect_view()}
        </ul>
        <PupilName/>
        <HandInPanel a=a.clone() handed=handed/>
        <section class="remove-assignment no-print">
            <p>{tr(Key::RemoveAssignmentHelp)}</p>
            <ConfirmButton id="remove-assignment" label=Key::RemoveAssignment confirm=Key::RemoveAssignment
                on_confirm=Callback::new(move |_| { store.delete_work(&remove_ref); router.push(Route::Home); })/>
        </section>
    }
}

#[component]
fn AssignedItem(item: WorkRef, progress: Memo<Vec<ItemProgress>>, n: usize) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let at_step = store.with(|p| p.work(&item).and_then(|w| w.at_step.clone()));
    let href = item.route(at_step).href();
    let title_item = item.clone();
    let status = move || {
        let p = progress.get().get(n).copied().unwrap_or_default();
        if p.done {
            i18n.t(Key::StatusDone).to_string()
        } else {
            match p.tasks {
                Some(m) => i18n.f(
                    Key::StatusAnswered,
                    &[("n", &p.answered.to_string()), ("m", &m.to_string())],
                ),
                None => i18n.f(Key::AnswersCount, &[("n", &p.answered.to_string())]),
            }
        }
    };
    let is_lesson = item.kind == WorkKind::Lesson;
    view! {
        <li class="card assigned-item" data-item=item.key()>
            <h2>
                <a href=href>{move || content.item_title(&title_item).map(|t| i18n.text(&t)).unwrap_or_else(|| title_item.id.clone())}</a>
            </h2>
            <p class="muted">{move || i18n.t(if is_lesson { Key::KindLesson } else { Key::KindChallenge })}</p>
            <p class="status" data-done=move || progress.get().get(n).is_some_and(|p| p.done).to_string()>{status}</p>
        </li>
    }
}

/// Handing in: a file to download, or a code to paste into the learning platform.
#[component]
fn HandInPanel(a: Assignment, handed: Memo<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let code = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<Key>);
    let copied = RwSignal::new(None::<bool>);
    let make = {
        let a = a.clone();
        move || -> Option<HandIn> {
            let name = pupil_name(store);
            if name.is_empty() {
                problem.set(Some(Key::NameMissing));
                browser::focus_id("pupil-name");
                return None;
            }
            problem.set(None);
            let now = browser::now();
            let h = HandIn::new(&a, &name, &store.snapshot(), now, APP_VERSION);
            store.set_props(&a.pupil_ref(), &[(PROP_HANDED_IN, now.to_string())]);
            Some(h)
        }
    };
    // The file's size and what it holds, said before the download. Follows the work of
    // the assignment's items and the name.
    let sizes = {
        let a = a.clone();
        Memo::new(move |_| {
            for item in &a.items {
                store.with_work(item, |_| ());
            }
            let name = store.with_settings(|s| s.name.trim().to_string());
            // A time of the length a real one has, so the size is the file's to the byte.
            let now = browser::now();
            store.with(|p| HandIn::new(&a, &name, p, now, APP_VERSION).file_sizes())
        })
    };
    let size_text = move |bytes: u64| size_text(bytes, i18n.lang() == Lang::Da);
    let download = {
        let (make, a) = (make.clone(), a.clone());
        move |with_media: bool| {
            if let Some(h) = make() {
                let name = handin_file_name(i18n.t(Key::HandInFilePrefix), &a, &h.pupil);
                if !with_media || h.clips().is_empty() {
                    browser::download(&name, "application/json", &h.to_json());
                    return;
                }
                leptos::task::spawn_local(async move {
                    let ids = h.clips().into_iter().map(|c| c.id);
                    let media = crate::app::media_io::read_all(ids).await;
                    browser::download(&name, "application/json", &h.to_json_with_media(&media));
                });
            }
        }
    };
    let download_without = download.clone();
    let make_code = move |_| {
        let Some(h) = make() else { return };
        copied.set(None);
        leptos::task::spawn_local(async move {
            match browser::deflate_raw(h.to_json().as_bytes()).await {
                Ok(bytes) => code.set(Some(handin_code(&bytes))),
                Err(_) => problem.set(Some(Key::CodeUnsupported)),
            }
        });
    };
    let copy = move |_| {
        let Some(text) = code.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&text).await));
        });
    };
    view! {
        <section class="hand-in" id="hand-in" aria-labelledby="hand-in-title">
            <h2 id="hand-in-title">{tr(Key::HandInTitle)}</h2>
            <p>{tr(Key::HandInIntro)}</p>
            <p class="status" id="handed-in-status" data-handed-in=move || handed.get().is_some().to_string()>
                {move || match handed.get() {
                    Some(t) => i18n.f(Key::HandedInAt, &[("time", &browser::format_time(t, i18n.lang()))]),
                    None => i18n.t(Key::NotHandedIn).to_string(),
                }}
            </p>
            {move || problem.get().map(|k| view! { <p class="notice notice-error" role="alert" id="hand-in-problem">{move || i18n.t(k)}</p> })}
            <p class="hand-in-size" id="hand-in-size">{move || {
                let s = sizes.get();
                if s.media.is_empty() {
                    i18n.f(Key::HandInFileSize, &[("size", &size_text(s.without_media))])
                } else {
                    i18n.f(Key::HandInFileSizeWith, &[("size", &size_text(s.with_media)), ("media", &s.media.words(i18n.lang()))])
                }
            }}</p>
            {move || (!sizes.get().media.is_empty()).then(|| view! {
                <p class="muted" id="hand-in-size-without">{i18n.f(Key::HandInFileSizeWithout, &[("size", &size_text(sizes.get().without_media))])}" "{tr(Key::HandInMediaHelp)}</p>
            })}
            <p class="actions">
                <button type="button" class="primary" id="download-hand-in" on:click=move |_| download(true)>{tr(Key::DownloadHandIn)}</button>
                {move || (!sizes.get().media.is_empty()).then(|| {
                    let d = download_without.clone();
                    view! { <button type="button" id="download-hand-in-without" on:click=move |_| d(false)>{tr(Key::DownloadHandInWithout)}</button> }
                })}
                <button type="button" id="make-hand-in-code" on:click=make_code>{tr(Key::MakeHandInCode)}</button>
            </p>
            {move || code.get().map(|c| view! {
                <div class="field field-wide">
                    <label for="hand-in-code">{tr(Key::HandInCode)}</label>
                    <textarea id="hand-in-code" readonly rows="4" prop:value=c
                        on:focus=move |ev| { let t: web_sys::HtmlTextAreaElement = event_target(&ev); t.select(); }></textarea>
                </div>
                <p class="actions">
                    <button type="button" id="copy-hand-in-code" on:click=copy>{tr(Key::CopyCode)}</button>
                    <span role="status">{move || copied.get().map(|ok| i18n.t(if ok { Key::Copied } else { Key::CopyFailed }))}</span>
                </p>
            })}
        </section>
    }
}

/// "My assignments" on Home: each received assignment with its progress and due date,
/// the soonest due first.
#[component]
pub fn MyAssignments() -> impl IntoView {
    let store = use_store();
    let list = Memo::new(move |_| {
        store.with_list(|p| {
            let mut v: Vec<Assignment> = p
                .live_work()
                .filter(|(r, _)| r.kind == WorkKind::Assigned)
                .map(|(r, w)| Assignment::from_work(&r.id, Some(w)))
                .collect();
            sort_small_by(&mut v, |a, b| {
                (a.due.is_none(), a.due, &a.title).cmp(&(b.due.is_none(), b.due, &b.title))
            });
            v
        })
    });
    let has_any = Memo::new(move |_| !list.get().is_empty());
    view! {
        {move || has_any.get().then(|| view! {
            <section class="my-assignments" id="my-assignments" aria-labelledby="my-assignments-title">
                <h2 id="my-assignments-title">{tr(Key::MyAssignments)}</h2>
                <ul class="cards">
                    {move || list.get().into_iter().map(|a| view! { <MyAssignmentCard a=a/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn MyAssignmentCard(a: Assignment) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    for item in &a.items {
        content.ensure_work_file(item, None);
    }
    let r = a.pupil_ref();
    let handed = Memo::new(move |_| store.with_work(&r, handed_in));
    let progress_a = a.clone();
    let progress = Memo::new(move |_| progress_of(store, content, &progress_a));
    let href = Route::Assigned { id: a.id.clone() }.href();
    let title = if a.title.is_empty() {
        i18n.t(Key::Untitled).to_string()
    } else {
        a.title.clone()
    };
    let class = a.class.clone();
    let due_a = a.clone();
    view! {
        <li class="card my-assignment" data-assignment=a.id.clone()>
            <h3><a href=href>{title}</a></h3>
            {(!class.is_empty()).then(|| view! { <p class="class-label">{move || i18n.f(Key::ForClass, &[("class", &class)])}</p> })}
            {move || view! { <DueLine a=due_a.clone() handed_in=handed.get()/> }}
            <p class="status">{move || progress_line(i18n, &progress.get())}</p>
            <p class="muted">{move || match handed.get() {
                Some(t) => i18n.f(Key::HandedInAt, &[("time", &browser::format_time(t, i18n.lang()))]),
                None => i18n.t(Key::NotHandedIn).to_string(),
            }}</p>
        </li>
    }
}
