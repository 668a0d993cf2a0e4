//! The idea funnel in a project: under the vote, the ranking with a button to choose an idea;
//! on every later step, the chosen idea at the top, editable there.

use super::ProjectCtx;
use crate::app::i18n::use_i18n;
use crate::app::router::use_router;
use crate::app::store::use_store;
use crate::core::i18n::Key;
use crate::core::progress::WorkRef;
use crate::core::project::funnel::{chosen_idea, ranking, shows_idea, vote_step, ChosenIdea};
use crate::core::project::PROP_IDEA;
use leptos::prelude::*;

/// The step the team is on: the one in the URL, else where they left off.
fn current_step(work: &WorkRef) -> Option<String> {
    let router = use_router();
    let store = use_store();
    router
        .route
        .with(|r| WorkRef::of_route(r).and_then(|(_, s)| s))
        .or_else(|| store.with_work(work, |w| w.and_then(|w| w.at_step.clone())))
}

/// The chosen idea at the top of every step after the vote (`always`: on the overview).
#[component]
pub fn IdeaBanner(ctx: ProjectCtx, always: bool) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let c = ctx.challenge.clone();
    let work = ctx.work.clone();
    let shown = {
        let (c, work) = (c.clone(), work.clone());
        Memo::new(move |_| always || current_step(&work).is_some_and(|s| shows_idea(&c, &s)))
    };
    let idea = {
        let (c, work) = (c.clone(), work.clone());
        Memo::new(move |_| {
            // The leading idea follows every dot, so the vote's answers are read tracked.
            if let Some(v) = vote_step(&c) {
                let _ = store.answer(&work, v.from.as_str());
                let _ = store.answer(&work, v.id.as_str());
            }
            store.with_work(&work, |w| chosen_idea(&c, w))
        })
    };
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    // A callback (Copy), so the views inside `Show` can use it as often as they render.
    let save = {
        let work = work.clone();
        Callback::new(move |_: ()| {
            let text = draft.get_untracked().trim().to_string();
            if !text.is_empty() {
                store.update_work(&work, |p, now| p.set_prop(&work, PROP_IDEA, &text, now));
            }
            editing.set(false);
            crate::app::browser::focus_id("idea-edit");
        })
    };
    view! {
        <Show when=move || shown.get() && idea.get() != ChosenIdea::None>
            <aside class="idea-banner" aria-labelledby="idea-banner-title">
                <h2 id="idea-banner-title" class="idea-banner-title">{i18n.tr(Key::OurIdea)}</h2>
                <Show when=move || editing.get()
                    fallback=move || view! {
                        <p class="idea-text" id="chosen-idea">{move || idea.get().text().unwrap_or_default().to_string()}</p>
                        <Show when=move || matches!(idea.get(), ChosenIdea::Leading(_))>
                            <p class="muted">{i18n.tr(Key::IdeaLeading)}</p>
                        </Show>
                        <button type="button" id="idea-edit" on:click=move |_| {
                            draft.set(idea.get_untracked().text().unwrap_or_default().to_string());
                            editing.set(true);
                            crate::app::browser::focus_id("idea-draft");
                        }>{i18n.tr(Key::IdeaEdit)}</button>
                    }>
                    <form on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); save.run(()); }>
                        <div class="field">
                            <label for="idea-draft">{i18n.tr(Key::OurIdea)}</label>
                            <textarea id="idea-draft" rows="3" maxlength="500"
                                prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                        </div>
                        <p class="actions">
                            <button type="submit" class="primary">{i18n.tr(Key::IdeaSave)}</button>
                            <button type="button" on:click=move |_| editing.set(false)>{i18n.tr(Key::Cancel)}</button>
                        </p>
                    </form>
                </Show>
            </aside>
        </Show>
    }
}

/// Under the funnel's vote: the ideas by votes, and choosing the one to go on with.
#[component]
pub fn ChooseIdea(ctx: ProjectCtx) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let c = ctx.challenge.clone();
    let work = ctx.work.clone();
    let Some(vote) = vote_step(&c).cloned() else {
        return ().into_any();
    };
    let vote_id = vote.id.to_string();
    let here = {
        let work = work.clone();
        Memo::new(move |_| current_step(&work).as_deref() == Some(vote_id.as_str()))
    };
    let ranked = {
        let work = work.clone();
        Memo::new(move |_| {
            // Reads the two answers it ranks from, so it follows every dot.
            let _ = store.answer(&work, vote.from.as_str());
            let _ = store.answer(&work, vote.id.as_str());
            store.with(|p| ranking(p.work(&work), &vote))
        })
    };
    let chosen = {
        let (c, work) = (c.clone(), work.clone());
        Memo::new(move |_| store.with_work(&work, |w| chosen_idea(&c, w)))
    };
    let choose = {
        let work = work.clone();
        Callback::new(move |text: String| {
            store.update_work(&work, |p, now| p.set_prop(&work, PROP_IDEA, &text, now));
        })
    };
    view! {
        <Show when=move || here.get() && !ranked.get().is_empty()>
            <section class="choose-idea card" aria-labelledby="choose-idea-title">
                <h2 id="choose-idea-title">{i18n.tr(Key::ChooseIdeaTitle)}</h2>
                <p>{i18n.tr(Key::ChooseIdeaIntro)}</p>
                <ol class="ranking">
                    <For each=move || ranked.get().into_iter().take(5) key=|r| (r.id.clone(), r.text.clone(), r.score) let:r>
                        {
                            let text = r.text.clone();
                            let is_chosen = {
                                let text = r.text.clone();
                                move || chosen.get() == ChosenIdea::Chosen(text.clone())
                            };
                            let label = r.text.clone();
                            view! {
                                <li class="ranked">
                                    <span class="ranked-text">{r.text.clone()}</span>
                                    <span class="muted">" · "{move || i18n.f(Key::VoteScoreShort, &[("n", &r.score.to_string())])}</span>
                                    {
                                        let is_chosen2 = is_chosen.clone();
                                        move || if is_chosen2() {
                                            view! { <strong class="chosen-mark">{i18n.t(Key::IdeaChosen)}</strong> }.into_any()
                                        } else {
                                            let text = text.clone();
                                            view! {
                                                <button type="button" class="choose"
                                                    aria-label=i18n.f(Key::ChooseThisIdea, &[("idea", &label)])
                                                    on:click=move |_| choose.run(text.clone())>
                                                    {i18n.t(Key::ChooseIdeaButton)}
                                                </button>
                                            }.into_any()
                                        }
                                    }
                                </li>
                            }
                        }
                    </For>
                </ol>
            </section>
        </Show>
    }
    .into_any()
}
