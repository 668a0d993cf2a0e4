//! A vote step: dot-vote the ideas of a brainstorm step, or score them 1–5 on criteria.

use super::StepCtx;
use crate::app::i18n::use_i18n;
use crate::core::content::step::VoteStep;
use crate::core::content::{Step, StepSlot};
use crate::core::i18n::Key;
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::{Answer, Idea, RecordId};
use crate::core::text::Text;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn VoteView(step: VoteStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let source = ctx.steps.iter().find_map(|s| match s {
        StepSlot::Ready(Step::Brainstorm(b)) if b.id == step.from => Some(b.clone()),
        _ => None,
    });
    let from = step.from.to_string();
    let source_answer = ctx.answer(&from);
    let ideas = move || {
        source_answer.with(|a| {
            ideas_in_order(a.as_ref())
                .into_iter()
                .filter(|(_, i)| !i.text.trim().is_empty())
                .collect::<Vec<_>>()
        })
    };
    let source_name = source
        .map(|b| b.title.unwrap_or(b.question))
        .unwrap_or_else(|| Text::plain(&from));
    let source_href = ctx.work.route(Some(from.clone())).href();
    let criteria = step.criteria.clone().filter(|c| !c.is_empty());
    let votes = step.votes();
    let body = move || {
        let list = ideas();
        if list.is_empty() {
            let name = i18n.text(&source_name);
            return view! {
                <p class="notice notice-info vote-empty">
                    <a href=source_href.clone()>{i18n.f(Key::VoteNoIdeas, &[("step", &name)])}</a>
                </p>
            }
            .into_any();
        }
        match criteria.clone() {
            Some(criteria) => view! { <Scores step_id=step.id.to_string() ideas=list criteria=criteria ctx=ctx.clone()/> }.into_any(),
            None => view! { <Dots step_id=step.id.to_string() ideas=list votes=votes ctx=ctx.clone()/> }.into_any(),
        }
    };
    view! { <div class="vote">{body}</div> }
}

#[component]
fn Dots(step_id: String, ideas: Vec<(RecordId, Idea)>, votes: u32, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ctx.answer(&step_id);
    let dots = move || match answer.get() {
        Some(Answer::Dots { dots }) => dots,
        _ => BTreeMap::new(),
    };
    let used = move || dots().values().sum::<u32>();
    let change = move |idea: &RecordId, delta: i32| {
        let mut d = dots();
        let idea = idea.to_string();
        let current = d.get(&idea).copied().unwrap_or(0);
        let next = if delta > 0 {
            if used() >= votes {
                return;
            }
            current + 1
        } else {
            current.saturating_sub(1)
        };
        if next == 0 {
            d.remove(&idea);
        } else {
            d.insert(idea, next);
        }
        ctx.save(&step_id, Answer::Dots { dots: d });
    };
    view! {
        <p class="dots-left" role="status" aria-live="polite">
            {move || i18n.f(Key::VoteDotsLeft, &[("n", &votes.saturating_sub(used()).to_string())])}
        </p>
        <ul class="vote-list">
            {ideas.into_iter().map(|(id, idea)| {
                let (text_add, text_remove) = (idea.text.clone(), idea.text.clone());
                let change = change.clone();
                let change2 = change.clone();
                let key = id.to_string();
                let (add_id, remove_id) = (id.clone(), id.clone());
                let count = Signal::derive(move || dots().get(&key).copied().unwrap_or(0));
                view! {
                    <li class="vote-item" data-idea=id.to_string()>
                        <span class="idea-text">{idea.text.clone()}</span>
                        <span class="dots" aria-hidden="true">{move || "●".repeat(count.get() as usize)}</span>
                        <span class="dot-count">{move || i18n.f(Key::VoteDots, &[("n", &count.get().to_string())])}</span>
                        <button type="button" class="icon remove-dot" disabled=move || count.get() == 0
                            aria-label=move || i18n.f(Key::VoteRemoveDot, &[("idea", &text_remove)])
                            on:click=move |_| change2(&remove_id, -1)>"−"</button>
                        <button type="button" class="icon add-dot" disabled=move || { used() >= votes }
                            aria-label=move || i18n.f(Key::VoteAddDot, &[("idea", &text_add)])
                            on:click=move |_| change(&add_id, 1)>"+"</button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Scores(
    step_id: String,
    ideas: Vec<(RecordId, Idea)>,
    criteria: Vec<Text>,
    ctx: StepCtx,
) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ctx.answer(&step_id);
    let scores = move || match answer.get() {
        Some(Answer::Scores { scores }) => scores,
        _ => BTreeMap::new(),
    };
    let n = criteria.len();
    let set = move |idea: &RecordId, criterion: usize, value: u8| {
        let mut all = scores();
        let row = all.entry(idea.to_string()).or_insert_with(|| vec![0; n]);
        row.resize(n, 0);
        row[criterion] = value;
        ctx.save(&step_id, Answer::Scores { scores: all });
    };
    view! {
        <ul class="score-list">
            {ideas.into_iter().map(|(id, idea)| {
                let key = id.to_string();
                let total = Signal::derive(move || scores().get(&key).map(|r| r.iter().map(|&s| s as u32).sum::<u32>()).unwrap_or(0));
                view! {
                    <li class="score-item" data-idea=id.to_string()>
                        <h3>{idea.text.clone()}</h3>
                        <div class="score-fields">
                        {criteria.iter().enumerate().map(|(c, criterion)| {
                            let criterion = criterion.clone();
                            let select_id = format!("score-{id}-{c}");
                            let set = set.clone();
                            let key = id.to_string();
                            let set_id = id.clone();
                            let value = Signal::derive(move || scores().get(&key).and_then(|r| r.get(c).copied()).unwrap_or(0));
                            view! {
                                <div class="field">
                                    <label for=select_id.clone()>{i18n.text_of(criterion)}</label>
                                    <select id=select_id prop:value=move || value.get().to_string()
                                        on:change=move |ev| set(&set_id, c, event_target_value(&ev).parse().unwrap_or(0))>
                                        <option value="0">"–"</option>
                                        {(1..=5u8).map(|v| view! { <option value=v.to_string() selected=move || value.get() == v>{v}</option> }).collect_view()}
                                    </select>
                                </div>
                            }
                        }).collect_view()}
                        </div>
                        <p class="score-total">{move || i18n.f(Key::VoteTotal, &[("n", &total.get().to_string())])}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
