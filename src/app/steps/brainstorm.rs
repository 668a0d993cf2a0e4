//! A brainstorm step: a list of ideas, optionally against a timer and a target number.

use super::{Question, StepCtx};
use crate::app::browser;
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::app::widgets::Timer;
use crate::core::content::step::BrainstormStep;
use crate::core::i18n::Key;
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::Idea;
use leptos::prelude::*;

#[component]
pub fn BrainstormView(step: BrainstormStep, ctx: StepCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.to_string();
    let answer = ctx.answer(&id);
    let ideas = move || answer.with(|a| ideas_in_order(a.as_ref()));
    let draft = RwSignal::new(String::new());
    let save = {
        let (id, ctx) = (id.clone(), ctx.clone());
        move |idea_id, idea: Option<Idea>| ctx.put_record(&id, idea_id, idea)
    };
    let add = {
        let save = save.clone();
        move || {
            let text = draft.get_untracked().trim().to_string();
            if text.is_empty() {
                return;
            }
            // Ideas sort by when they were added, so two tabs' ideas interleave by time.
            let idea = Idea {
                text,
                order: browser::now(),
            };
            save(use_store().new_id(), Some(idea));
            draft.set(String::new());
        }
    };
    let add_on_enter = add.clone();
    let target = step.target;
    let input_id = format!("new-idea-{id}");
    view! {
        <Question text=step.question.clone()/>
        {step.minutes.map(|m| view! { <Timer seconds=m * 60/> })}
        <form class="idea-form" on:submit=move |ev| { ev.prevent_default(); add_on_enter(); }>
            <label for=input_id.clone()>{i18n.tr(Key::NewIdea)}</label>
            <div class="inline">
                <input id=input_id type="text" autocomplete="off" maxlength="300"
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="submit" class="primary add-idea">{i18n.tr(Key::AddIdea)}</button>
            </div>
        </form>
        <p class="idea-count" role="status" aria-live="polite">
            {move || {
                let n = ideas().len().to_string();
                match target {
                    Some(t) => i18n.f(Key::IdeasTarget, &[("n", &n), ("m", &t.to_string())]),
                    None => i18n.f(Key::IdeasCount, &[("n", &n)]),
                }
            }}
        </p>
        <ol class="ideas">
            <For each=ideas key=|(idea_id, _)| idea_id.clone() let:idea>
                {
                    let (save_edit, save_delete) = (save.clone(), save.clone());
                    let idea_id = idea.0;
                    let field = format!("idea-{idea_id}");
                    let (find_id, position_id, edit_id) = (idea_id.clone(), idea_id.clone(), idea_id.clone());
                    let node = NodeRef::<leptos::html::Input>::new();
                    crate::app::widgets::sync_value(node, move || ideas().into_iter().find(|(i, _)| *i == find_id).map(|(_, i)| i.text).unwrap_or_default());
                    let position = Signal::derive(move || ideas().iter().position(|(i, _)| *i == position_id).unwrap_or(0) + 1);
                    view! {
                        <li class="idea">
                            <label class="visually-hidden" for=field.clone()>{move || i18n.f(Key::IdeaNumber, &[("n", &position.get().to_string())])}</label>
                            <input id=field type="text" maxlength="300"
                                node_ref=node
                                on:input=move |ev| {
                                    let text = event_target_value(&ev);
                                    let current = ideas().into_iter().find(|(i, _)| *i == edit_id);
                                    if let Some((id, idea)) = current {
                                        save_edit(id, Some(Idea { text, ..idea }));
                                    }
                                }/>
                            <button type="button" class="icon delete-idea"
                                aria-label=move || format!("{}: {}", i18n.t(Key::DeleteIdea), position.get())
                                on:click=move |_| save_delete(idea_id.clone(), None)>
                                <span aria-hidden="true">"✕"</span>
                            </button>
                        </li>
                    }
                }
            </For>
        </ol>
    }
}
