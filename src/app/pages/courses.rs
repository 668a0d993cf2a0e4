//! Courses (content v1.1): the list, and a course page with its weeks in order, the total
//! time from the lessons' minutes, teacher notes, and the pupil's progress per lesson and
//! overall — all from the lessons' card summaries and the saved work, no lesson file.

use crate::app::content::{use_content, Card, Content};
use crate::app::i18n::I18n;
use crate::app::i18n::{tr, use_i18n};
use crate::app::rich::rich_text;
use crate::app::store::use_store;
use crate::app::widgets::{
    card_view, page_file_or_card, FileErrorView, LevelBadges, LoadingView, SubjectBadges,
};
use crate::core::catalogue::{card_status, CardStatus};
use crate::core::content::{
    Challenge, ContentKind, Course, CourseItem, CourseSummary, Hashed, Id, Lesson, LessonSummary,
};
use crate::core::courses::{course_path, hours, CourseProgress, CourseTime, PathState, PathStop};
use crate::core::i18n::Key;
use crate::core::progress::WorkRef;
use crate::core::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// The summaries of `lessons` (tracked, one signal each; `None` while unknown).
fn lesson_cards(content: Content, lessons: &[Id]) -> Vec<(Id, Option<Arc<Hashed<LessonSummary>>>)> {
    lessons
        .iter()
        .map(|id| {
            let card = match content.card::<Lesson>(id.as_str()) {
                Card::Ready(s) => Some(s),
                _ => None,
            };
            (id.clone(), card)
        })
        .collect()
}

/// "About 6 hours of lessons", with what the total leaves out.
fn time_text(i18n: I18n, time: CourseTime) -> String {
    let mut text = i18n.f(
        Key::CourseHours,
        &[("h", &hours(time.minutes, i18n.lang()))],
    );
    if time.untimed > 0 {
        text.push_str(&i18n.f(Key::CourseUntimed, &[("n", &time.untimed.to_string())]));
    }
    if time.challenges > 0 {
        text.push_str(i18n.t(Key::CoursePlusChallenge));
    }
    text
}

/// The pupil's progress through `lessons` and their time (tracked).
fn progress_of(
    content: Content,
    store: crate::app::store::Store,
    lessons: &[Id],
) -> (CourseProgress, CourseTime) {
    let cards = lesson_cards(content, lessons);
    let time = CourseTime::of(cards.iter().map(|(_, c)| c.as_ref().map(|s| &s.summary)), 0);
    let works: Vec<_> = cards
        .iter()
        .filter_map(|(id, c)| {
            let c = c.as_ref()?;
            let work = store.with_work(&WorkRef::lesson(id.as_str()), |w| w.cloned());
            Some((work, c.summary.clone()))
        })
        .collect();
    let progress = CourseProgress::of(works.iter().map(|(w, s)| (w.as_ref(), s)));
    (progress, time)
}

#[component]
fn ProgressView(progress: Signal<CourseProgress>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="course-progress">
            <progress max="100" value=move || progress.get().percent().to_string()
                aria-label=tr(Key::CourseProgress)></progress>
            <p class="status" data-status=move || {
                let p = progress.get();
                if p.lessons > 0 && p.done == p.lessons { "done" } else if p.started > 0 { "in-progress" } else { "not-started" }
            }>
                {move || {
                    let p = progress.get();
                    i18n.f(Key::CourseProgressText, &[
                        ("done", &p.done.to_string()),
                        ("n", &p.lessons.to_string()),
                        ("pct", &p.percent().to_string()),
                    ])
                }}
            </p>
        </div>
    }
}

