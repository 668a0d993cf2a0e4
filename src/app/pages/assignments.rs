//! The teacher's assignments: the list on the Teacher page (new, edit, duplicate, delete)
//! and the page of one assignment — its details, the lessons and challenges picked from
//! the catalogue, and the link with its QR code to share with the class.

use crate::app::browser;
use crate::app::content::{use_content, Card};
use crate::app::i18n::{tr, use_i18n};
use crate::app::pages::catalogue::Select;
use crate::app::pages::teacher::TeacherNotes;
use crate::app::router::use_router;
use crate::app::store::use_store;
use crate::app::widgets::{ConfirmButton, LevelBadges};
use crate::core::catalogue::{CatalogueFilter, Duration};
use crate::core::content::{Challenge, Competence, Dimension, Lesson, Level};
use crate::core::i18n::Key;
use crate::core::progress::{Millis, Work, WorkKind, WorkRef};
use crate::core::route::Route;
use crate::core::teacher::assignment::{
    items_prop, Assignment, MAX_CLASS_CHARS, MAX_NOTE_CHARS, MAX_TITLE_CHARS, PROP_CLASS,
    PROP_CREATED, PROP_DUE, PROP_ITEMS, PROP_NOTE, PROP_TITLE,
};
use crate::core::teacher::date::format_date;
use crate::core::teacher::qr::qr_svg;
use crate::core::teacher::sort_small_by;
use leptos::prelude::*;

/// The teacher's assignment `id` as the link carries it: its edit time is its revision, so
/// a pupil who opens a newer link gets the changes.
pub fn teacher_assignment(id: &str, work: Option<&Work>) -> Assignment {
    let mut a = Assignment::from_work(id, work);
    a.rev = work.map_or(0, |w| w.updated);
    a
}

fn live(work: Option<&Work>) -> bool {
    work.is_some_and(|w| !w.is_deleted())
}

/// "6.B · Idéer til skolegården", or a placeholder while untitled.
fn display_title(a: &Assignment, untitled: &str) -> String {
    let title = if a.title.is_empty() {
        untitled
    } else {
        &a.title
    };
    if a.class.is_empty() {
        title.to_string()
    } else {
        format!("{} · {title}", a.class)
    }
}

