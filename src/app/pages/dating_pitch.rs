//! Pitch rounds for the organiser: the idea owners in a running order, a timer for the
//! projector with colour and text cues and a silent end, and the vote — anonymous on one
//! device passed around, or a tally typed in. The votes are dots of the event's `votes`
//! step; forming teams reads them, so popular ideas anchor teams first.

use super::dating_event::use_event_profiles;
use crate::app::browser;
use crate::app::i18n::{tr, use_i18n};
use crate::app::store::use_store;
use crate::app::widgets::{mmss, ConfirmButton};
use crate::core::dating::event::{
    ids_prop, move_in_order, read_ids, results, running_order, votes_of, EventSettings, PROP_ORDER,
    PROP_SECONDS, VOTES_STEP,
};
use crate::core::dating::pitch::{cue, Cue};
use crate::core::i18n::Key;
use crate::core::progress::{Answer, RecordId, WorkRef};
use crate::core::route::Route;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;

thread_local! {
    // The running pitch clock (an Interval is not Send, so it is kept here).
    static CLOCK: RefCell<Option<gloo_timers::callback::Interval>> = const { RefCell::new(None) };
}

fn stop_clock() {
    CLOCK.with(|c| c.borrow_mut().take());
}

#[component]
pub fn PitchPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    Effect::new(move |_| super::set_title(i18n.t(Key::PitchTitle)));
    let profiles = use_event_profiles();
    let order = Memo::new(move |_| {
        let saved = store.with_work(&WorkRef::event(), |w| {
            w.and_then(|w| w.prop(PROP_ORDER))
                .unwrap_or_default()
                .to_string()
        });
        profiles.with(|p| running_order(&p.0, &read_ids(&saved, &p.0)))
    });
    let seconds = Memo::new(move |_| {
        store
            .with_work(&WorkRef::event(), EventSettings::from_work)
            .seconds
    });
    let title_of = move |id: &RecordId| {
        profiles.with(|p| {
            p.0.get(id)
                .map(|p| {
                    (
                        p.name.clone(),
                        p.idea.as_ref().map(|i| i.title.clone()).unwrap_or_default(),
                    )
                })
                .unwrap_or_default()
        })
    };
    let move_item = move |id: RecordId, by: i32| {
        let next = move_in_order(&order.get_untracked(), &id, by);
        store.set_props(&WorkRef::event(), &[(PROP_ORDER, ids_prop(&next))]);
        let dir = if by < 0 { "up" } else { "down" };
        browser::focus_id(&format!("order-{dir}-{id}"));
    };
    view! {
        <div data-page="dating-pitch" class="page dating-pitch-page">
            <p class="no-print"><a href=Route::Dating.href()>{tr(Key::DatingTitle)}</a>" · "<a href=Route::DatingEvent.href()>{tr(Key::ToOrganiser)}</a></p>
            <h1 id="page-title" tabindex="-1">{tr(Key::PitchTitle)}</h1>
            <p class="lead">{tr(Key::PitchIntro)}</p>
            <section aria-labelledby="order-title">
                <h2 id="order-title">{tr(Key::RunningOrderTitle)}</h2>
                {move || if order.with(Vec::is_empty) {
                    view! { <p class="empty">{tr(Key::RunningOrderEmpty)}</p> }.into_any()
                } else {
                    let list = order.get();
                    let last = list.len() - 1;
                    view! {
                        <ol class="running-order">
                            {list.into_iter().enumerate().map(|(i, id)| {
                                let (name, title) = title_of(&id);
                                let (up, down) = (id.clone(), id.clone());
                                let label = format!("{title} ({name})");
                                let (l1, l2) = (label.clone(), label.clone());
                                view! {
                                    <li>
                                        <span>{label}</span>" "
                                        <button type="button" id=format!("order-up-{id}") disabled={i == 0}
                                            aria-label=i18n.f(Key::MoveUp, &[("item", &l1)]) on:click=move |_| move_item(up.clone(), -1)>"↑"</button>
                                        <button type="button" id=format!("order-down-{id}") disabled={i == last}
                                            aria-label=i18n.f(Key::MoveDown, &[("item", &l2)]) on:click=move |_| move_item(down.clone(), 1)>"↓"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                <div class="field">
                    <label for="pitch-seconds">{tr(Key::PitchSeconds)}</label>
                    <input id="pitch-seconds" type="number" min="10" max="600" prop:value=move || seconds.get().to_string()
                        on:change=move |ev| store.set_props(&WorkRef::event(), &[(PROP_SECONDS, event_target_value(&ev))])/>
                </div>
            </section>
            {move || (!order.with(Vec::is_empty)).then(|| view! { <Stage order=order seconds=seconds/> })}
            <Vote order=order/>
        </div>
    }
}

/// The projector view of the current pitch.
#[component]
fn Stage(order: Memo<Vec<RecordId>>, seconds: Memo<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let profiles = use_event_profiles();
    let at = RwSignal::new(0usize);
    let left = RwSignal::new(seconds.get_untracked());
    let running = RwSignal::new(false);
    on_cleanup(stop_clock);
    // A new pitch length resets the clock.
    Effect::new(move |_| {
        let s = seconds.get();
        stop_clock();
        running.set(false);
        left.set(s);
    });
    let current = move || {
        let list = order.get();
        let i = at.get().min(list.len().saturating_sub(1));
        list.get(i)
            .and_then(|id| profiles.with(|p| p.0.get(id).cloned()))
    };
    let state = move || cue(left.get(), seconds.get(), running.get());
    let start = move |_| {
        if left.get_untracked() == 0 {
            left.set(seconds.get_untracked());
        }
        stop_clock();
        running.set(true);
        let tick = move || {
            let now = left.get_untracked().saturating_sub(1);
            left.set(now);
            if now == 0 {
                running.set(false);
                stop_clock();
            }
        };
        CLOCK.with(|c| *c.borrow_mut() = Some(gloo_timers::callback::Interval::new(1000, tick)));
    };
    let pause = move |_| {
        stop_clock();
        running.set(false);
    };
    let reset = move || {
        stop_clock();
        running.set(false);
        left.set(seconds.get_untracked());
    };
    let go = move |by: i64| {
        let n = order.with_untracked(Vec::len) as i64;
        let next = (at.get_untracked() as i64 + by).clamp(0, (n - 1).max(0));
        at.set(next as usize);
        reset();
    };
    let cue_text = move || match state() {
        Cue::Ready => i18n.t(Key::PitchCueReady).to_string(),
        Cue::Go => i18n.t(Key::PitchCueGo).to_string(),
        Cue::Soon => format!(
            "{} – {}",
            i18n.t(Key::PitchCueSoon),
            i18n.f(Key::PitchSecondsLeft, &[("n", &left.get().to_string())])
        ),
        Cue::Over => i18n.t(Key::PitchCueOver).to_string(),
    };
    // Spoken once per change of stage, not every second.
    let cue_said = Memo::new(move |_| state());
    view! {
        <section class="pitch-stage-wrap" aria-labelledby="stage-title">
            <h2 id="stage-title">{move || i18n.f(Key::PitchNow, &[("n", &(at.get() + 1).to_string()), ("m", &order.with(Vec::len).to_string())])}</h2>
            <div id="pitch-stage" class=move || format!("pitch-stage {}", state().class()) data-cue=move || state().class()>
                <p class="stage-name">{move || current().map(|p| p.name).unwrap_or_default()}</p>
                <p class="stage-idea">{move || current().and_then(|p| p.idea).map(|i| i.title).unwrap_or_default()}</p>
                <p class="stage-time" role="timer" aria-atomic="true">{move || mmss(left.get())}</p>
                <p class="stage-cue">{cue_text}</p>
            </div>
            <p class="visually-hidden" aria-live="assertive">{move || match cue_said.get() {
                Cue::Soon => i18n.t(Key::PitchCueSoon).to_string(),
                Cue::Over => i18n.t(Key::PitchCueOver).to_string(),
                _ => String::new(),
            }}</p>
            <p class="actions">
                {move || if running.get() {
                    view! { <button type="button" on:click=pause>{tr(Key::PitchPause)}</button> }.into_any()
                } else {
                    view! { <button type="button" class="primary" on:click=start>{tr(Key::PitchStart)}</button> }.into_any()
                }}
                " "
                <button type="button" on:click=move |_| reset()>{tr(Key::PitchReset)}</button>
                " "
                <button type="button" on:click=move |_| go(-1) disabled=move || at.get() == 0>{tr(Key::PitchPrevious)}</button>
                " "
                <button type="button" on:click=move |_| go(1) disabled={move || at.get() + 1 >= order.with(Vec::len)}>{tr(Key::PitchNext)}</button>
                " "
                <button type="button" on:click=move |_| browser::toggle_fullscreen("pitch-stage")>{tr(Key::PitchFullscreen)}</button>
            </p>
        </section>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Pass,
    Tally,
}

#[component]
fn Vote(order: Memo<Vec<RecordId>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let profiles = use_event_profiles();
    let mode = RwSignal::new(Mode::Pass);
    let thanks = RwSignal::new(false);
    let show = RwSignal::new(false);
    let votes = Memo::new(move |_| votes_of(store.answer(&WorkRef::event(), VOTES_STEP).as_ref()));
    let title = move |id: &RecordId| {
        profiles.with(|p| {
            p.0.get(id)
                .map(|p| {
                    format!(
                        "{} ({})",
                        p.idea.as_ref().map(|i| i.title.clone()).unwrap_or_default(),
                        p.name
                    )
                })
                .unwrap_or_default()
        })
    };
    let set_votes = move |dots: BTreeMap<String, u32>| {
        store.set_answer(&WorkRef::event(), VOTES_STEP, Answer::Dots { dots })
    };
    let cast = move |id: RecordId| {
        let mut dots = votes.get_untracked();
        *dots.entry(id.to_string()).or_insert(0) += 1;
        set_votes(dots);
        thanks.set(true);
        browser::focus_id("next-voter");
    };
    let total = move || votes.with(|v| v.values().sum::<u32>());
    view! {
        <section class="vote" aria-labelledby="vote-title">
            <h2 id="vote-title">{tr(Key::VoteTitle)}</h2>
            <fieldset class="vote-mode">
                <legend class="visually-hidden">{tr(Key::VoteTitle)}</legend>
                <label class="check"><input type="radio" name="vote-mode" prop:checked=move || mode.get() == Mode::Pass on:change=move |_| mode.set(Mode::Pass)/>{tr(Key::VoteModePass)}</label>
                <label class="check"><input type="radio" name="vote-mode" prop:checked=move || mode.get() == Mode::Tally on:change=move |_| mode.set(Mode::Tally)/>{tr(Key::VoteModeTally)}</label>
            </fieldset>
            <p id="votes-cast" role="status">{move || i18n.f(Key::VoteCast, &[("n", &total().to_string())])}</p>
            {move || match mode.get() {
                Mode::Pass if thanks.get() => view! {
                    <div class="vote-thanks">
                        <p class="big">{tr(Key::VoteThanks)}</p>
                        <button type="button" class="primary" id="next-voter" on:click=move |_| thanks.set(false)>{tr(Key::VoteNextVoter)}</button>
                    </div>
                }.into_any(),
                Mode::Pass => view! {
                    <ul class="vote-choices">
                        {order.get().into_iter().map(|id| {
                            let label = title(&id);
                            view! { <li><button type="button" class="vote-button" on:click=move |_| cast(id.clone())>{i18n.f(Key::VoteFor, &[("title", &label)])}</button></li> }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Mode::Tally => view! {
                    <div class="tally">
                        {order.get().into_iter().map(|id| {
                            let fid = format!("tally-{id}");
                            let key = id.to_string();
                            let read_key = key.clone();
                            view! {
                                <div class="field">
                                    <label for=fid.clone()>{i18n.f(Key::VotesFor, &[("title", &title(&id))])}</label>
                                    <input id=fid type="number" min="0" max="9999" inputmode="numeric"
                                        prop:value=move || votes.with(|v| v.get(&read_key).copied().unwrap_or(0)).to_string()
                                        on:change=move |ev| {
                                            let n = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0).min(9999);
                                            let mut dots = votes.get_untracked();
                                            dots.insert(key.clone(), n);
                                            set_votes(dots);
                                        }/>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }.into_any(),
            }}
            <p class="actions">
                <button type="button" aria-expanded=move || show.get().to_string() aria-controls="vote-results" on:click=move |_| show.update(|s| *s = !*s)>
                    {move || i18n.t(if show.get() { Key::HideResults } else { Key::ShowResults })}
                </button>
                " "
                <ConfirmButton id="clear-votes" label=Key::ClearVotes confirm=Key::ClearVotes on_confirm=Callback::new(move |_| set_votes(BTreeMap::new()))/>
            </p>
            <div id="vote-results">
                {move || show.get().then(|| view! {
                    <h3>{tr(Key::ResultsTitle)}</h3>
                    <ol class="results">
                        {results(&order.get(), &votes.get()).into_iter().map(|(id, n)| view! {
                            <li>{title(&id)}": "{i18n.f(Key::VoteN, &[("n", &n.to_string())])}</li>
                        }).collect_view()}
                    </ol>
                    <p>{tr(Key::ResultsFeed)}" "<a href=Route::DatingEvent.href()>{tr(Key::ToOrganiser)}</a></p>
                })}
            </div>
        </section>
    }
}
