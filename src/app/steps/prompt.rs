//! A prompt step: a free-text answer, saved as the pupil types.

use super::{Question, StepCtx};
use crate::app::i18n::use_i18n;
use crate::core::content::step::PromptStep;
use crate::core::i18n::Key;
use crate::core::progress::Answer;
use leptos::prelude::*;

#[component]
pub fn PromptView(step: PromptStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.to_string();
    let answer = ctx.answer(&id);
    let text = move || match answer.get() {
        Some(Answer::Text { text }) => text,
        _ => String::new(),
    };
    let max = step.max_chars;
    let field_id = format!("answer-{id}");
    let hint_id = format!("hint-{id}");
    let hint = step.hint.clone();
    let has_hint = hint.is_some();
    let save_id = id.clone();
    let field = NodeRef::<leptos::html::Textarea>::new();
    crate::app::widgets::sync_value(field, text);
    view! {
        <Question text=step.question.clone()/>
        <label class="answer-label" for=field_id.clone()>{move || i18n.t(Key::YourAnswer)}</label>
        {hint.map(|h| view! { <p class="hint" id=hint_id.clone()><strong>{move || i18n.t(Key::Hint)}": "</strong>{move || i18n.text(&h)}</p> })}
        <textarea id=field_id class="answer" rows="6" node_ref=field
            aria-describedby=has_hint.then(|| format!("hint-{id}"))
            maxlength=max.map(|m| m.to_string())
            on:input=move |ev| {
                let value = event_target_value(&ev);
                ctx.save(&save_id, Answer::Text { text: value });
            }></textarea>
        {max.map(|m| view! {
            <p class="char-count">
                {move || i18n.f(Key::CharsLeft, &[("n", &(m as usize).saturating_sub(text().chars().count()).to_string())])}
            </p>
        })}
    }
}
