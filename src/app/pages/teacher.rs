//! The teacher page: the teacher's assignments, then every lesson, listed from the index's
//! summaries, with its teacher notes, lesson plan and (for lessons with a brainstorm) class
//! board. A lesson's file is fetched only when its notes are opened.

use crate::app::batch::{batched, CARDS_PER_TASK};
use crate::app::content::{use_content, Load};
use crate::app::i18n::use_i18n;
use crate::app::rich::rich_text;
use crate::app::startup::{Later, Stage};
use crate::app::widgets::{card_view, FileErrorView, LevelBadges, LoadingView};
use crate::core::content::{Challenge, ContentKind, Lesson};
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::core::teacher::board::board_steps;
use leptos::prelude::*;

#[component]
pub fn TeacherPage() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    Effect::new(move |_| super::set_title(i18n.t(Key::TeacherTitle)));
    Effect::new(move |_| content.ensure_unsummarised::<Lesson>());
    // Each card holds the lesson's teacher notes: drawn a batch per task.
    let ids = batched(
        Memo::new(move |_| content.ids(ContentKind::Lesson)),
        CARDS_PER_TASK,
    );
    view! {
        <div data-page="teacher" class="page teacher-page">
            <h1 id="page-title" tabindex="-1">{i18n.tr(Key::TeacherTitle)}</h1>
            <p class="lead">{i18n.tr(Key::TeacherIntro)}</p>
            <super::assignments::TeacherAssignments/>
            <h2 id="lessons-title">{i18n.tr(Key::TeacherLessonsTitle)}</h2>
            {move || content.index.get().and_then(|r| r.err()).map(|e| view! { <FileErrorView error=e/> })}
            <ul class="teacher-lessons">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    {
                        let card_id = id.clone();
                        let card = Memo::new(move |_| content.card::<Lesson>(&card_id));
                        move || match card_view(card.get()) {
                            Err(waiting) => waiting,
                            Ok(l) => {
                                let l = l.summary.clone();
                                let href = Route::Lesson { id: id.clone(), step: None }.href();
                                let title = l.title.clone();
                                let minutes = l.minutes;
                                view! {
                                    <li class="card teacher-lesson" data-lesson=id.clone()>
                                        <h3><a href=href>{i18n.text_of(title)}</a></h3>
                                        <LevelBadges levels=l.levels.clone()/>
                                        {minutes.map(|m| view! { <p class="muted">{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</p> })}
                                        <p><a class="plan-link" href=Route::Plan { challenge: false, id: id.clone() }.href()>{i18n.tr(Key::LessonPlan)}</a></p>
                                        <TeacherNotes id=id.clone()/>
                                    </li>
                                }.into_any()
                            }
                        }
                    }
                </For>
            </ul>
            // Below the lessons: at the start, drawn in the task after the top (see
            // startup::Stage::PageRest), which was the start's longest task.
            <Later at=Stage::PageRest><TeacherChallenges/></Later>
        </div>
    }
}

/// The notes of one lesson in a disclosure. Summaries do not carry the notes (they are
/// long and only teachers read them), so opening it fetches the lesson file.
#[component]
pub(crate) fn TeacherNotes(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let (load_id, notes_id) = (id.clone(), id);
    let notes =
        move || {
            if !content.requested::<Lesson>(&notes_id) {
                return None;
            }
            Some(match content.lesson(&notes_id) {
                Load::Loading => view! { <LoadingView/> }.into_any(),
                Load::Failed(e) => view! { <FileErrorView error=e/> }.into_any(),
                Load::Ready(l) => {
                    let notes = match l.value.teacher_notes.clone() {
                        Some(n) => {
                            view! { <div class="rich">{move || rich_text(&i18n.text(&n))}</div> }
                                .into_any()
                        }
                        None => view! { <p class="muted">{i18n.tr(Key::TeacherNotesNone)}</p> }
                            .into_any(),
                    };
                    // Steps the whole class can do together point to the class board.
                    let board = (!board_steps(&l.value.steps).is_empty()).then(|| {
                    let href = Route::Board { lesson: notes_id.clone(), step: None }.href();
                    view! {
                        <p class="board-pointer">
                            {i18n.tr(Key::BoardPointer)}" "
                            <a class="button board-link" href=href>{i18n.tr(Key::BoardTitle)}</a>
                        </p>
                    }
                });
                    view! { {notes}{board} }.into_any()
                }
            })
        };
    view! {
        // `toggle` fires on opening (and closing); loading is idempotent.
        <details class="teacher-notes" on:toggle=move |_| content.ensure_lesson(&load_id)>
            <summary>{i18n.tr(Key::TeacherNotes)}</summary>
            {notes}
        </details>
    }
}

