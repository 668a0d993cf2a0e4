//! Choice steps (one or several options, feedback where `correct` is given) and checklists.

use super::{Question, StepCtx};
use crate::app::content::media_url;
use crate::app::i18n::use_i18n;
use crate::core::content::step::{ChecklistStep, ChoiceStep};
use crate::core::i18n::Key;
use crate::core::progress::Answer;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn ChoiceView(step: ChoiceStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.to_string();
    let answer = ctx.answer(&id);
    let selected = move || match answer.get() {
        Some(Answer::Choice { selected }) => selected,
        _ => BTreeSet::new(),
    };
    let checked = RwSignal::new(false);
    let multiple = step.multiple;
    let correct: Option<BTreeSet<usize>> = step.correct.clone().map(crate::core::sort::to_set);
    let options = step.options.clone();
    let name = format!("choice-{id}");
    let legend_id = format!("legend-{id}");
    let toggle = {
        let (id, ctx) = (id.clone(), ctx.clone());
        move |i: usize| {
            let mut now = selected();
            if multiple {
                if !now.remove(&i) {
                    now.insert(i);
                }
            } else {
                now = BTreeSet::from([i]);
            }
            checked.set(false);
            ctx.save(&id, Answer::Choice { selected: now });
        }
    };
    let feedback = {
        let correct = correct.clone();
        let explanation = step.explanation.clone();
        move || {
            let correct = correct.clone()?;
            if !checked.get() {
                return None;
            }
            let right = selected() == correct;
            let explanation = explanation.clone();
            Some(view! {
                <div class=if right { "feedback feedback-right" } else { "feedback feedback-wrong" } role="status">
                    <p><strong>{i18n.t(if right { Key::Correct } else { Key::NotQuite })}</strong></p>
                    {explanation.filter(|_| right).map(|e| view! { <p>{i18n.text(&e)}</p> })}
                </div>
            })
        }
    };
    // Picture options are large tiles: the picture carries the option's text as its
    // alternative text (the input's accessible name), the caption under it is hidden from
    // assistive technology so the name is not read twice.
    let pictures = options.iter().any(|o| o.image.is_some());
    view! {
        <fieldset class="choice">
            <legend id=legend_id>
                <Question text=step.question.clone()/>
                <span class="muted">{move || i18n.t(if multiple { Key::ChooseSeveral } else { Key::ChooseOne })}</span>
            </legend>
            <ul class=if pictures { "options picture-options" } else { "options" }>
                {options.into_iter().enumerate().map(|(i, option)| {
                    let toggle = toggle.clone();
                    let input_id = format!("{name}-{i}");
                    let image = option.image.as_deref().and_then(media_url);
                    let text = option.text;
                    let label = match image {
                        Some(src) => {
                            let alt = text.clone();
                            view! {
                                <label for=input_id.clone() class="picture-option">
                                    <img src=src alt=i18n.text_of(alt) loading="lazy"/>
                                    <span aria-hidden="true">{i18n.text_of(text)}</span>
                                </label>
                            }.into_any()
                        }
                        None => view! { <label for=input_id.clone()>{i18n.text_of(text)}</label> }.into_any(),
                    };
                    view! {
                        <li>
                            <input type=if multiple { "checkbox" } else { "radio" } id=input_id.clone() name=name.clone()
                                prop:checked=move || selected().contains(&i)
                                on:change=move |_| toggle(i)/>
                            {label}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
        {correct.is_some().then(|| view! {
            <button type="button" class="check-answer" on:click=move |_| checked.set(true)
                disabled=move || selected().is_empty()>{i18n.tr(Key::CheckAnswer)}</button>
        })}
        {feedback}
    }
}

#[component]
pub fn ChecklistView(step: ChecklistStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.to_string();
    let answer = ctx.answer(&id);
    let checked = move || match answer.get() {
        Some(Answer::Checklist { checked }) => checked,
        _ => BTreeSet::new(),
    };
    let total = step.items.len();
    view! {
        <ul class="checklist">
            {step.items.into_iter().enumerate().map(|(i, item)| {
                let (id, ctx) = (id.clone(), ctx.clone());
                let input_id = format!("check-{id}-{i}");
                view! {
                    <li>
                        <input type="checkbox" id=input_id.clone() prop:checked=move || checked().contains(&i)
                            on:change=move |_| {
                                let mut now = checked();
                                if !now.remove(&i) { now.insert(i); }
                                ctx.save(&id, Answer::Checklist { checked: now });
                            }/>
                        <label for=input_id>{i18n.text_of(item)}</label>
                    </li>
                }
            }).collect_view()}
        </ul>
        <p class="muted checklist-count">{move || i18n.f(Key::ChecklistDone, &[("n", &checked().len().to_string()), ("m", &total.to_string())])}</p>
    }
}
