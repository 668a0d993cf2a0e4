//! A canvas step: the template's blocks on a grid, with the pupil's notes in each block.
//! (The full sticky-note board comes with the canvas feature; notes saved here carry over.)

use super::StepCtx;
use crate::app::content::{use_content, Load};
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::app::widgets::{FileErrorView, LoadingView};
use crate::core::content::step::CanvasStep;
use crate::core::content::CanvasTemplate;
use crate::core::i18n::Key;
use crate::core::progress::answer::notes_in_block;
use crate::core::progress::Note;
use leptos::prelude::*;

#[component]
pub fn CanvasView(step: CanvasStep, ctx: StepCtx) -> impl IntoView {
    let content = use_content();
    let canvas_id = step.canvas.to_string();
    let ensure_id = canvas_id.clone();
    Effect::new(move |_| content.ensure_canvas(&ensure_id));
    let step_id = step.id.to_string();
    move || match content.canvas(&canvas_id) {
        Load::Loading => view! { <LoadingView/> }.into_any(),
        Load::Failed(e) => view! { <FileErrorView error=e/> }.into_any(),
        Load::Ready(c) => {
            view! { <Board template=c.value.clone() step_id=step_id.clone() ctx=ctx.clone()/> }
                .into_any()
        }
    }
}

#[component]
fn Board(template: CanvasTemplate, step_id: String, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let answer = ctx.answer(&step_id);
    let first_note =
        move |block: &str| answer.with(|a| notes_in_block(a.as_ref(), block).into_iter().next());
    let style = format!(
        "grid-template-columns: repeat({}, minmax(0, 1fr)); grid-template-rows: repeat({}, minmax(8rem, auto));",
        template.columns, template.rows
    );
    let title = template.title.clone();
    let attribution = template.attribution.clone();
    view! {
        <div class="canvas-wrap">
            <h3 class="canvas-title">{move || i18n.text(&title)}</h3>
            <div class="canvas-grid" style=style>
                {template.blocks.into_iter().map(|block| {
                    let area = format!("grid-column: {} / span {}; grid-row: {} / span {};", block.col, block.width, block.row, block.height);
                    let block_id = block.id.to_string();
                    let field = format!("canvas-{step_id}-{block_id}");
                    let (title, title2) = (block.title.clone(), block.title.clone());
                    let prompt = block.prompt.clone();
                    let (ctx, step_id) = (ctx.clone(), step_id.clone());
                    let read_id = block_id.clone();
                    let write_id = block_id.clone();
                    let text = move || first_note(&read_id).map(|(_, n)| n.text).unwrap_or_default();
                    view! {
                        <section class="canvas-block" style=area data-block=block_id.clone()>
                            <h4><label for=field.clone()>{move || i18n.text(&title)}</label></h4>
                            {prompt.map(|p| view! { <p class="muted block-prompt">{move || i18n.text(&p)}</p> })}
                            <textarea id=field rows="4"
                                title=move || i18n.f(Key::CanvasNotesFor, &[("block", &i18n.text(&title2))])
                                prop:value=text
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    let (id, note) = match first_note(&write_id) {
                                        Some((id, note)) => (id, Note { text, ..note }),
                                        None => (use_store().new_id(), Note { block: write_id.clone(), text, colour: String::new(), order: 0 }),
                                    };
                                    ctx.put_record(&step_id, id, Some(note));
                                }></textarea>
                        </section>
                    }
                }).collect_view()}
            </div>
            {attribution.map(|a| view! { <p class="attribution muted">{move || i18n.text(&a)}</p> })}
        </div>
    }
}
