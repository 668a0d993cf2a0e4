//! Pitch practice for a projector: the section to speak now in large type, what comes
//! next, a timer per section and for the whole pitch, an optional read-through by speech
//! synthesis, and a count of rehearsals (kept with the pitch step's answer).

use super::ProjectCtx;
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::app::widgets::{mmss, ReadAloud};
use crate::core::content::step::PitchStep;
use crate::core::content::Step;
use crate::core::i18n::Key;
use crate::core::progress::Answer;
use crate::core::route::ProjectView;
use crate::core::text::spoken;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    // The running interval (not Send, so not in a signal).
    static TICK: RefCell<Option<gloo_timers::callback::Interval>> = const { RefCell::new(None) };
}

fn stop_ticking() {
    TICK.with(|t| t.borrow_mut().take());
}

#[component]
pub fn PitchPractice(ctx: ProjectCtx) -> impl IntoView {
    let i18n = use_i18n();
    // The challenge's last pitch step is the one presented at the end.
    let pitch: Option<PitchStep> = ctx
        .challenge
        .steps()
        .filter_map(|s| s.ready())
        .filter_map(|s| match s {
            Step::Pitch(p) => Some(p.clone()),
            _ => None,
        })
        .last();
    let Some(pitch) = pitch else {
        return view! {
            <section class="pitch-practice"><h2>{i18n.tr(Key::PitchPractice)}</h2>
            <p>{i18n.tr(Key::NoPitch)}</p></section>
        }
        .into_any();
    };
    view! { <Practice ctx=ctx pitch=pitch/> }.into_any()
}