/// The assignments section of the Teacher page.
#[component]
pub fn TeacherAssignments() -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let list = Memo::new(move |_| {
        store.with_list(|p| {
            let mut v: Vec<(String, Millis)> = p
                .live_work()
                .filter(|(r, _)| r.kind == WorkKind::Assignment)
                .map(|(r, w)| {
                    let created = w.prop(PROP_CREATED).and_then(|c| c.parse().ok());
                    (r.id, created.unwrap_or(w.updated))
                })
                .collect();
            sort_small_by(&mut v, |a, b| b.1.cmp(&a.1));
            v.into_iter().map(|(id, _)| id).collect::<Vec<_>>()
        })
    });
    let new = move |_| {
        let id = store.new_id().to_string();
        let now = browser::now().to_string();
        store.set_props(&WorkRef::assignment(&id), &[(PROP_CREATED, now)]);
        router.push(Route::TeacherAssignment { id });
    };
    view! {
        <section class="teacher-assignments" aria-labelledby="assignments-title">
            <h2 id="assignments-title">{tr(Key::AssignmentsTitle)}</h2>
            <p>{tr(Key::AssignmentsIntro)}</p>
            <p><button type="button" class="primary" id="new-assignment" on:click=new>{tr(Key::NewAssignment)}</button></p>
            {move || list.get().is_empty().then(|| view! { <p class="empty">{tr(Key::NoAssignments)}</p> })}
            <ul class="assignment-list">
                {move || list.get().into_iter().map(|id| view! { <AssignmentRow id=id/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn AssignmentRow(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = WorkRef::assignment(&id);
    let read_id = id.clone();
    let a = Memo::new(move |_| store.with_work(&work, |w| teacher_assignment(&read_id, w)));
    let duplicate = move |_| {
        let source = a.get_untracked();
        let copy_id = store.new_id().to_string();
        let mut copy = source.clone();
        copy.title = i18n.f(Key::CopyOf, &[("title", &source.title)]);
        let mut props: Vec<(&str, String)> = copy.props();
        props.push((PROP_CREATED, browser::now().to_string()));
        store.set_props(&WorkRef::assignment(&copy_id), &props);
    };
    let delete_id = id.clone();
    let delete_button = format!("delete-{id}");
    let edit = Route::TeacherAssignment { id: id.clone() }.href();
    let class = Route::ClassOverview { id: id.clone() }.href();
    view! {
        <li class="card assignment-row" data-assignment=id.clone()>
            <h3><a href=edit class="assignment-title">{move || display_title(&a.get(), i18n.t(Key::Untitled))}</a></h3>
            <p class="meta">
                {move || i18n.f(Key::ItemsCount, &[("n", &a.get().items.len().to_string())])}
                {move || a.get().due.map(|d| format!(" · {}", i18n.f(Key::DueOn, &[("date", &format_date(d, i18n.lang()))])))}
            </p>
            <p class="actions">
                <a class="button" href=class>{tr(Key::ClassOverviewTitle)}</a>
                <button type="button" class="duplicate-assignment" on:click=duplicate>{tr(Key::Duplicate)}</button>
                <ConfirmButton id=delete_button class="delete-assignment" label=Key::Delete confirm=Key::DeleteConfirm
                    on_confirm=Callback::new(move |_| store.delete_work(&WorkRef::assignment(&delete_id)))/>
            </p>
        </li>
    }
}

/// One assignment: details, items and the link to share.
#[component]
pub fn TeacherAssignmentPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = WorkRef::assignment(&id);
    let (exists_work, read_work, read_id) = (work.clone(), work.clone(), id.clone());
    let exists = Memo::new(move |_| store.with_work(&exists_work, live));
    let a = Memo::new(move |_| store.with_work(&read_work, |w| teacher_assignment(&read_id, w)));
    Effect::new(move |_| {
        super::set_title(&display_title(&a.get(), i18n.t(Key::Untitled)));
    });
    view! {
        <div data-page="teacher-assignment" class="page teacher-assignment-page">
            <p class="no-print"><a href=Route::Teacher.href()>{tr(Key::BackToTeacher)}</a></p>
            <h1 id="page-title" tabindex="-1">{move || display_title(&a.get(), i18n.t(Key::NewAssignment))}</h1>
            {move || if exists.get() {
                view! {
                    <AssignmentForm work=work.clone()/>
                    <SelectedItems work=work.clone() a=a/>
                    <ItemPicker work=work.clone() a=a/>
                    <SharePanel a=a/>
                }.into_any()
            } else {
                view! { <p class="notice notice-warning" role="alert">{tr(Key::AssignmentGone)}</p> }.into_any()
            }}
        </div>
    }
}

/// A prop of the assignment as typed (not cleaned, so typing a space is not undone).
fn raw_prop(store: crate::app::store::Store, work: &WorkRef, name: &'static str) -> String {
    store.with_work(work, |w| {
        w.and_then(|w| w.prop(name)).unwrap_or("").to_string()
    })
}

#[component]
fn AssignmentForm(work: WorkRef) -> impl IntoView {
    let store = use_store();
    let field = move |name: &'static str| {
        let (read, write) = (work.clone(), work.clone());
        (
            move || raw_prop(store, &read, name),
            move |ev: leptos::ev::Event| {
                store.set_props(&write, &[(name, event_target_value(&ev))]);
            },
        )
    };
    let (class_value, class_input) = field(PROP_CLASS);
    let (title_value, title_input) = field(PROP_TITLE);
    let (due_value, due_input) = field(PROP_DUE);
    let (note_value, note_input) = field(PROP_NOTE);
    view! {
        <form class="assignment-form" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="assignment-class">{tr(Key::ClassLabel)}</label>
                <input id="assignment-class" type="text" autocomplete="off" maxlength=MAX_CLASS_CHARS.to_string()
                    placeholder=tr(Key::ClassLabelExample)
                    prop:value=class_value on:input=class_input/>
            </div>
            <div class="field">
                <label for="assignment-title">{tr(Key::AssignmentTitleLabel)}</label>
                <input id="assignment-title" type="text" autocomplete="off" maxlength=MAX_TITLE_CHARS.to_string()
                    prop:value=title_value on:input=title_input/>
            </div>
            <div class="field">
                <label for="assignment-due">{tr(Key::DueDate)}</label>
                <input id="assignment-due" type="date" prop:value=due_value on:input=due_input.clone() on:change=due_input/>
            </div>
            <div class="field field-wide">
                <label for="assignment-note">{tr(Key::NoteToClass)}</label>
                <textarea id="assignment-note" rows="3" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=note_value on:input=note_input></textarea>
            </div>
        </form>
    }
}

fn set_items(store: crate::app::store::Store, work: &WorkRef, items: &[WorkRef]) {
    store.set_props(work, &[(PROP_ITEMS, items_prop(items))]);
}

/// The picked lessons and challenges, in order, with their notes and plans.
#[component]
fn SelectedItems(work: WorkRef, a: Memo<Assignment>) -> impl IntoView {
    let i18n = use_i18n();
    let items = Memo::new(move |_| a.get().items);
    let entries = move || items.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <section class="selected-items" aria-labelledby="selected-title">
            <h2 id="selected-title">{move || i18n.f(Key::SelectedItems, &[("n", &items.get().len().to_string())])}</h2>
            {move || items.get().is_empty().then(|| view! { <p class="empty">{tr(Key::NothingSelected)}</p> })}
            <ol class="selected-list">
                {move || entries().into_iter().map(|(n, item)| view! {
                    <SelectedItem work=work.clone() items=items position=n item=item/>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn SelectedItem(
    work: WorkRef,
    items: Memo<Vec<WorkRef>>,
    position: usize,
    item: WorkRef,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let title_item = item.clone();
    let title = move || {
        content
            .item_title(&title_item)
            .map(|t| i18n.text(&t))
            .unwrap_or_else(|| title_item.id.clone())
    };
    let label = title.clone();
    let remove_work = work.clone();
    let moved = move |delta: isize| {
        let mut list = items.get_untracked();
        let to = position as isize + delta;
        if to >= 0 && (to as usize) < list.len() {
            list.swap(position, to as usize);
            set_items(store, &work, &list);
        }
    };
    let (up, down) = (moved.clone(), moved.clone());
    let remove_item = item.clone();
    let remove = move |_| {
        let list: Vec<WorkRef> = items
            .get_untracked()
            .into_iter()
            .filter(|i| *i != remove_item)
            .collect();
        set_items(store, &remove_work, &list);
    };
    let last = move || position + 1 >= items.get().len();
    let is_lesson = item.kind == WorkKind::Lesson;
    let plan = Route::Plan {
        challenge: !is_lesson,
        id: item.id.clone(),
    }
    .href();
    let (l1, l2, l3) = (label.clone(), label.clone(), label);
    view! {
        <li class="card selected-item" data-item=item.key()>
            <h3>
                <span class="badge">{move || i18n.t(if is_lesson { Key::KindLesson } else { Key::KindChallenge })}</span>
                " "
                <a href=item.route(None).href()>{title}</a>
            </h3>
            <p class="actions">
                <button type="button" class="move-up" disabled=move || position == 0
                    aria-label=move || i18n.f(Key::MoveUp, &[("item", &l1())]) on:click=move |_| up(-1)>"↑"</button>
                <button type="button" class="move-down" disabled=last
                    aria-label=move || i18n.f(Key::MoveDown, &[("item", &l2())]) on:click=move |_| down(1)>"↓"</button>
                <button type="button" class="remove-item"
                    aria-label=move || i18n.f(Key::RemoveItem, &[("item", &l3())]) on:click=remove>{tr(Key::Remove)}</button>
                <a class="button" href=plan>{tr(Key::LessonPlan)}</a>
            </p>
            {is_lesson.then(|| view! { <TeacherNotes id=item.id.clone()/> })}
        </li>
    }
}

/// Lessons and challenges from the catalogue, with its filters, to tick into the assignment.
#[component]
fn ItemPicker(work: WorkRef, a: Memo<Assignment>) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let filter = RwSignal::new(CatalogueFilter::default());
    Effect::new(move |_| {
        content.ensure_unsummarised::<Lesson>();
        content.ensure_unsummarised::<Challenge>();
    });
    let set = move |change: &dyn Fn(&mut CatalogueFilter)| filter.update(|f| change(f));
    let candidates = Memo::new(move |_| {
        let f = filter.get();
        // Only what can be shown with its title: a file still on its way is not offered.
        let lessons = content
            .ids_where::<Lesson>(false, |s| f.matches(s))
            .into_iter()
            .map(|id| WorkRef::lesson(&id));
        let challenges = content
            .ids_where::<Challenge>(false, |s| f.matches_challenge(s))
            .into_iter()
            .map(|id| WorkRef::challenge(&id));
        lessons.chain(challenges).collect::<Vec<_>>()
    });
    view! {
        <section class="item-picker" aria-labelledby="picker-title">
            <h2 id="picker-title">{tr(Key::PickItems)}</h2>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <Select id="pick-level" label=Key::FilterLevel
                    options=Signal::derive(move || Level::ALL.iter().map(|l| (l.id().to_string(), l.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().level.map(|l| l.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.level = Level::parse(&v)))/>
                <Select id="pick-competence" label=Key::FilterCompetence
                    options=Signal::derive(move || Competence::ALL.iter().map(|c| (c.id().to_string(), c.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().competence.map(|c| c.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.competence = Competence::parse(&v)))/>
                <Select id="pick-dimension" label=Key::FilterDimension
                    options=Signal::derive(move || Dimension::ALL.iter().map(|d| (d.id().to_string(), d.label(i18n.lang()).to_string())).collect())
                    value=Signal::derive(move || filter.get().dimension.map(|d| d.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.dimension = Dimension::parse(&v)))/>
                <Select id="pick-duration" label=Key::FilterDuration
                    options=Signal::derive(move || Duration::ALL.iter().map(|d| (d.id().to_string(), i18n.t(match d {
                        Duration::Short => Key::DurationShort,
                        Duration::Medium => Key::DurationMedium,
                        Duration::Long => Key::DurationLong,
                    }).to_string())).collect())
                    value=Signal::derive(move || filter.get().duration.map(|d| d.id().to_string()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| set(&|f| f.duration = Duration::parse(&v)))/>
                <div class="field">
                    <label for="pick-search">{tr(Key::FilterSearch)}</label>
                    <input id="pick-search" type="search" autocomplete="off"
                        prop:value=move || filter.get().query
                        on:input=move |ev| { let v = event_target_value(&ev); set(&|f| f.query = v.clone()) }/>
                </div>
            </form>
            <p class="result-count" role="status" aria-live="polite">
                {move || i18n.f(Key::CandidatesCount, &[("n", &candidates.get().len().to_string())])}
            </p>
            <ul class="pick-list">
                {move || candidates.get().into_iter().map(|item| view! { <PickRow work=work.clone() a=a item=item/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn PickRow(work: WorkRef, a: Memo<Assignment>, item: WorkRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    let (check_item, toggle_item, title_item) = (item.clone(), item.clone(), item.clone());
    let checked = Memo::new(move |_| a.get().items.contains(&check_item));
    let toggle = move |_| {
        let mut items = a.get_untracked().items;
        if let Some(at) = items.iter().position(|i| *i == toggle_item) {
            items.remove(at);
        } else {
            items.push(toggle_item.clone());
        }
        set_items(store, &work, &items);
    };
    let input_id = format!("pick-{}-{}", item.kind.name(), item.id);
    let (levels, minutes) = match item.kind {
        WorkKind::Lesson => match content.card::<Lesson>(&item.id) {
            Card::Ready(s) => (s.summary.levels.clone(), s.summary.minutes),
            _ => (vec![], None),
        },
        _ => match content.card::<Challenge>(&item.id) {
            Card::Ready(s) => (s.summary.levels.clone(), None),
            _ => (vec![], None),
        },
    };
    let is_lesson = item.kind == WorkKind::Lesson;
    view! {
        <li class="pick-row" data-item=item.key()>
            <input type="checkbox" id=input_id.clone() prop:checked=move || checked.get() on:change=toggle/>
            <label for=input_id>
                <span class="pick-title">{move || content.item_title(&title_item).map(|t| i18n.text(&t)).unwrap_or_default()}</span>
                " "
                <span class="badge">{move || i18n.t(if is_lesson { Key::KindLesson } else { Key::KindChallenge })}</span>
                {minutes.map(|m| view! { <span class="muted">" · "{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</span> })}
            </label>
            <LevelBadges levels=levels/>
        </li>
    }
}

/// The link to the assignment, to copy, and its QR code, to show on the projector.
#[component]
fn SharePanel(a: Memo<Assignment>) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(None::<bool>);
    let link = Memo::new(move |_| {
        let a = a.get();
        (!a.items.is_empty()).then(|| format!("{}#/a/{}", browser::app_url(), a.to_code()))
    });
    let qr = Memo::new(move |_| link.get().and_then(|l| qr_svg(&l)));
    let has_link = Memo::new(move |_| link.get().is_some());
    let copy = move |_| {
        let Some(text) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&text).await));
        });
    };
    let id = move || a.get().id;
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title">{tr(Key::ShareTitle)}</h2>
            {move || if !has_link.get() {
                view! { <p class="empty" id="share-empty">{tr(Key::ShareNeedsItems)}</p> }.into_any()
            } else { view! {
                <p>{tr(Key::ShareIntro)}</p>
                <div class="field field-wide">
                    <label for="assignment-link">{tr(Key::AssignmentLink)}</label>
                    <input id="assignment-link" type="text" readonly
                        prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |ev| { let input: web_sys::HtmlInputElement = event_target(&ev); input.select(); }/>
                </div>
                <p class="actions">
                    <button type="button" class="primary" id="copy-link" on:click=copy>{tr(Key::CopyLink)}</button>
                    <span role="status" id="copy-link-status">{move || copied.get().map(|ok| i18n.t(if ok { Key::Copied } else { Key::CopyFailed }))}</span>
                </p>
                <p class="muted" id="link-size">{move || i18n.f(Key::LinkLength, &[("n", &link.get().map(|l| l.chars().count()).unwrap_or(0).to_string())])}</p>
                <figure class="qr" id="assignment-qr">
                    {move || qr.get().map(|q| {
                        let size = q.size.to_string();
                        let view_box = format!("0 0 {size} {size}");
                        let (width, height) = (size.clone(), size);
                        view! {
                            <svg viewBox=view_box role="img" shape-rendering="crispEdges"
                                aria-label=tr(Key::QrLabel) xmlns="http://www.w3.org/2000/svg">
                                <rect width=width height=height fill="#fff"/>
                                <path d=q.path fill="#000"/>
                            </svg>
                        }
                    })}
                    <figcaption>{move || display_title(&a.get(), i18n.t(Key::Untitled))}</figcaption>
                </figure>
                <p class="actions">
                    <button type="button" id="show-qr" on:click=move |_| browser::toggle_fullscreen("assignment-qr")>{tr(Key::ShowOnProjector)}</button>
                    <a class="button" href=move || Route::ClassOverview { id: id() }.href()>{tr(Key::ClassOverviewTitle)}</a>
                </p>
            }.into_any() }}
        </section>
    }
}
