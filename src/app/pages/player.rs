//! The step player shared by lessons and challenges: one step at a time, a list of all
//! steps, previous/next, the position saved as the pupil moves, and a finish panel.

use crate::app::content::{use_content, Card, Content};
use crate::app::i18n::use_i18n;
use crate::app::router::use_router;
use crate::app::steps::recall::RecallView;
use crate::app::steps::{step_view, StepCtx};
use crate::app::store::{use_store, Store};
use crate::app::widgets::step_icon;
use crate::core::content::{
    ContentKind, Course, CourseSummary, Hashed, Id, Lesson, Step, StepSlot,
};
use crate::core::i18n::{step_kind, Key};
use crate::core::next::{what_comes_next, Next};
use crate::core::progress::{WorkKind, WorkRef};
use crate::core::route::{ProjectView, Route};
use crate::core::teacher::assignment::Assignment;
use crate::core::text::Text;
use leptos::prelude::*;
use std::sync::Arc;

/// A step with the phase it belongs to (challenges only).
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerStep {
    pub slot: StepSlot,
    pub phase: Option<Text>,
}

fn step_in_route(route: &Route) -> Option<String> {
    WorkRef::of_route(route).and_then(|(_, step)| step)
}

/// Which of the steps (their ids) the player shows: `wanted` (the one in the address, else
/// where the pupil left off) if it is one of them, else the first.
fn shown_step<'a>(mut ids: impl Iterator<Item = Option<&'a str>>, wanted: Option<&str>) -> usize {
    wanted
        .and_then(|id| ids.position(|s| s == Some(id)))
        .unwrap_or(0)
}

/// Whether `route`'s page draws with the tools part — the canvas board, the sketch pad, the
/// camera and the voice recorder, fetched when first needed (ARCHITECTURE.md, "Code split
/// by page") — as soon as it is drawn (its file read): a canvas (`pages::parts`), or the
/// step a lesson or challenge opens on ([`Step::uses_tools`]). The start then fetches the
/// part before it draws the page, and the player asks for it as a lesson opens for the
/// steps further on, so such a step is drawn whole, at once, rather than filling in and
/// moving what is below.
pub fn shows_tools(route: &Route, content: Content, store: Store) -> bool {
    if super::parts(route).contains(&super::Part::Tools) {
        return true;
    }
    let Some((work, step)) = WorkRef::of_route(route) else {
        return false;
    };
    let Some(steps) = untrack(|| content.work_steps(&work)) else {
        return false;
    };
    let wanted = step.or_else(|| untrack(|| store.with(|p| p.work(&work)?.at_step.clone())));
    let i = shown_step(steps.iter().map(StepSlot::id), wanted.as_deref());
    steps
        .get(i)
        .and_then(StepSlot::ready)
        .is_some_and(Step::uses_tools)
}