#[component]
pub fn CoursesPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    Effect::new(move |_| super::set_title(i18n.t(Key::CoursesTitle)));
    Effect::new(move |_| {
        content.ensure_unsummarised::<Course>();
        content.ensure_unsummarised::<Lesson>();
    });
    let ids = move || content.ids(ContentKind::Course);
    view! {
        <div data-page="courses" class="page courses-page">
            <h1 id="page-title" tabindex="-1">{tr(Key::CoursesTitle)}</h1>
            <p class="lead">{tr(Key::CoursesIntro)}</p>
            {move || content.index.get().and_then(|r| r.err()).map(|e| view! { <FileErrorView error=e/> })}
            <Show when=move || content.index().is_some_and(|i| i.courses.is_empty())>
                <p class="empty" id="no-courses">{tr(Key::NoCourses)}</p>
            </Show>
            <ul class="cards course-cards">
                {move || ids().into_iter().map(|id| view! { <CourseCard id=id/> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn CourseCard(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let store = use_store();
    let card_id = id.clone();
    let card = Memo::new(move |_| content.card::<Course>(&card_id));
    move || match card_view(card.get()) {
        Err(waiting) => waiting,
        Ok(c) => {
            let c = c.summary.clone();
            let href = Route::Course { id: id.clone() }.href();
            let (title, summary) = (c.title.clone(), c.summary.clone());
            let lessons = c.lessons.clone();
            let challenges = c.challenges.len();
            let weeks = c.weeks;
            let state = Memo::new(move |_| progress_of(content, store, &lessons));
            let time = move || {
                let mut t = state.get().1;
                t.challenges = challenges;
                time_text(i18n, t)
            };
            view! {
                <li class="card course-card" data-course=id.clone()>
                    <h2><a href=href>{i18n.text_of(title)}</a></h2>
                    {summary.map(|s| view! { <p class="summary">{i18n.text_of(s)}</p> })}
                    <LevelBadges levels=c.levels.clone()/>
                    <SubjectBadges subjects=c.subjects.clone()/>
                    <p class="meta">
                        <span class="weeks">{move || i18n.f(Key::CourseWeeks, &[("n", &weeks.to_string())])}</span>
                        <span class="hours">{time}</span>
                    </p>
                    <ProgressView progress=Signal::derive(move || state.get().0)/>
                </li>
            }
            .into_any()
        }
    }
}

#[component]
pub fn CoursePage(id: String) -> impl IntoView {
    let content = use_content();
    let load_id = id.clone();
    Effect::new(move |_| {
        content.ensure::<Course>(&load_id);
        content.ensure_unsummarised::<Lesson>();
        content.ensure_unsummarised::<Challenge>();
    });
    view! {
        <div data-page="course" class="page course-page">
            {move || {
                let top = |c: &CourseSummary| view! {
                    <header class="lesson-header course-header">
                        {course_top(c.title.clone(), c.summary.clone(), c.levels.clone(), c.subjects.clone())}
                    </header>
                    <LoadingView/>
                }
                .into_any();
                match page_file_or_card(&id, content.file::<Course>(&id), top) {
                    Ok(c) => view! { <CourseView course=c.value.clone()/> }.into_any(),
                    Err(waiting) => waiting,
                }
            }}
        </div>
    }
}

/// A course page's title, summary and badges: from the file, or from its card meanwhile.
fn course_top(
    title: crate::core::text::Text,
    summary: Option<crate::core::text::Text>,
    levels: Vec<crate::core::content::Level>,
    subjects: Vec<crate::core::content::Subject>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 id="page-title" tabindex="-1">{i18n.text_of(title)}</h1>
        {summary.map(|s| view! { <p class="lead">{i18n.text_of(s)}</p> })}
        <LevelBadges levels=levels/>
        <SubjectBadges subjects=subjects/>
    }
}

#[component]
fn CourseView(course: Course) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let title = course.title.clone();
    let page_title = title.clone();
    Effect::new(move |_| super::set_title(&i18n.text(&page_title)));
    let store = use_store();
    let lessons = course.lessons();
    let challenges = course.challenges().len();
    // Each lesson counts once, as on the course's card.
    let state = Memo::new(move |_| {
        let (progress, mut time) = progress_of(content, store, &lessons);
        time.challenges = challenges;
        (progress, time)
    });
    // The course as a path: every stop's state, the first unfinished one marked as next.
    let all_items: Vec<CourseItem> = course.items().cloned().collect();
    let stops = Memo::new(move |_| {
        let states: Vec<PathState> = all_items
            .iter()
            .map(|item| match item {
                // A stop the index does not list is shown as missing, never as next.
                CourseItem::Lesson(id) | CourseItem::Challenge(id)
                    if content.index().is_some_and(|i| {
                        let kind = match item {
                            CourseItem::Lesson(_) => ContentKind::Lesson,
                            CourseItem::Challenge(_) => ContentKind::Challenge,
                        };
                        !i.has(kind, id.as_str())
                    }) =>
                {
                    PathState::Done
                }
                CourseItem::Lesson(id) => match content.card::<Lesson>(id.as_str()) {
                    Card::Ready(s) => store.with_work(&WorkRef::lesson(id.as_str()), |w| {
                        PathState::of_lesson(w, &s.summary)
                    }),
                    _ => PathState::NotStarted,
                },
                CourseItem::Challenge(id) => {
                    store.with_work(&WorkRef::challenge(id.as_str()), PathState::of_work)
                }
            })
            .collect();
        course_path(&states)
    });
    let mut stop_number = 0usize;
    let summary = course.summary.clone();
    let notes = course.teacher_notes.clone();
    let weeks = course.weeks.len();
    view! {
        <header class="lesson-header course-header">
            {course_top(title, summary, course.levels.clone(), course.subjects.clone())}
            <p class="meta course-meta">
                <span class="weeks">{move || i18n.f(Key::CourseWeeks, &[("n", &weeks.to_string())])}</span>
                <span class="hours" id="course-hours">{move || time_text(i18n, state.get().1)}</span>
            </p>
            <ProgressView progress=Signal::derive(move || state.get().0)/>
        </header>
        {notes.map(|n| view! {
            <details class="teacher-notes course-notes">
                <summary>{tr(Key::TeacherNotes)}</summary>
                <div class="rich">{move || rich_text(&i18n.text(&n))}</div>
            </details>
        })}
        <ol class="weeks">
            {course.weeks.into_iter().enumerate().map(|(w, week)| {
                let number = w + 1;
                let week_title = week.title.clone();
                let heading_id = format!("week-{number}");
                let week_lessons: Vec<Id> = week.items.iter().filter_map(|i| match i {
                    CourseItem::Lesson(id) => Some(id.clone()),
                    _ => None,
                }).collect();
                let week_challenges = week.items.len() - week_lessons.len();
                let week_time = move || {
                    let cards = lesson_cards(content, &week_lessons);
                    let t = CourseTime::of(cards.iter().map(|(_, c)| c.as_ref().map(|s| &s.summary)), week_challenges);
                    time_text(i18n, t)
                };
                view! {
                    <li class="week card" aria-labelledby=heading_id.clone()>
                        <h2 id=heading_id.clone()>
                            {move || {
                                let n = i18n.f(Key::CourseWeek, &[("n", &number.to_string())]);
                                match &week_title {
                                    Some(t) => format!("{n}: {}", i18n.text(t)),
                                    None => n,
                                }
                            }}
                        </h2>
                        <p class="muted week-time">{week_time}</p>
                        {week.note.map(|n| view! { <div class="rich week-note">{move || rich_text(&i18n.text(&n))}</div> })}
                        <ol class="week-items course-path">
                            {week.items.into_iter().map(|item| {
                                let n = stop_number;
                                stop_number += 1;
                                let stop = Signal::derive(move || stops.with(|s| s.get(n).copied()));
                                view! { <ItemRow item=item stop=stop/> }
                            }).collect_view()}
                        </ol>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// One lesson or challenge of a week: a stop on the course's path with its title, time, the
/// pupil's status in words and, on the first unfinished stop, "Next".
#[component]
fn ItemRow(item: CourseItem, stop: Signal<Option<PathStop>>) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let store = use_store();
    let (kind, id) = match &item {
        CourseItem::Lesson(id) => (ContentKind::Lesson, id.to_string()),
        CourseItem::Challenge(id) => (ContentKind::Challenge, id.to_string()),
    };
    let listed = {
        let id = id.clone();
        move || content.index().is_none_or(|i| i.has(kind, &id))
    };
    let is_next = move || stop.get().is_some_and(|s| s.next);
    // The path's marker is decoration (the status is said in words); "Next" is text.
    let mark = move || {
        let symbol = match stop.get().map(|s| s.state) {
            Some(PathState::Done) => "✓",
            Some(PathState::InProgress) => "◐",
            _ => "",
        };
        view! { <span class="path-mark" aria-hidden="true">{symbol}</span> }
    };
    let next_label =
        move || is_next().then(|| view! { <strong class="path-next">{tr(Key::PathNext)}</strong> });
    move || {
        if !listed() {
            return view! {
                <li class="course-item missing" data-item=id.clone()>
                    <span>{i18n.f(Key::CourseItemMissing, &[("id", &id)])}</span>
                </li>
            }
            .into_any();
        }
        match kind {
            ContentKind::Challenge => {
                let work = WorkRef::challenge(&id);
                let href = Route::Challenge {
                    id: id.clone(),
                    step: None,
                }
                .href();
                let title = match content.card::<Challenge>(&id) {
                    Card::Ready(s) => i18n.text(&s.summary.title),
                    _ => id.clone(),
                };
                let status = store.with_work(&work, |w| match w {
                    None => ("not-started", i18n.t(Key::StatusNotStarted)),
                    Some(w) if w.completed.is_some() => ("done", i18n.t(Key::StatusDone)),
                    Some(_) => ("in-progress", i18n.t(Key::StatusStarted)),
                });
                view! {
                    <li class="course-item challenge-item" data-item=id.clone() data-status=status.0 class:next=is_next>
                        {mark}
                        <a href=href>{title}</a>
                        <span class="muted">{i18n.t(Key::CourseChallenge)}</span>
                        <span class="status" data-status=status.0>{status.1}</span>
                        {next_label}
                    </li>
                }
                .into_any()
            }
            _ => {
                let href = Route::Lesson {
                    id: id.clone(),
                    step: None,
                }
                .href();
                match content.card::<Lesson>(&id) {
                    Card::Ready(s) => {
                        let s = s.summary.clone();
                        let status = store.with_work(&WorkRef::lesson(&id), |w| card_status(w, &s));
                        let (key, text) = match status {
                            CardStatus::NotStarted => {
                                ("not-started", i18n.t(Key::StatusNotStarted).to_string())
                            }
                            CardStatus::Answering { of: 0, .. } => {
                                ("in-progress", i18n.t(Key::StatusStarted).to_string())
                            }
                            CardStatus::Answering { answered, of } => (
                                "in-progress",
                                i18n.f(
                                    Key::StatusAnswered,
                                    &[("n", &answered.to_string()), ("m", &of.to_string())],
                                ),
                            ),
                            CardStatus::Done => ("done", i18n.t(Key::StatusDone).to_string()),
                        };
                        view! {
                            <li class="course-item lesson-item" data-item=id.clone() data-status=key class:next=is_next>
                                {mark}
                                <a href=href>{i18n.text(&s.title)}</a>
                                {s.minutes.map(|m| view! { <span class="muted">{i18n.f(Key::Minutes, &[("n", &m.to_string())])}</span> })}
                                <span class="status" data-status=key>{text}</span>
                                {next_label}
                            </li>
                        }
                        .into_any()
                    }
                    Card::Broken(e) => {
                        view! { <li class="course-item broken"><FileErrorView error=e/></li> }
                            .into_any()
                    }
                    Card::Loading => {
                        view! { <li class="course-item"><a href=href>{id.clone()}</a></li> }
                            .into_any()
                    }
                }
            }
        }
    }
}
