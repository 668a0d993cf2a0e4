//! One sticky note: a handle to drag it (or move it with the arrow keys), its text, and a
//! menu to recolour, move and delete it. It reads only its own record and its block's list
//! of ids, so typing in it re-renders nothing else.

use super::{colour_key, drag, BoardCtx, Focus, PhotoUrl};
use crate::app::i18n::use_i18n;
use crate::app::steps::media::PhotoSource;
use crate::app::store::use_store;
use crate::core::board::{NoteColour, Nudge};
use crate::core::i18n::Key;
use crate::core::media::Clip;
use crate::core::progress::RecordId;
use leptos::prelude::*;

#[component]
pub fn NoteView(
    board: BoardCtx,
    id: RecordId,
    /// The block the note is listed in (empty for notes of a block the template lacks).
    block: String,
    /// The ids of the notes listed with it, in order.
    ids: ReadSignal<Vec<RecordId>>,
    /// The id of the board's help text.
    help: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let note = RwSignal::from(board.note_signal(&id)).read_only();
    let position = {
        let id = id.clone();
        Memo::new(move |_| {
            ids.with(|l| (l.iter().position(|i| *i == id).unwrap_or(0) + 1, l.len()))
        })
    };
    let block_name = {
        let block = block.clone();
        Memo::new(move |_| {
            i18n.lang();
            board.block_title(&block)
        })
    };
    let position_args = move |key: Key| {
        let (n, m) = position.get();
        i18n.f(
            key,
            &[
                ("n", &n.to_string()),
                ("m", &m.to_string()),
                ("block", &block_name.get()),
            ],
        )
    };
    let colour = Memo::new(move |_| {
        note.with(|n| NoteColour::of(n.as_ref().map_or("", |n| n.colour.as_str())))
    });
    let menu_open = RwSignal::new(false);
    let key = id.to_string();
    let (handle_id, text_id, menu_button_id, menu_id) = (
        format!("note-handle-{key}"),
        format!("note-text-{key}"),
        format!("note-menu-{key}"),
        format!("note-actions-{key}"),
    );
    let drop_before = {
        let key = key.clone();
        move || {
            board.drop.with(|d| {
                d.as_ref()
                    .is_some_and(|d| d.before.as_deref() == Some(key.as_str()))
            })
        }
    };

    // Keys on the handle: arrows move the note, Delete deletes it, Escape closes its menu.
    let handle_keys = {
        let id = id.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.ctrl_key() || ev.meta_key() {
                return;
            }
            let way = match ev.key().as_str() {
                "ArrowUp" => Nudge::Up,
                "ArrowDown" => Nudge::Down,
                "ArrowLeft" => Nudge::PrevBlock,
                "ArrowRight" => Nudge::NextBlock,
                "Delete" | "Backspace" => {
                    ev.prevent_default();
                    board.delete(&id);
                    return;
                }
                "Escape" => {
                    menu_open.set(false);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            board.nudge(&id, way, Focus::Handle);
        }
    };
    // Keys while writing: Alt + arrows move the note, as on the handle.
    let text_keys = {
        let id = id.clone();
        move |ev: web_sys::KeyboardEvent| {
            if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
                return;
            }
            let way = match ev.key().as_str() {
                "ArrowUp" => Nudge::Up,
                "ArrowDown" => Nudge::Down,
                "ArrowLeft" => Nudge::PrevBlock,
                "ArrowRight" => Nudge::NextBlock,
                _ => return,
            };
            ev.prevent_default();
            board.nudge(&id, way, Focus::Text);
        }
    };
    let (down_id, input_id) = (id.clone(), id.clone());
    let text = move || note.with(|n| n.as_ref().map(|n| n.text.clone()).unwrap_or_default());
    // Only the photo's id: typing in the note must not touch the picture.
    let photo = Memo::new(move |_| {
        note.with(|n| {
            n.as_ref()
                .and_then(|n| n.photo.as_ref().map(|c| c.id.clone()))
        })
    });
    let photo_view = move || {
        photo.get().map(|clip| match board.photo_url(&clip) {
            Some(PhotoUrl::Ready(src)) => view! {
                <img class="note-photo" src=src alt=move || position_args(Key::NotePhotoAlt) data-clip=clip/>
            }
            .into_any(),
            Some(PhotoUrl::Missing) => {
                view! { <p class="note-photo-missing">{i18n.t(Key::NotePhotoMissing)}</p> }.into_any()
            }
            _ => ().into_any(),
        })
    };
    let menu_label = move || position_args(Key::NoteActions);
    view! {
        <li class="note" id=format!("note-{key}") data-note=key.clone()
            data-colour=move || colour.get().id()
            style=("--paper", move || colour.get().paper())
            class:drop-before=drop_before>
            <div class="note-bar">
                <button type="button" class="note-handle" id=handle_id
                    aria-label=move || position_args(Key::NoteHandle)
                    aria-describedby=help
                    on:keydown=handle_keys
                    on:pointerdown=move |ev| drag::down(&ev, &down_id)
                    on:pointermove=move |ev| drag::moved(&ev, board)
                    on:pointerup=move |ev| drag::up(&ev, board)
                    on:pointercancel=move |ev| drag::cancel(&ev, board)
                    on:click=move |_| {
                        // Pressing the handle (Enter, Space, a tap) opens the note's menu.
                        if !drag::click_ends_drag() {
                            menu_open.update(|o| *o = !*o);
                        }
                    }>
                    <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" class="grip">
                        <circle cx="7" cy="5" r="1.6"/><circle cx="13" cy="5" r="1.6"/>
                        <circle cx="7" cy="10" r="1.6"/><circle cx="13" cy="10" r="1.6"/>
                        <circle cx="7" cy="15" r="1.6"/><circle cx="13" cy="15" r="1.6"/>
                    </svg>
                </button>
                <button type="button" class="note-menu-button" id=menu_button_id.clone()
                    aria-expanded=move || menu_open.get().to_string()
                    aria-controls=menu_id.clone()
                    aria-label=menu_label
                    on:click=move |_| menu_open.update(|o| *o = !*o)>
                    <span aria-hidden="true">"⋯"</span>
                </button>
            </div>
            {photo_view}
            <label class="visually-hidden" for=text_id.clone()>{move || position_args(Key::NotePosition)}</label>
            <textarea id=text_id class="note-text" rows="3" maxlength="2000"
                prop:value=text
                on:input=move |ev| board.type_text(&input_id, event_target_value(&ev))
                on:keydown=text_keys
                on:blur=move |_| board.end_typing()></textarea>
            <Show when=move || menu_open.get()>
                <NoteMenu board=board id=id.clone() menu_id=menu_id.clone()
                    menu_button=menu_button_id.clone() open=menu_open position=position
                    colour=colour label=Signal::derive(menu_label)/>
            </Show>
        </li>
    }
}

