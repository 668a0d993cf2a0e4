//! A canvas step: the template's board with the pupil's notes. With a `recall` of an earlier
//! canvas, an empty board offers to start from that canvas's notes.

use super::StepCtx;
use crate::app::board::{Board, StartFrom};
use crate::app::content::{use_content, Load};
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::app::widgets::{FileErrorView, LoadingView};
use crate::core::content::step::CanvasStep;
use crate::core::progress::Answer;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CanvasView(step: CanvasStep, ctx: StepCtx) -> impl IntoView {
    let content = use_content();
    let store = use_store();
    let i18n = use_i18n();
    let canvas_id = step.canvas.to_string();
    let ensure_id = canvas_id.clone();
    Effect::new(move |_| content.ensure_canvas(&ensure_id));
    let step_id = step.id.to_string();
    // The earlier canvas this one may start from: the recalled step's notes, if it is one.
    let start_from = step.recall.clone().map(|recall| {
        let own = super::recall::own_challenge(&ctx.work);
        let from = super::recall::source(&recall, &ctx.work, own.as_deref());
        let from_step = recall.step.to_string();
        Signal::derive(move || {
            let notes = match store.answer(&from, &from_step) {
                Some(Answer::Canvas { notes }) => notes,
                _ => return None,
            };
            let name = store
                .with_work(&from, |w| content.work_title(&from, w))
                .map(|t| i18n.text(&t))
                .unwrap_or_else(|| from.id.clone());
            Some(StartFrom { from: name, notes })
        })
    });
    move || match content.canvas(&canvas_id) {
        Load::Loading => view! { <LoadingView/> }.into_any(),
        Load::Failed(e) => view! { <FileErrorView error=e/> }.into_any(),
        Load::Ready(c) => {
            let template = Arc::new(c.value.clone());
            let title = c.value.title.clone();
            let title = Signal::derive(i18n.text_of(title));
            match start_from {
                Some(start) => view! {
                    <Board work=ctx.work.clone() step=step_id.clone() template=template title=title start_from=start/>
                }
                .into_any(),
                None => view! {
                    <Board work=ctx.work.clone() step=step_id.clone() template=template title=title/>
                }
                .into_any(),
            }
        }
    }
}
