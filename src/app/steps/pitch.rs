//! A pitch step: a text per section, and rehearsal against a timer.

use super::StepCtx;
use crate::app::i18n::use_i18n;
use crate::app::widgets::{ReadAloud, Timer};
use crate::core::content::step::PitchStep;
use crate::core::i18n::Key;
use crate::core::progress::Answer;
use leptos::prelude::*;

#[component]
pub fn PitchView(step: PitchStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.to_string();
    let answer = ctx.answer(&id);
    let current = move || match answer.get() {
        Some(Answer::Pitch {
            sections,
            rehearsals,
        }) => (sections, rehearsals),
        _ => (Vec::new(), 0),
    };
    let n = step.sections.len();
    let rehearsed = {
        let (id, ctx) = (id.clone(), ctx.clone());
        Callback::new(move |_: ()| {
            let (mut sections, rehearsals) = current();
            sections.resize(n.max(sections.len()), String::new());
            ctx.save(
                &id,
                Answer::Pitch {
                    sections,
                    rehearsals: rehearsals + 1,
                },
            );
        })
    };
    let whole_pitch = move || current().0.join("\n\n");
    view! {
        <div class="pitch-sections">
            {step.sections.into_iter().enumerate().map(|(i, section)| {
                let field = format!("pitch-{id}-{i}");
                let (id, ctx) = (id.clone(), ctx.clone());
                let node = NodeRef::<leptos::html::Textarea>::new();
                crate::app::widgets::sync_value(node, move || current().0.get(i).cloned().unwrap_or_default());
                view! {
                    <div class="field">
                        <label for=field.clone()>{i18n.text_of(section)}</label>
                        <textarea id=field rows="3" node_ref=node
                            on:input=move |ev| {
                                let (mut sections, rehearsals) = current();
                                sections.resize(n.max(sections.len()), String::new());
                                sections[i] = event_target_value(&ev);
                                ctx.save(&id, Answer::Pitch { sections, rehearsals });
                            }></textarea>
                    </div>
                }
            }).collect_view()}
        </div>
        <section class="rehearse" aria-label=i18n.tr(Key::PitchRehearse)>
            <h3>{i18n.tr(Key::PitchRehearse)}</h3>
            <Timer seconds=step.seconds on_done=rehearsed/>
            <ReadAloud text=Signal::derive(whole_pitch) label=Key::ReadPitchAloud/>
            <p class="muted rehearsals">{move || i18n.f(Key::PitchRehearsals, &[("n", &current().1.to_string())])}</p>
        </section>
    }
}
