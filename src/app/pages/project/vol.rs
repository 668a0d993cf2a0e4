//! The VØL chart (Ved / Ønsker at vide / Lært) as a panel that opens from every view of a
//! project (and of a challenge played alone). It grows through the project: notes are added
//! with the date and kept in the project's own work.

use crate::app::browser;
use crate::app::i18n::use_i18n;
use crate::app::store::use_store;
use crate::core::i18n::Key;
use crate::core::progress::{Idea, WorkRef};
use crate::core::project::vol::{notes_in, VolColumn};
use leptos::prelude::*;

/// A button that opens and closes the chart, and the chart below it.
#[component]
pub fn Vol(work: WorkRef) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let store = use_store();
    let count = {
        let work = work.clone();
        move || {
            VolColumn::ALL
                .into_iter()
                .map(|c| notes_in(store.answer(&work, c.key()).as_ref()).len())
                .sum::<usize>()
        }
    };
    view! {
        <div class="vol">
            <button type="button" class="vol-toggle" aria-expanded=move || open.get().to_string()
                aria-controls="vol-panel"
                on:click=move |_| {
                    let now_open = !open.get_untracked();
                    open.set(now_open);
                    if now_open {
                        browser::focus_id("vol-title");
                    }
                }>
                {i18n.tr(Key::VolChart)}
            </button>
            " "<span class="muted vol-count">{move || i18n.f(Key::VolCount, &[("n", &count().to_string())])}</span>
            <Show when=move || open.get()>
                <section id="vol-panel" class="vol-panel card" aria-labelledby="vol-title">
                    <h2 id="vol-title" tabindex="-1">{i18n.tr(Key::VolChart)}</h2>
                    <p class="muted">{i18n.tr(Key::VolIntro)}</p>
                    <div class="vol-columns">
                        {VolColumn::ALL.into_iter().map(|c| view! { <VolColumnView work=work.clone() column=c/> }).collect_view()}
                    </div>
                    <button type="button" on:click=move |_| open.set(false)>{i18n.tr(Key::VolClose)}</button>
                </section>
            </Show>
        </div>
    }
}

#[component]
fn VolColumnView(work: WorkRef, column: VolColumn) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let list = {
        let work = work.clone();
        Memo::new(move |_| notes_in(store.answer(&work, column.key()).as_ref()))
    };
    let draft = RwSignal::new(String::new());
    let input = format!("vol-new-{}", column.id());
    let add = {
        let work = work.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let text = draft.get_untracked().trim().to_string();
            if text.is_empty() {
                return;
            }
            let note = Idea {
                text,
                order: browser::now(),
            };
            store.put_record(&work, column.key(), store.new_id(), Some(note));
            draft.set(String::new());
        }
    };
    let (heading, labelled_by) = (
        format!("vol-{}", column.id()),
        format!("vol-{}", column.id()),
    );
    view! {
        <section class=format!("vol-column vol-column-{}", column.id()) aria-labelledby=labelled_by>
            <h3 id=heading>{move || i18n.t(column.title())}</h3>
            <ul class="vol-notes">
                <For each=move || list.get() key=|n| (n.id.clone(), n.text.clone()) let:note>
                    {
                        let work = work.clone();
                        let (text, id) = (note.text.clone(), note.id.clone());

                        let label = note.text.clone();
                        let delete = move |_| store.put_record::<Idea>(&work, column.key(), id.clone(), None);
                        view! {
                            <li class="vol-note">
                                <span class="vol-text">{text}</span>
                                <span class="muted vol-date">{move || browser::format_time(note.added, i18n.lang())}</span>
                                <button type="button" class="icon vol-delete"
                                    aria-label=move || i18n.f(Key::VolDelete, &[("note", &label)])
                                    on:click=delete>
                                    <span aria-hidden="true">"×"</span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="vol-add" on:submit=add>
                <label for=input.clone()>{move || i18n.f(Key::VolNew, &[("column", i18n.t(column.title()))])}</label>
                <div class="inline">
                    <input id=input type="text" autocomplete="off" maxlength="300"
                        prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                    <button type="submit">{i18n.tr(Key::VolAdd)}<span class="visually-hidden">" "{move || i18n.t(column.title())}</span></button>
                </div>
            </form>
        </section>
    }
}
