//! One component per step type. Each renders the step and turns input into
//! `Progress::set_answer` through the store; none touches storage.

mod brainstorm;
mod canvas;
pub mod capture;
mod choice;
pub mod media;
mod pitch;
mod prompt;
mod read;
pub mod recall;
mod role_model;
mod rubric;
mod vote;

use crate::app::feature_cost::unless_left_out;
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

/// The drawing, photo and voice steps are left out together (app::feature_cost).
const MEDIA_LEFT_OUT: bool = cfg!(feature = "measure-without-media");

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
                    <p><strong>{i18n.tr(Key::StepBroken)}</strong></p>
                    <p>{move || i18n.f(Key::StepBrokenBody, &[("file", &file), ("step", &step), ("problem", &b.error.message())])}</p>
                </div>
            }
            .into_any()
        }
        // Left out in the builds that measure what a feature costs (app::feature_cost).
        StepSlot::Ready(step) => match step {
            Step::Read(s) => view! { <read::ReadView step=s/> }.into_any(),
            Step::Prompt(s) => view! { <prompt::PromptView step=s ctx=ctx/> }.into_any(),
            Step::Choice(s) => view! { <choice::ChoiceView step=s ctx=ctx/> }.into_any(),
            Step::Brainstorm(s) => {
                view! { <brainstorm::BrainstormView step=s ctx=ctx/> }.into_any()
            }
            Step::Vote(s) => view! { <vote::VoteView step=s ctx=ctx/> }.into_any(),
            Step::Canvas(s) => unless_left_out(cfg!(feature = "measure-without-canvases"), || {
                view! { <canvas::CanvasView step=s ctx=ctx/> }.into_any()
            }),
            Step::Checklist(s) => view! { <choice::ChecklistView step=s ctx=ctx/> }.into_any(),
            Step::RoleModel(s) => {
                unless_left_out(cfg!(feature = "measure-without-role-models"), || {
                    view! { <role_model::RoleModelView step=s ctx=ctx/> }.into_any()
                })
            }
            Step::Pitch(s) => view! { <pitch::PitchView step=s ctx=ctx/> }.into_any(),
            Step::Rubric(s) => view! { <rubric::RubricView step=s ctx=ctx/> }.into_any(),
            Step::Sketch(s) => unless_left_out(MEDIA_LEFT_OUT, || {
                view! { <media::SketchView step=s ctx=ctx/> }.into_any()
            }),
            Step::Photo(s) => unless_left_out(MEDIA_LEFT_OUT, || {
                view! { <media::PhotoView step=s ctx=ctx/> }.into_any()
            }),
            Step::Voice(s) => unless_left_out(MEDIA_LEFT_OUT, || {
                view! { <media::VoiceView step=s ctx=ctx/> }.into_any()
            }),
        },
    }
}

/// A step's question (the player's read-aloud button reads it, with any options).
#[component]
pub fn Question(text: crate::core::text::Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="question">
            <p class="question-text">{i18n.text_of(text)}</p>
        </div>
    }
}

/// The read-aloud button of a step, shown by the player under the step's heading for every
/// step type: it reads the step's words (`core::read_aloud`) in the current language.
pub fn read_step_aloud(step: Step) -> impl IntoView {
    let i18n = use_i18n();
    let words = move || crate::core::read_aloud::step_words(&step, i18n.lang());
    view! { <crate::app::widgets::ReadAloud text=Signal::derive(words)/> }
}