/// Challenges for the teacher: time and materials per phase, who plays the host, the notes
/// (fetched when opened), and host briefs that make a local company's problem a challenge.
#[component]
fn TeacherChallenges() -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    Effect::new(move |_| content.ensure_unsummarised::<Challenge>());
    let ids = move || content.ids(ContentKind::Challenge);
    view! {
        <section class="teacher-challenges" aria-labelledby="teacher-challenges-title">
            <h2 id="teacher-challenges-title">{i18n.tr(Key::TeacherChallengesTitle)}</h2>
            <p>{i18n.tr(Key::TeacherChallengesIntro)}" "<a href=Route::HostBriefs.href()>{i18n.tr(Key::HostBriefsTitle)}</a></p>
            <ul class="teacher-lessons">
                <For each=ids key=|id| id.clone() let:id>
                    {
                        let card_id = id.clone();
                        let card = Memo::new(move |_| content.card::<Challenge>(&card_id));
                        move || match card_view(card.get()) {
                            Err(waiting) => waiting,
                            Ok(c) => {
                                let c = c.summary.clone();
                                let href = Route::Challenge { id: id.clone(), step: None }.href();
                                let title = c.title.clone();
                                let minutes = c.minutes;
                                view! {
                                    <li class="card teacher-challenge" data-challenge=id.clone()>
                                        <h3><a href=href>{i18n.text_of(title)}</a></h3>
                                        <LevelBadges levels=c.levels.clone()/>
                                        {minutes.map(|m| view! { <p class="muted">{move || i18n.f(Key::TotalTime, &[("time", &super::challenges::hours(m, i18n.lang()))])}</p> })}
                                        <ChallengeNotes id=id.clone()/>
                                    </li>
                                }.into_any()
                            }
                        }
                    }
                </For>
            </ul>
        </section>
    }
}

/// A challenge's notes, phases with time and materials, and stand-in host; the file is
/// fetched when the disclosure is opened.
#[component]
fn ChallengeNotes(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let (load_id, notes_id) = (id.clone(), id);
    let notes = move || {
        if !content.requested::<Challenge>(&notes_id) {
            return None;
        }
        Some(match content.challenge(&notes_id) {
            Load::Loading => view! { <LoadingView/> }.into_any(),
            Load::Failed(e) => view! { <FileErrorView error=e/> }.into_any(),
            Load::Ready(l) => {
                let c = l.value.clone();
                let stand_in = c.host.as_ref().and_then(|h| h.stand_in.clone());
                let notes = c.teacher_notes.clone();
                view! {
                    {match notes {
                        Some(n) => view! { <div class="rich">{move || rich_text(&i18n.text(&n))}</div> }.into_any(),
                        None => view! { <p class="muted">{i18n.tr(Key::TeacherNotesNone)}</p> }.into_any(),
                    }}
                    {stand_in.map(|s| view! { <p><strong>{i18n.tr(Key::StandIn)}": "</strong>{i18n.text_of(s)}</p> })}
                    <ol class="phase-plan">{c.phases.into_iter().map(|p| {
                        let title = p.title.clone();
                        let materials = p.materials.clone();
                        view! {
                            <li>
                                <strong>{i18n.text_of(title)}</strong>
                                {p.minutes.map(|m| view! { " · "{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])} })}
                                {(!materials.is_empty()).then(|| view! {
                                    <br/><span class="materials">{i18n.tr(Key::Materials)}": "{move || materials.iter().map(|m| i18n.text(m)).collect::<Vec<_>>().join(", ")}</span>
                                })}
                            </li>
                        }
                    }).collect_view()}</ol>
                }.into_any()
            }
        })
    };
    view! {
        <details class="teacher-notes" on:toggle=move |_| content.ensure_challenge(&load_id)>
            <summary>{i18n.tr(Key::TeacherNotes)}</summary>
            {notes}
        </details>
    }
}