#[component]
fn Practice(ctx: ProjectCtx, pitch: PitchStep) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = ctx.work.clone();
    let step_id = pitch.id.to_string();
    let answer = {
        let (work, step_id) = (work.clone(), step_id.clone());
        Memo::new(move |_| match store.answer(&work, &step_id) {
            Some(Answer::Pitch {
                sections,
                rehearsals,
            }) => (sections, rehearsals),
            _ => (Vec::new(), 0),
        })
    };
    let titles = pitch.sections.clone();
    let n = titles.len().max(1);
    let total = pitch.seconds.max(1);
    let per = (total / n as u32).max(1);
    let elapsed = RwSignal::new(0u32);
    let running = RwSignal::new(false);
    let done = RwSignal::new(false);
    let section = Memo::new(move |_| ((elapsed.get() / per) as usize).min(n - 1));
    let announcement = RwSignal::new(String::new());
    let title_of = {
        let titles = titles.clone();
        move |i: usize| titles.get(i).map(|t| i18n.text(t)).unwrap_or_default()
    };
    let count_rehearsal = {
        let (work, step_id) = (work.clone(), step_id.clone());
        move || {
            let (mut sections, rehearsals) = answer.get_untracked();
            sections.resize(n.max(sections.len()), String::new());
            store.set_answer(
                &work,
                &step_id,
                Answer::Pitch {
                    sections,
                    rehearsals: rehearsals + 1,
                },
            );
        }
    };
    let finish = {
        let count_rehearsal = count_rehearsal.clone();
        move || {
            stop_ticking();
            running.set(false);
            if !done.get_untracked() {
                done.set(true);
                count_rehearsal();
                announcement.set(i18n.f(
                    Key::PitchPracticeDone,
                    &[("n", &(answer.get_untracked().1).to_string())],
                ));
            }
        }
    };
    // Announce each new section to screen readers (the timer itself is not read out).
    {
        let title_of = title_of.clone();
        Effect::new(move |previous: Option<usize>| {
            let i = section.get();
            if previous.is_some_and(|p| p != i) || (previous.is_none() && running.get_untracked()) {
                let next = if i + 1 < n {
                    title_of(i + 1)
                } else {
                    String::new()
                };
                announcement
                    .set(i18n.f(Key::PitchNowNext, &[("now", &title_of(i)), ("next", &next)]));
            }
            i
        });
    }
    let start = {
        let finish = finish.clone();
        let title_of = title_of.clone();
        move |_| {
            if done.get_untracked() {
                done.set(false);
                elapsed.set(0);
            }
            running.set(true);
            let finish = finish.clone();
            let interval = gloo_timers::callback::Interval::new(1000, move || {
                let now = elapsed.get_untracked() + 1;
                elapsed.set(now.min(total));
                if now >= total {
                    finish();
                }
            });
            TICK.with(|t| *t.borrow_mut() = Some(interval));
            announcement.set(i18n.f(
                Key::PitchNowNext,
                &[("now", &title_of(section.get_untracked())), ("next", "")],
            ));
        }
    };
    let pause = move |_| {
        stop_ticking();
        running.set(false);
    };
    let next = {
        let finish = finish.clone();
        move |_| {
            let i = section.get_untracked();
            if i + 1 >= n {
                finish();
            } else {
                elapsed.set((i as u32 + 1) * per);
            }
        }
    };
    let restart = move |_| {
        stop_ticking();
        running.set(false);
        done.set(false);
        elapsed.set(0);
        announcement.set(String::new());
    };
    on_cleanup(stop_ticking);
    let read_through =
        {
            let titles = titles.clone();
            Signal::derive(move || {
                let (sections, _) = answer.get();
                spoken(titles.iter().enumerate().flat_map(|(i, t)| {
                    [i18n.text(t), sections.get(i).cloned().unwrap_or_default()]
                }))
            })
        };
    let edit_href = ctx.route(ProjectView::Step(step_id.clone())).href();
    let (now_title, next_title) = (title_of.clone(), title_of);
    view! {
        <section class="pitch-practice" aria-labelledby="pitch-title">
            <h2 id="pitch-title">{i18n.tr(Key::PitchPractice)}</h2>
            <p class="muted no-print">{move || i18n.f(Key::PitchPracticeIntro, &[("time", &mmss(total))])}" "<a href=edit_href>{i18n.tr(Key::PitchEditText)}</a></p>
            <div class="pitch-stage" class:pitch-done=move || done.get()>
                <p class="pitch-now-label">{move || if done.get() { i18n.t(Key::TimerDone).to_string() } else { i18n.f(Key::PitchSectionOf, &[("n", &(section.get() + 1).to_string()), ("m", &n.to_string())]) }}</p>
                <p class="pitch-now" id="pitch-now">{move || now_title(section.get())}</p>
                <p class="pitch-text">{move || {
                    let text = answer.get().0.get(section.get()).cloned().unwrap_or_default();
                    if text.trim().is_empty() { i18n.t(Key::PitchNoText).to_string() } else { text }
                }}</p>
                <p class="pitch-next" id="pitch-next">{move || {
                    let i = section.get();
                    if i + 1 < n { i18n.f(Key::PitchNextSection, &[("section", &next_title(i + 1))]) } else { i18n.t(Key::PitchLast).to_string() }
                }}</p>
                <div class="pitch-clock">
                    <span class="pitch-section-time" role="timer" aria-label=i18n.tr(Key::PitchSectionTime)>
                        {move || { let left_in = per - (elapsed.get() % per).min(per); mmss(if section.get() + 1 == n { total - elapsed.get() } else { left_in }) }}
                    </span>
                    <span class="pitch-total muted">{move || i18n.f(Key::PitchTotalLeft, &[("time", &mmss(total - elapsed.get()))])}</span>
                </div>
            </div>
            <p class="actions pitch-controls">
                <Show when=move || running.get()
                    fallback=move || { let start = start.clone(); view! { <button type="button" class="primary" on:click=start>{i18n.tr(Key::PitchStart)}</button> } }>
                    <button type="button" on:click=pause>{i18n.tr(Key::TimerPause)}</button>
                </Show>
                <button type="button" on:click=next>{move || if section.get() + 1 >= n { i18n.t(Key::PitchFinish) } else { i18n.t(Key::PitchNextButton) }}</button>
                <button type="button" on:click=restart>{i18n.tr(Key::PitchRestart)}</button>
                <ReadAloud text=read_through/>
            </p>
            <p class="rehearsals" id="pitch-rehearsals">{move || i18n.f(Key::PitchRehearsals, &[("n", &answer.get().1.to_string())])}</p>
            <p class="visually-hidden" aria-live="polite" id="pitch-announcement">{move || announcement.get()}</p>
        </section>
    }
}