/// `done`: where the finish panel leads first (a team project's entry), instead of back to
/// the lessons.
#[component]
pub fn Player(
    work: WorkRef,
    file: String,
    steps: Vec<PlayerStep>,
    #[prop(optional)] done: Option<(Key, Route)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let router = use_router();
    let steps = Arc::new(steps);
    let total = steps.len();
    let ctx = StepCtx {
        work: work.clone(),
        file: file.clone(),
        steps: Arc::new(steps.iter().map(|s| s.slot.clone()).collect()),
    };
    // The step shown: the one in the URL, else where the pupil left off, else the first.
    let index = {
        let (steps, work) = (steps.clone(), work.clone());
        Memo::new(move |_| {
            let wanted = router
                .route
                .with(step_in_route)
                .or_else(|| store.with(|p| p.work(&work).and_then(|w| w.at_step.clone())));
            let ids = steps.iter().map(|s| s.slot.id());
            shown_step(ids, wanted.as_deref())
        })
    };
    if steps
        .iter()
        .any(|s| s.slot.ready().is_some_and(Step::uses_tools))
    {
        // Once the page stands: on the first page, the start has waited for the tools if
        // the step shown uses them.
        leptos::task::spawn_local(async {
            crate::app::browser::idle().await;
            crate::app::board::fetch_tools().await;
        });
    }
    let finished = RwSignal::new(false);
    {
        let (steps, work) = (steps.clone(), work.clone());
        Effect::new(move |previous: Option<usize>| {
            let i = index.get();
            if let Some(id) = steps.get(i).and_then(|s| s.slot.id()) {
                let id = id.to_string();
                store.set_position(&work, &id);
            }
            if previous.is_some_and(|p| p != i) {
                finished.set(false);
                crate::app::browser::focus_id("step-title");
            }
            i
        });
    }
    let go = {
        let (steps, work) = (steps.clone(), work.clone());
        move |i: usize| {
            let id = steps.get(i).and_then(|s| s.slot.id()).map(String::from);
            router.push(work.route(id));
        }
    };
    let finish = {
        let work = work.clone();
        move |_| {
            store.set_completed(&work, true);
            finished.set(true);
            crate::app::browser::focus_id("finished-title");
        }
    };
    // Each entry of the step list reads its own step's answer only.
    let answered = {
        let work = work.clone();
        move |id: &str| store.answer_is_meaningful(&work, id)
    };
    let step_list = {
        let (steps, work) = (steps.clone(), work.clone());
        steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let label = step_label(&s.slot);
                let href = work.route(s.slot.id().map(String::from)).href();
                let id = s.slot.id().unwrap_or_default().to_string();
                let answered = answered.clone();
                let phase = s.phase.clone().filter(|_| {
                    i == 0 || steps.get(i - 1).and_then(|p| p.phase.as_ref()) != s.phase.as_ref()
                });
                view! {
                    {phase.map(|p| view! { <li class="phase-heading" aria-hidden="true">{i18n.text_of(p)}</li> })}
                    <li class:current=move || index.get() == i class:answered=move || answered(&id)>
                        <a href=href aria-current=move || (index.get() == i).then_some("step")>
                            <span class="step-number">{i + 1}</span>
                            {step_icon(&step_type(&s.slot))}
                            <span class="step-name">{move || label(i18n.lang())}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let current = {
        let steps = steps.clone();
        move || {
            let i = index.get();
            let Some(step) = steps.get(i).cloned() else {
                return ().into_any();
            };
            let label = step_label(&step.slot);
            let ctx = ctx.clone();
            let step_id = step.slot.id().unwrap_or_default().to_string();
            let kind = step_type(&step.slot);
            view! {
                <section class="step" data-step=step_id
                    data-step-type=kind aria-labelledby="step-title">
                    {step.phase.clone().map(|p| view! { <p class="phase-label">{i18n.t(Key::Phase)}": "{i18n.text(&p)}</p> })}
                    <h2 id="step-title" tabindex="-1">
                        <span class="step-count">{i18n.f(Key::StepOf, &[("n", &(i + 1).to_string()), ("m", &total.to_string())])}</span>
                        {step_icon(&kind)}
                        {label(i18n.lang())}
                    </h2>
                    {step.slot.ready().cloned().map(crate::app::steps::read_step_aloud)}
                    {step.slot.ready().and_then(|s| s.recall()).cloned().map(|r| view! { <RecallView recall=r ctx=ctx.clone()/> })}
                    {step_view(step.slot, ctx)}
                </section>
            }
            .into_any()
        }
    };
    let go_prev = go.clone();
    let go_next = go.clone();
    view! {
        <div class="player">
            <nav class="step-list" aria-label=i18n.tr(Key::LessonSteps)>
                <ol>{step_list}</ol>
            </nav>
            <div class="player-main">
                <p class="visually-hidden" aria-live="polite" id="step-announcement">
                    {move || i18n.f(Key::StepOf, &[("n", &(index.get() + 1).to_string()), ("m", &total.to_string())])}
                </p>
                <progress class="step-progress" max=total value=move || index.get() + 1
                    aria-label=move || i18n.f(Key::StepOf, &[("n", &(index.get() + 1).to_string()), ("m", &total.to_string())])></progress>
                <Show when=move || finished.get() fallback=current.clone()>
                    <section class="finished card" aria-labelledby="finished-title">
                        <div class="confetti" aria-hidden="true">{(0..12).map(|_| view! { <span></span> }).collect_view()}</div>
                        <h2 id="finished-title" tabindex="-1">{i18n.tr(Key::FinishedTitle)}</h2>
                        <p>{i18n.tr(Key::FinishedBody)}</p>
                        {done.is_none().then(|| view! { <WhatNext work=work.clone()/> })}
                        <p class="actions">
                            {match done.clone() {
                                Some((label, to)) => view! { <a class="button primary" href=to.href()>{move || i18n.t(label)}</a> }.into_any(),
                                None => view! {
                                    <a class="button primary" href=Route::Lessons(Default::default()).href()>{i18n.tr(Key::BackToLessons)}</a>
                                    <a class="button" href=Route::MyWork.href()>{i18n.tr(Key::NavMyWork)}</a>
                                }.into_any(),
                            }}
                        </p>
                    </section>
                </Show>
                <div class="step-nav">
                    <button type="button" class="prev" disabled=move || index.get() == 0
                        on:click=move |_| go_prev(index.get_untracked().saturating_sub(1))>
                        <span aria-hidden="true">"← "</span>{i18n.tr(Key::Previous)}
                    </button>
                    <Show when=move || { index.get() + 1 < total }
                        fallback=move || view! { <button type="button" class="primary finish" on:click=finish.clone()>{i18n.tr(Key::Finish)}</button> }>
                        <button type="button" class="primary next" on:click={
                            let go_next = go_next.clone();
                            move |_| go_next(index.get_untracked() + 1)
                        }>
                            {i18n.tr(Key::Next)}<span aria-hidden="true">" →"</span>
                        </button>
                    </Show>
                </div>
            </div>
        </div>
    }
}

/// The links on from finished work (`core::next`): hand in the assignment it belongs to,
/// the next lesson of its course. Read when the celebration shows.
#[component]
fn WhatNext(work: WorkRef) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let content = use_content();
    Effect::new(move |_| {
        content.ensure_unsummarised::<Course>();
        content.ensure_unsummarised::<Lesson>();
    });
    let links = Memo::new(move |_| {
        let courses: Vec<(Id, Arc<Hashed<CourseSummary>>)> = content
            .ids(ContentKind::Course)
            .into_iter()
            .filter_map(|id| match content.card::<Course>(&id) {
                Card::Ready(c) => Some((Id::new(&id)?, c)),
                _ => None,
            })
            .collect();
        let courses: Vec<(Id, &CourseSummary)> = courses
            .iter()
            .map(|(id, c)| (id.clone(), &c.summary))
            .collect();
        let assignments: Vec<Assignment> = store.with_list(|p| {
            p.live_work()
                .filter(|(r, _)| r.kind == WorkKind::Assigned)
                .map(|(r, w)| Assignment::from_work(&r.id, Some(w)))
                .collect()
        });
        let finished = |lesson: &Id| {
            store.with_work(&WorkRef::lesson(lesson.as_str()), |w| {
                w.is_some_and(|w| w.completed.is_some())
            })
        };
        what_comes_next(&work, &courses, &assignments, finished)
    });
    let lesson_title = move |id: &Id| match content.card::<Lesson>(id.as_str()) {
        Card::Ready(s) => i18n.text(&s.summary.title),
        _ => id.to_string(),
    };
    move || {
        let links = links.get();
        (!links.is_empty()).then(|| {
            view! {
                <nav class="what-next" aria-labelledby="what-next-title">
                    <h3 id="what-next-title">{i18n.t(Key::WhatNext)}</h3>
                    <ul>
                        {links.into_iter().map(|next| {
                            let (href, text) = match next {
                                Next::HandIn { assignment, title } => {
                                    let title = if title.is_empty() { i18n.t(Key::Untitled).to_string() } else { title };
                                    (Route::Assigned { id: assignment }.href(), i18n.f(Key::NextHandIn, &[("title", &title)]))
                                }
                                Next::NextLesson { course_title, lesson, .. } => (
                                    Route::Lesson { id: lesson.to_string(), step: None }.href(),
                                    i18n.f(Key::NextLesson, &[("lesson", &lesson_title(&lesson)), ("course", &i18n.text(&course_title))]),
                                ),
                                Next::CourseDone { course, course_title } => (
                                    Route::Course { id: course.to_string() }.href(),
                                    i18n.f(Key::NextCourseDone, &[("course", &i18n.text(&course_title))]),
                                ),
                                Next::Entry { project } => (
                                    Route::Project { id: project, view: ProjectView::Entry }.href(),
                                    i18n.t(Key::GoToEntry).to_string(),
                                ),
                            };
                            view! { <li><a class="button" href=href>{text}</a></li> }
                        }).collect_view()}
                    </ul>
                </nav>
            }
        })
    }
}

fn step_type(slot: &StepSlot) -> String {
    match slot {
        StepSlot::Ready(s) => s.type_name().to_string(),
        StepSlot::Broken(b) => b.kind.clone().unwrap_or_else(|| "broken".into()),
    }
}

/// The name of a step in the list: its title, else its question, else what kind of step
/// it is ("Afstemning") — never just a number.
fn step_label(slot: &StepSlot) -> impl Fn(crate::core::text::Lang) -> String + Clone {
    let text: Option<Text> = slot.ready().and_then(Step::label).cloned();
    let kind = step_kind(&step_type(slot));
    move |lang| match &text {
        Some(t) => t.get(lang).to_string(),
        None => crate::core::i18n::t(lang, kind).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::shown_step;

    fn shown(wanted: Option<&str>) -> usize {
        let ids = [Some("a"), None, Some("c")];
        shown_step(ids.into_iter(), wanted)
    }

    /// The step asked for (in the address, or where the pupil left off) when the lesson has
    /// it; the first otherwise (a step since removed from the content, or none asked for).
    #[test]
    fn the_step_shown_is_the_one_asked_for_else_the_first() {
        assert_eq!(shown(Some("c")), 2);
        assert_eq!(shown(Some("a")), 0);
        assert_eq!(shown(Some("gone")), 0);
        assert_eq!(shown(None), 0);
    }
}
