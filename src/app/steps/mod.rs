//! One component per step type. Each renders the step and turns input into
//! `Progress::set_answer` through the store; none touches storage.

mod brainstorm;
mod canvas;
mod choice;
mod pitch;
mod prompt;
mod read;
pub mod recall;
mod role_model;
mod rubric;
mod vote;

use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::core::content::{Step, StepSlot};
use crate::core::i18n::Key;
use crate::core::progress::answer::RecordKind;
use crate::core::progress::{Answer, RecordId, WorkRef};
use leptos::prelude::*;
use std::sync::Arc;

/// What a step component needs besides its own definition.
#[derive(Clone)]
pub struct StepCtx {
    pub work: WorkRef,
    /// The content file, for messages.
    pub file: String,
    /// All steps of the lesson or challenge (a vote reads its brainstorm's ideas).
    pub steps: Arc<Vec<StepSlot>>,
}

impl StepCtx {
    /// The saved answer of a step; re-runs only when that answer changes.
    pub fn answer(&self, step: &str) -> Memo<Option<Answer>> {
        let store = use_store();
        let (work, step) = (self.work.clone(), step.to_string());
        Memo::new(move |_| store.answer(&work, &step))
    }

    pub fn save(&self, step: &str, answer: Answer) {
        use_store().set_answer(&self.work, step, answer);
    }

    /// Adds, changes or (with `None`) deletes one record of a step's list.
    pub fn put_record<T: RecordKind>(&self, step: &str, id: RecordId, value: Option<T>) {
        use_store().put_record(&self.work, step, id, value);
    }
}

pub fn step_view(slot: StepSlot, ctx: StepCtx) -> AnyView {
    match slot {
        StepSlot::Broken(b) => {
            let i18n = use_i18n();
            let step =
                b.id.clone()
                    .or(b.kind.clone())
                    .unwrap_or_else(|| "?".into());
            let file = ctx.file.clone();
            view! {
                <div class="notice notice-error broken-step" role="alert">
                    <p><strong>{move || i18n.t(Key::StepBroken)}</strong></p>
                    <p>{move || i18n.f(Key::StepBrokenBody, &[("file", &file), ("step", &step), ("problem", &b.error.message())])}</p>
                </div>
            }
            .into_any()
        }
        StepSlot::Ready(step) => match step {
            Step::Read(s) => view! { <read::ReadView step=s/> }.into_any(),
            Step::Prompt(s) => view! { <prompt::PromptView step=s ctx=ctx/> }.into_any(),
            Step::Choice(s) => view! { <choice::ChoiceView step=s ctx=ctx/> }.into_any(),
            Step::Brainstorm(s) => {
                view! { <brainstorm::BrainstormView step=s ctx=ctx/> }.into_any()
            }
            Step::Vote(s) => view! { <vote::VoteView step=s ctx=ctx/> }.into_any(),
            Step::Canvas(s) => view! { <canvas::CanvasView step=s ctx=ctx/> }.into_any(),
            Step::Checklist(s) => view! { <choice::ChecklistView step=s ctx=ctx/> }.into_any(),
            Step::RoleModel(s) => view! { <role_model::RoleModelView step=s ctx=ctx/> }.into_any(),
            Step::Pitch(s) => view! { <pitch::PitchView step=s ctx=ctx/> }.into_any(),
            Step::Rubric(s) => view! { <rubric::RubricView step=s ctx=ctx/> }.into_any(),
        },
    }
}

/// A question with its read-aloud button; `options` are read after the question.
#[component]
pub fn Question(
    text: crate::core::text::Text,
    #[prop(optional)] options: Vec<crate::core::text::Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let spoken = text.clone();
    let spoken_text = move || {
        let mut parts = vec![i18n.text(&spoken)];
        parts.extend(
            options
                .iter()
                .enumerate()
                .map(|(i, o)| format!("{}: {}", i + 1, i18n.text(o))),
        );
        crate::core::text::spoken(parts)
    };
    view! {
        <div class="question">
            <p class="question-text">{move || i18n.text(&text)}</p>
            <crate::app::widgets::ReadAloud text=Signal::derive(spoken_text)/>
        </div>
    }
}
