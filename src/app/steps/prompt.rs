//! A prompt step: a free-text answer, saved as the pupil types.

use super::capture::{PhotoTaker, SketchPad, VoiceRecorder};
use super::media::MediaText;
use super::{Question, StepCtx};
use crate::app::i18n::use_i18n;
use crate::core::content::step::{AnswerMode, PhotoStep, PromptStep, VoiceStep};
use crate::core::i18n::Key;
use crate::core::progress::Answer;
use leptos::prelude::*;

#[component]
pub fn PromptView(step: PromptStep, ctx: StepCtx) -> impl IntoView {
    if step.modes() != [AnswerMode::Text] {
        return view! { <PromptWays step=step ctx=ctx/> }.into_any();
    }
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
        <label class="answer-label" for=field_id.clone()>{i18n.tr(Key::YourAnswer)}</label>
        {hint.map(|h| view! { <p class="hint" id=hint_id.clone()><strong>{i18n.tr(Key::Hint)}": "</strong>{i18n.text_of(h)}</p> })}
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
    .into_any()
}

/// A prompt that may be answered in several ways (content v1.1 `answer_with`): each way in
/// its own labelled section, all saved in one media answer.
#[component]
fn PromptWays(step: PromptStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.to_string();
    let hint = step.hint.clone();
    let ways = step
        .modes()
        .into_iter()
        .map(|mode| {
            let (work, step_id) = (ctx.work.clone(), id.clone());
            let (heading, body) = match mode {
                AnswerMode::Text => (
                    Key::AnswerByText,
                    view! { <MediaText work=work step=step_id label=Key::YourAnswer/> }.into_any(),
                ),
                AnswerMode::Sketch => (
                    Key::AnswerBySketch,
                    view! { <SketchPad work=work step=step_id background=None/> }.into_any(),
                ),
                AnswerMode::Photo => (
                    Key::AnswerByPhoto,
                    view! { <PhotoTaker work=work step=step_id max=PhotoStep::DEFAULT_MAX/> }.into_any(),
                ),
                AnswerMode::Voice => (
                    Key::AnswerByVoice,
                    view! { <VoiceRecorder work=work step=step_id max_seconds=VoiceStep::DEFAULT_SECONDS/> }
                        .into_any(),
                ),
            };
            view! {
                <section class="answer-way">
                    <h3>{move || i18n.t(heading)}</h3>
                    {body}
                </section>
            }
        })
        .collect_view();
    view! {
        <Question text=step.question.clone()/>
        {hint.map(|h| view! { <p class="hint"><strong>{i18n.tr(Key::Hint)}": "</strong>{i18n.text_of(h)}</p> })}
        <div class="answer-ways" role="group" aria-label=i18n.tr(Key::AnswerWays)>{ways}</div>
    }
}