/// The actions of one note, for keyboard and pointer alike.
#[component]
fn NoteMenu(
    board: BoardCtx,
    id: RecordId,
    menu_id: String,
    menu_button: String,
    open: RwSignal<bool>,
    position: Memo<(usize, usize)>,
    colour: Memo<NoteColour>,
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let close = {
        let menu_button = menu_button.clone();
        move || {
            open.set(false);
            crate::app::browser::focus_id(&menu_button);
        }
    };
    let on_key = {
        let close = close.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                ev.stop_propagation();
                close();
            }
        }
    };
    let note = RwSignal::from(board.note_signal(&id)).read_only();
    let current_block = move || {
        note.with(|n| n.as_ref().map(|n| n.block.clone()))
            .unwrap_or_default()
    };
    let select_id = format!("{menu_id}-move");
    let pick_id = format!("{menu_id}-photo");
    let has_photo = move || note.with(|n| n.as_ref().is_some_and(|n| n.photo.is_some()));
    let store = use_store();
    let keep = {
        let id = id.clone();
        move |clip: Clip, blob: web_sys::Blob| {
            let id = id.clone();
            async move {
                store.keep_blob(&clip.id, &blob).await?;
                board.set_photo(&id, Some(clip));
                Ok(())
            }
        }
    };
    let remove_id = id.clone();
    let (up_id, down_id, delete_id, move_id) = (id.clone(), id.clone(), id.clone(), id.clone());
    let close_button = close.clone();
    view! {
        <div class="note-menu" id=menu_id role="group" aria-label=label on:keydown=on_key>
            <fieldset class="note-colours">
                <legend>{i18n.tr(Key::NoteColour)}</legend>
                {NoteColour::ALL.into_iter().map(|c| {
                    let id = id.clone();
                    view! {
                        <button type="button" class="swatch" data-colour=c.id()
                            style:background=c.paper()
                            aria-pressed=move || (colour.get() == c).to_string()
                            aria-label=move || i18n.t(colour_key(c))
                            title=move || i18n.t(colour_key(c))
                            on:click=move |_| board.recolour(&id, c)></button>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field note-move">
                <label for=select_id.clone()>{i18n.tr(Key::NoteMoveTo)}</label>
                <select id=select_id on:change=move |ev| {
                    let block = event_target_value(&ev);
                    board.move_note(&move_id, &block, usize::MAX, Focus::MenuButton);
                }>
                    {move || {
                        let here = current_block();
                        board.blocks().into_iter().map(|(block, title)| {
                            let selected = block == here;
                            view! { <option value=block selected=selected>{i18n.text(&title)}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            <fieldset class="note-photo-actions">
                <legend>{i18n.tr(Key::NotePhoto)}</legend>
                <p class="muted">{i18n.tr(Key::NotePhotoHelp)}</p>
                <PhotoSource keep=keep full=false pick_id=pick_id>
                    {move || has_photo().then(|| {
                        let id = remove_id.clone();
                        view! {
                            <button type="button" class="note-photo-remove" on:click=move |_| board.set_photo(&id, None)>
                                {i18n.t(Key::NotePhotoRemove)}
                            </button>
                        }
                    })}
                </PhotoSource>
            </fieldset>
            <p class="actions">
                <button type="button" class="note-up" disabled=move || position.get().0 <= 1
                    on:click=move |_| board.nudge(&up_id, Nudge::Up, Focus::MenuButton)>
                    <span aria-hidden="true">"↑ "</span>{i18n.tr(Key::NoteMoveUp)}
                </button>
                <button type="button" class="note-down" disabled=move || { let (n, m) = position.get(); n >= m }
                    on:click=move |_| board.nudge(&down_id, Nudge::Down, Focus::MenuButton)>
                    <span aria-hidden="true">"↓ "</span>{i18n.tr(Key::NoteMoveDown)}
                </button>
                <button type="button" class="danger note-delete" on:click=move |_| board.delete(&delete_id)>
                    {i18n.tr(Key::NoteDelete)}
                </button>
                <button type="button" class="note-menu-close" on:click=move |_| close_button()>
                    {i18n.tr(Key::Close)}
                </button>
            </p>
        </div>
    }
}
