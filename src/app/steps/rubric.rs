//! A rubric step: the pupil rates their own work on each criterion, with a comment.

use super::StepCtx;
use crate::app::i18n::use_i18n;
use crate::core::content::step::RubricStep;
use crate::core::i18n::Key;
use crate::core::progress::{Answer, Rating};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn RubricView(step: RubricStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.to_string();
    let answer = ctx.answer(&id);
    let ratings = move || match answer.get() {
        Some(Answer::Rubric { ratings }) => ratings,
        _ => BTreeMap::new(),
    };
    let scale = step.scale();
    let update = {
        let (id, ctx) = (id.clone(), ctx.clone());
        move |criterion: String, change: &dyn Fn(&mut Rating)| {
            let mut all = ratings();
            change(all.entry(criterion).or_default());
            ctx.save(&id, Answer::Rubric { ratings: all });
        }
    };
    view! {
        <div class="rubric">
            {step.criteria.into_iter().map(|criterion| {
                let cid = criterion.id.to_string();
                let name = format!("rubric-{id}-{cid}");
                let title = criterion.title.clone();
                let description = criterion.description.clone();
                let (update_score, update_comment) = (update.clone(), update.clone());
                let (c1, c2, c3) = (cid.clone(), cid.clone(), cid.clone());
                let rating = move |c: &str| ratings().get(c).cloned().unwrap_or_default();
                let comment_node = NodeRef::<leptos::html::Textarea>::new();
                crate::app::widgets::sync_value(comment_node, move || rating(&c2).comment);
                let comment_id = format!("{name}-comment");
                view! {
                    <fieldset class="rubric-criterion" data-criterion=cid.clone()>
                        <legend>{i18n.text_of(title)}</legend>
                        {description.map(|d| view! { <p class="muted">{i18n.text_of(d)}</p> })}
                        <p class="visually-hidden">{move || i18n.f(Key::RubricScale, &[("n", &scale.to_string())])}</p>
                        <div class="scale" role="radiogroup" aria-label=move || i18n.f(Key::RubricScale, &[("n", &scale.to_string())])>
                            {(1..=scale).map(|v| {
                                let input_id = format!("{name}-{v}");
                                let (c, update_score) = (c1.clone(), update_score.clone());
                                let c_read = c1.clone();
                                view! {
                                    <span class="scale-option">
                                        <input type="radio" id=input_id.clone() name=name.clone()
                                            prop:checked=move || rating(&c_read).score == Some(v)
                                            on:change=move |_| update_score(c.clone(), &|r| r.score = Some(v))/>
                                        <label for=input_id>{v}</label>
                                    </span>
                                }
                            }).collect_view()}
                        </div>
                        <label for=comment_id.clone()>{i18n.tr(Key::RubricComment)}</label>
                        <textarea id=comment_id rows="2" node_ref=comment_node
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                update_comment(c3.clone(), &|r| r.comment = text.clone());
                            }></textarea>
                    </fieldset>
                }
            }).collect_view()}
        </div>
    }
}
