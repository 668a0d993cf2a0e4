//! The board: a canvas template's blocks on its grid, holding the pupil's sticky notes, with
//! undo/redo, print, images and export. Used by the canvas step of lessons and challenges
//! and by free-standing canvases (My canvases).
//!
//! Typing re-renders one note: the board keeps one signal per note and one list of ids per
//! block, and when the saved answer changes, one effect compares it with them and sets only
//! the signals whose value changed. A note's view reads its own signal, a block's list its
//! own ids; nothing subscribes to the whole canvas. (A memo per note over one memo of the
//! whole answer re-checked every note and its effects on every keystroke: 3.3–3.7 ms of
//! script per key at 200 notes against 0.7–1.4 ms now, measured by `make bench`.) What to
//! write is computed by `core::board`; every write goes through the store.

mod drag;
mod history;
mod note;
mod sheet_view;

use crate::app::browser;
use crate::app::feature_cost::unless_left_out;
use crate::app::fetched::fetched_tool;
use crate::app::i18n::{use_i18n, I18n};
use crate::app::media_io;
use crate::app::store::{use_store, Store};
use crate::app::widgets::PartNotFetched;
use crate::core::board::notes::{self, block_ids, reading_order, NoteEdit, Nudge};
use crate::core::board::{NoteColour, PROP_TEAM};
use crate::core::content::{CanvasBlock, CanvasTemplate};
use crate::core::i18n::Key;
use crate::core::media::backup::answer_clips;
use crate::core::media::{Clip, ClipKind};
use crate::core::progress::{Answer, Note, RecordId, Records, WorkRef};
use crate::core::text::{link_segments, Segment, Text};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use note::NoteView;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where a dragged note would land: in `block`, before the note `before` (or at the end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DropAt {
    pub block: String,
    pub before: Option<String>,
}

/// Which control of a note gets focus after the note moved (its element is rebuilt when it
/// changes block, and moved in the page when it changes place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Handle,
    Text,
    MenuButton,
}

/// Notes copied in from an earlier canvas ("start from my canvas in …").
#[derive(Debug, Clone, PartialEq)]
pub struct StartFrom {
    /// The title of the lesson or challenge the notes come from.
    pub from: String,
    pub notes: Records<Note>,
}

/// The key of the list of notes whose block the template lacks.
const ORPHANS: &str = "";

type NoteSignals = HashMap<RecordId, ArcRwSignal<Option<Note>>>;
type BlockSignals = HashMap<String, ArcRwSignal<Vec<RecordId>>>;

/// What every part of a board shares. All handles: copying it is free.
#[derive(Clone, Copy)]
pub struct BoardCtx {
    store: Store,
    i18n: I18n,
    work: StoredValue<WorkRef>,
    step: StoredValue<String>,
    template: StoredValue<Arc<CanvasTemplate>>,
    history_key: StoredValue<String>,
    /// One signal per note (`None` once deleted), set only when that note changes.
    notes: StoredValue<NoteSignals>,
    /// The ids of each block's notes in order, set only when they change.
    blocks: StoredValue<BlockSignals>,
    /// Bumped when the undo history changes, for the Undo and Redo buttons.
    history_version: RwSignal<u64>,
    announcement: RwSignal<String>,
    pub drop: RwSignal<Option<DropAt>>,
    /// The colour of the next new note: the last one chosen.
    new_colour: RwSignal<NoteColour>,
    printing: RwSignal<bool>,
    /// The photos on the board's notes, by clip id, loaded once from the media database
    /// and shared by the notes and the print sheet.
    photos: RwSignal<BTreeMap<String, PhotoUrl>>,
}

/// Where a note's photo is in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoUrl {
    Loading,
    /// An object URL of the blob.
    Ready(String),
    /// Not on this device (a canvas file or backup came without it).
    Missing,
}

impl BoardCtx {
    fn new(work: WorkRef, step: String, template: Arc<CanvasTemplate>) -> BoardCtx {
        let store = use_store();
        let mut blocks: BlockSignals = template
            .blocks
            .iter()
            .map(|b| (b.id.to_string(), ArcRwSignal::new(Vec::new())))
            .collect();
        blocks.insert(ORPHANS.to_string(), ArcRwSignal::new(Vec::new()));
        let board = BoardCtx {
            store,
            i18n: use_i18n(),
            history_key: StoredValue::new(history::key(&work.key(), &step)),
            work: StoredValue::new(work.clone()),
            step: StoredValue::new(step.clone()),
            template: StoredValue::new(template),
            notes: StoredValue::new(HashMap::new()),
            blocks: StoredValue::new(blocks),
            history_version: RwSignal::new(0),
            announcement: RwSignal::new(String::new()),
            drop: RwSignal::new(None),
            new_colour: RwSignal::new(NoteColour::default()),
            printing: RwSignal::new(false),
            photos: RwSignal::new(BTreeMap::new()),
        };
        // The signals hold the notes before anything renders; the effect keeps them so.
        board.with_notes(|n| board.sync(n));
        let (w, s) = (work.clone(), step.clone());
        Effect::new(move |_| {
            store.with_answer(&work, &step, |a| match a {
                Some(Answer::Canvas { notes }) => board.sync(notes),
                _ => board.sync(&Records::default()),
            })
        });
        Effect::new(move |_| {
            // Runs on every keystroke: ids only, no clip copied or sorted.
            let ids: BTreeSet<String> = store.with_answer(&w, &s, |a| {
                a.map(answer_clips)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|c| c.kind() == Some(ClipKind::Photo) && c.is_usable())
                    .map(|c| c.id.clone())
                    .collect()
            });
            board.load_photos(ids);
        });
        on_cleanup(move || {
            // Kept until the board goes, so an undone removal shows the photo at once.
            for url in board.photos.get_untracked().values() {
                if let PhotoUrl::Ready(u) = url {
                    media_io::revoke(u);
                }
            }
        });
        board
    }

    /// Loads the photos not loaded yet.
    fn load_photos(&self, ids: BTreeSet<String>) {
        let photos = self.photos;
        let new: Vec<String> = photos.with_untracked(|known| {
            ids.into_iter()
                .filter(|id| !known.contains_key(id))
                .collect()
        });
        if new.is_empty() {
            return;
        }
        photos.update(|p| p.extend(new.iter().map(|id| (id.clone(), PhotoUrl::Loading))));
        leptos::task::spawn_local(async move {
            for id in new {
                let url = match media_io::get(&id)
                    .await
                    .and_then(|b| media_io::object_url(&b))
                {
                    Some(u) => PhotoUrl::Ready(u),
                    None => PhotoUrl::Missing,
                };
                if photos.try_update(|p| p.insert(id, url.clone())).is_none() {
                    if let PhotoUrl::Ready(u) = url {
                        media_io::revoke(&u);
                    }
                }
            }
        });
    }

    /// The page's address of a photo (tracked: re-read when photos load).
    pub fn photo_url(&self, clip: &str) -> Option<PhotoUrl> {
        self.photos.with(|p| p.get(clip).cloned())
    }

    /// Every loaded photo's object URL, for the print sheet.
    fn photo_urls(&self) -> BTreeMap<String, String> {
        self.photos.with_untracked(|p| {
            p.iter()
                .filter_map(|(id, u)| match u {
                    PhotoUrl::Ready(u) => Some((id.clone(), u.clone())),
                    _ => None,
                })
                .collect()
        })
    }

    /// Brings the signals up to date with the saved notes, setting only what changed.
    fn sync(&self, records: &Records<Note>) {
        let mut groups: HashMap<&str, Vec<(i64, RecordId)>> = HashMap::new();
        self.blocks.with_value(|blocks| {
            self.notes.update_value(|signals| {
                for (id, note) in records.live() {
                    match signals.get(id) {
                        Some(signal) => set_if_changed(signal, Some(note)),
                        None => {
                            signals.insert(id.clone(), ArcRwSignal::new(Some(note.clone())));
                        }
                    }
                    let group = if blocks.contains_key(&note.block) {
                        note.block.as_str()
                    } else {
                        ORPHANS
                    };
                    groups
                        .entry(group)
                        .or_default()
                        .push((note.order, id.clone()));
                }
                for (id, signal) in signals.iter() {
                    if records.get(id).is_none() {
                        set_if_changed(signal, None);
                    }
                }
            });
            for (block, signal) in blocks {
                let mut list = groups.remove(block.as_str()).unwrap_or_default();
                crate::core::board::sort_small(&mut list, |a, b| a < b);
                let ids: Vec<RecordId> = list.into_iter().map(|(_, id)| id).collect();
                signal.maybe_update(|v| {
                    let changed = *v != ids;
                    if changed {
                        *v = ids;
                    }
                    changed
                });
            }
        });
    }

    /// The signal of one note (made empty if the note is not known yet).
    fn note_signal(&self, id: &RecordId) -> ArcRwSignal<Option<Note>> {
        self.notes
            .try_update_value(|s| {
                s.entry(id.clone())
                    .or_insert_with(|| ArcRwSignal::new(None))
                    .clone()
            })
            .unwrap_or_else(|| ArcRwSignal::new(None))
    }

    /// The ids of a block's notes (`ORPHANS`: notes of blocks the template lacks).
    fn block_signal(&self, block: &str) -> ArcRwSignal<Vec<RecordId>> {
        self.blocks
            .try_update_value(|b| {
                b.entry(block.to_string())
                    .or_insert_with(|| ArcRwSignal::new(Vec::new()))
                    .clone()
            })
            .unwrap_or_else(|| ArcRwSignal::new(Vec::new()))
    }

    /// Reads the saved notes as they are now (untracked: for deciding what an action writes).
    fn with_notes<R>(&self, f: impl FnOnce(&Records<Note>) -> R) -> R {
        let (work, step) = (self.work.get_value(), self.step.get_value());
        self.store.with(|p| match p.answer(&work, &step) {
            Some(Answer::Canvas { notes }) => f(notes),
            _ => f(&Records::default()),
        })
    }

    fn write(&self, writes: impl IntoIterator<Item = (RecordId, Option<Note>)>) {
        let store = self.store;
        let (work, step) = (self.work.get_value(), self.step.get_value());
        for (id, note) in writes {
            store.put_record(&work, &step, id, note);
        }
    }

    fn history<R>(&self, f: impl FnOnce(&mut crate::core::board::History) -> R) -> R {
        let out = history::update(&self.history_key.get_value(), f);
        self.history_version.update(|v| *v += 1);
        out
    }

    /// Does an action: writes it and remembers it for undo.
    pub fn act(&self, edits: Vec<NoteEdit>) {
        if edits.is_empty() {
            return;
        }
        self.write(edits.iter().map(|e| (e.id.clone(), e.after.clone())));
        self.history(|h| h.record(edits, browser::now()));
    }

    pub fn type_text(&self, id: &RecordId, text: String) {
        browser::measured("spire:type", || {
            let edit = self.with_notes(|n| notes::change(n, id, |note| note.text = text));
            if let Some(edit) = edit {
                self.write([(edit.id.clone(), edit.after.clone())]);
                self.history(|h| h.record_typing(edit, browser::now()));
            }
        });
    }

    /// Typing into a note ended (it lost focus): more typing is a new undo step.
    pub fn end_typing(&self) {
        // A note also loses focus when the page goes and takes the board with it.
        if let Some(key) = self.history_key.try_get_value() {
            history::update(&key, |h| h.close_typing());
        }
    }

    pub fn add(&self, block: &str) {
        let id = self.store.new_id();
        let colour = self.new_colour.get_untracked();
        let edit = self.with_notes(|n| notes::add(n, id.clone(), block, colour.id()));
        self.act(vec![edit]);
        if let Some(place) = self.place_of(&id) {
            self.announce(self.i18n.f(
                Key::AnnounceAdded,
                &[
                    ("n", &(place.index + 1).to_string()),
                    ("m", &place.count.to_string()),
                    ("block", &self.block_title(&place.block)),
                ],
            ));
        }
        focus_note(&id, Focus::Text);
    }

    pub fn recolour(&self, id: &RecordId, colour: NoteColour) {
        self.new_colour.set(colour);
        let edit =
            self.with_notes(|n| notes::change(n, id, |note| note.colour = colour.id().into()));
        self.act(edit.into_iter().collect());
        let i18n = self.i18n;
        self.announce(i18n.f(
            Key::AnnounceRecoloured,
            &[("colour", i18n.t(colour_key(colour)))],
        ));
    }

    /// Puts a photo on a note, or with `None` takes it off. The blob stays on the device for
    /// now (undo may bring the photo back); a day on, `Store::sweep_media_later` deletes it.
    pub fn set_photo(&self, id: &RecordId, photo: Option<Clip>) {
        let added = photo.is_some();
        let edit = self.with_notes(|n| notes::change(n, id, |note| note.photo = photo));
        self.act(edit.into_iter().collect());
        self.announce(
            self.i18n
                .t(if added {
                    Key::AnnouncePhotoAdded
                } else {
                    Key::AnnouncePhotoRemoved
                })
                .to_string(),
        );
    }

    pub fn delete(&self, id: &RecordId) {
        // Focus goes to the next note of the block, else the one before, else its Add button.
        let next = self.with_notes(|n| {
            let place = notes::place(n, id)?;
            let ids = block_ids(n, &place.block);
            Some(
                ids.get(place.index + 1)
                    .or_else(|| place.index.checked_sub(1).and_then(|i| ids.get(i)))
                    .cloned()
                    .ok_or(place.block),
            )
        });
        let edit = self.with_notes(|n| notes::delete(n, id));
        self.act(edit.into_iter().collect());
        self.announce(self.i18n.t(Key::AnnounceDeleted).to_string());
        match next {
            Some(Ok(other)) => focus_note(&other, Focus::Handle),
            Some(Err(block)) => browser::focus_id(&add_button_id(&block)),
            None => {}
        }
    }

    pub fn nudge(&self, id: &RecordId, way: Nudge, focus: Focus) {
        let edits = self
            .template
            .with_value(|t| self.with_notes(|n| notes::nudge(n, t, id, way)));
        self.moved(id, edits, focus);
    }

    pub fn move_note(&self, id: &RecordId, block: &str, index: usize, focus: Focus) {
        let edits = self.with_notes(|n| notes::move_to(n, id, block, index));
        self.moved(id, edits, focus);
    }

    fn moved(&self, id: &RecordId, edits: Vec<NoteEdit>, focus: Focus) {
        let i18n = self.i18n;
        if edits.is_empty() {
            self.announce(i18n.t(Key::AnnounceCannotMove).to_string());
            return;
        }
        self.act(edits);
        if let Some(place) = self.place_of(id) {
            self.announce(i18n.f(
                Key::AnnounceMoved,
                &[
                    ("block", &self.block_title(&place.block)),
                    ("n", &(place.index + 1).to_string()),
                    ("m", &place.count.to_string()),
                ],
            ));
        }
        focus_note(id, focus);
    }

    /// Copies another canvas's notes in, as one step that can be undone.
    pub fn copy_in(&self, from: &Records<Note>) {
        let store = self.store;
        let edits = self
            .template
            .with_value(|t| self.with_notes(|n| notes::copy_from(n, from, t, || store.new_id())));
        let count = edits.len();
        self.act(edits);
        self.announce(
            self.i18n
                .f(Key::AnnounceCopied, &[("n", &count.to_string())]),
        );
    }

    pub fn undo(&self) {
        let replay = self.with_notes(|n| self.history(|h| h.undo(|id| n.get(id).cloned())));
        self.replayed(replay, Key::AnnounceUndone, Key::AnnounceNothingToUndo);
    }

    pub fn redo(&self) {
        let replay = self.with_notes(|n| self.history(|h| h.redo(|id| n.get(id).cloned())));
        self.replayed(replay, Key::AnnounceRedone, Key::AnnounceNothingToRedo);
    }

    fn replayed(&self, replay: Option<crate::core::board::undo::Replay>, done: Key, nothing: Key) {
        let i18n = self.i18n;
        let Some(replay) = replay else {
            self.announce(i18n.t(nothing).to_string());
            return;
        };
        self.write(replay.writes);
        let mut text = i18n.t(done).to_string();
        if replay.skipped > 0 {
            text.push(' ');
            text.push_str(&i18n.f(
                Key::AnnounceKeptOther,
                &[("n", &replay.skipped.to_string())],
            ));
        }
        self.announce(text);
    }

    pub fn can_undo(&self) -> bool {
        self.history_version.track();
        history::with(&self.history_key.get_value(), |h| h.can_undo())
    }

    pub fn can_redo(&self) -> bool {
        self.history_version.track();
        history::with(&self.history_key.get_value(), |h| h.can_redo())
    }

    /// Says `text` in the polite live region (again, if it is the same as last time).
    pub fn announce(&self, text: String) {
        self.announcement.update(|a| {
            *a = if *a == text {
                format!("{text}\u{a0}")
            } else {
                text
            };
        });
    }

    fn place_of(&self, id: &RecordId) -> Option<notes::Place> {
        // The store has the edit already; the memo catches up when the view next reads it.
        let (work, step) = (self.work.get_value(), self.step.get_value());
        self.store.with(|p| match p.answer(&work, &step) {
            Some(Answer::Canvas { notes }) => notes::place(notes, id),
            _ => None,
        })
    }

    /// A block's title in the current language (its id for a block the template lacks).
    pub fn block_title(&self, block: &str) -> String {
        let i18n = self.i18n;
        self.template.with_value(|t| {
            t.blocks
                .iter()
                .find(|b| b.id.as_str() == block)
                .map(|b| i18n.text(&b.title))
                .unwrap_or_else(|| i18n.t(Key::NotesWithoutBlock).to_string())
        })
    }

    /// The template's blocks in reading order: `(id, title)`.
    pub fn blocks(&self) -> Vec<(String, Text)> {
        self.template.with_value(|t| {
            reading_order(t)
                .into_iter()
                .map(|b| (b.id.to_string(), b.title.clone()))
                .collect()
        })
    }
}

pub fn colour_key(c: NoteColour) -> Key {
    match c {
        NoteColour::Yellow => Key::ColourYellow,
        NoteColour::Pink => Key::ColourPink,
        NoteColour::Green => Key::ColourGreen,
        NoteColour::Blue => Key::ColourBlue,
        NoteColour::Orange => Key::ColourOrange,
        NoteColour::Purple => Key::ColourPurple,
    }
}

fn set_if_changed(signal: &ArcRwSignal<Option<Note>>, value: Option<&Note>) {
    signal.maybe_update(|v| {
        let changed = v.as_ref() != value;
        if changed {
            *v = value.cloned();
        }
        changed
    });
}

fn add_button_id(block: &str) -> String {
    format!("add-note-{block}")
}

/// Focuses a note's control once the view has caught up with a change; in its text, the
/// caret goes to the end.
pub fn focus_note(id: &RecordId, part: Focus) {
    let dom_id = match part {
        Focus::Handle => format!("note-handle-{id}"),
        Focus::Text => format!("note-text-{id}"),
        Focus::MenuButton => format!("note-menu-{id}"),
    };
    browser::after_render(move || {
        let Some(el) = browser::window()
            .document()
            .and_then(|d| d.get_element_by_id(&dom_id))
        else {
            return;
        };
        if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = area.focus();
            let end = area.value().encode_utf16().count() as u32;
            let _ = area.set_selection_range(end, end);
        } else if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}

/// True when a key event comes from a text field that is not a note (the board's own
/// shortcuts leave such fields alone).
fn in_plain_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                && !e.class_list().contains("note-text")
        })
}

/// A board for the canvas answer of `step` in `work`. Its code is in the tools part, which
/// the browser fetches the first time a board is shown (a lesson without a canvas step
/// never needs it): meanwhile a loading line, and if it cannot be fetched, a message with a
/// way to try again.
#[component]
pub fn Board(
    work: WorkRef,
    step: String,
    template: Arc<CanvasTemplate>,
    /// The title printed and exported with the canvas.
    #[prop(into)]
    title: Signal<String>,
    /// An earlier canvas to start from, while this one is empty.
    #[prop(optional, into)]
    start_from: Option<Signal<Option<StartFrom>>>,
) -> impl IntoView {
    let args = BoardArgs {
        work,
        step,
        template,
        title,
        start_from,
    };
    fetched_tool(
        preload_board,
        move || board_part(args.clone()),
        |retry| view! { <PartNotFetched message=Key::BoardNotFetched retry=retry/> }.into_any(),
    )
}

/// Fetches the tools part — the board, and the sketch pad, the camera and the recorder
/// (`steps::capture`), which the build puts in the same part — if it is not here yet. See
/// `pages::player::shows_tools`. A failed fetch is not remembered: the tool, when drawn,
/// fetches again and says so if it still fails.
pub async fn fetch_tools() {
    let _ = preload_board().await;
}

/// What a board is drawn from: [`Board`]'s props, handed to the board's part.
#[derive(Clone)]
struct BoardArgs {
    work: WorkRef,
    step: String,
    template: Arc<CanvasTemplate>,
    title: Signal<String>,
    start_from: Option<Signal<Option<StartFrom>>>,
}

// Split off into the tools part by the build (with `steps::capture`); `fallible` turns a
// failed fetch into an error instead of stopping the app.
#[wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_board))]
fn board_part(args: BoardArgs) -> Result<AnyView, SplitLoaderError> {
    let BoardArgs {
        work,
        step,
        template,
        title,
        start_from,
    } = args;
    // The part's own function stays in the module when nothing calls it, so a build that
    // measures the app without canvases (app::feature_cost) leaves the board out here too.
    let left_out = cfg!(feature = "measure-without-canvases");
    Ok(unless_left_out(left_out, || {
        view! {
            <BoardNow work=work step=step template=template title=title start_from=start_from/>
        }
        .into_any()
    }))
}

#[component]
fn BoardNow(
    work: WorkRef,
    step: String,
    template: Arc<CanvasTemplate>,
    title: Signal<String>,
    start_from: Option<Signal<Option<StartFrom>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let board = BoardCtx::new(work.clone(), step.clone(), template.clone());
    // Printing, by the button or the browser's own menu, draws the print sheet first.
    let before = browser::listen("beforeprint", move |_: web_sys::Event| {
        board.printing.set(true)
    });
    let after = browser::listen("afterprint", move |_: web_sys::Event| {
        board.printing.set(false)
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || in_plain_field(&ev) {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => board.undo(),
            ("z", true) | ("y", false) => board.redo(),
            _ => return,
        }
        ev.prevent_default();
    };
    // With nothing focused (the focused note was just deleted or moved away), the board's
    // shortcuts still work; anywhere else on the page they belong to what has focus.
    let loose = browser::listen("keydown", move |ev: web_sys::KeyboardEvent| {
        let on_body = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|t| t.tag_name() == "BODY");
        if on_body {
            on_key(ev);
        }
    });
    on_cleanup(move || {
        browser::unlisten(before);
        browser::unlisten(after);
        browser::unlisten(loose);
    });
    // Style properties, not a style attribute: the Content-Security-Policy refuses those.
    let columns = format!("repeat({}, minmax(0, 1fr))", template.columns.max(1));
    let rows = format!("repeat({}, minmax(9rem, auto))", template.rows.max(1));
    let blocks: Vec<CanvasBlock> = reading_order(&template).into_iter().cloned().collect();
    let team_work = work.clone();
    let team = move || {
        store.with_work(&team_work, |w| {
            w.and_then(|w| w.prop(PROP_TEAM))
                .unwrap_or_default()
                .to_string()
        })
    };
    let set_team = {
        let work = work.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            store.update_work(&work, |p, now| p.set_prop(&work, PROP_TEAM, &value, now));
        }
    };
    let pupil = move || store.with_settings(|s| s.name.clone());
    let byline = Signal::derive({
        let team = team.clone();
        move || {
            let names = Some(team())
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(pupil);
            let date = browser::format_date(browser::now(), i18n.lang());
            if names.trim().is_empty() {
                date
            } else {
                format!("{} · {date}", names.trim())
            }
        }
    });
    let team_id = format!("team-{}", work.key().replace(':', "-"));
    let help_id = format!("board-help-{}", work.key().replace(':', "-"));
    let empty = {
        let (work, step) = (work.clone(), step.clone());
        Memo::new(move |_| !store.answer_is_meaningful(&work, &step))
    };
    let start = move || {
        let from = start_from.and_then(|s| s.get())?;
        (empty.get() && from.notes.live_count() > 0).then(|| {
            let label = i18n.f(Key::StartFromCanvas, &[("work", &from.from)]);
            view! {
                <p class="start-from">
                    <button type="button" class="start-from-button" on:click=move |_| board.copy_in(&from.notes)>{label}</button>
                </p>
            }
        })
    };
    let attribution = template.attribution.clone();
    let (help, orphan_help) = (help_id.clone(), help_id.clone());
    view! {
        <div class="board" data-template=template.id.to_string() on:keydown=on_key>
            <div class="board-tools">
                <button type="button" class="board-undo" disabled=move || !board.can_undo()
                    aria-keyshortcuts="Control+Z" on:click=move |_| board.undo()>
                    <span aria-hidden="true">"↶ "</span>{i18n.tr(Key::Undo)}
                </button>
                <button type="button" class="board-redo" disabled=move || !board.can_redo()
                    aria-keyshortcuts="Control+Shift+Z" on:click=move |_| board.redo()>
                    <span aria-hidden="true">"↷ "</span>{i18n.tr(Key::Redo)}
                </button>
                <sheet_view::ExportButtons board=board title=title byline=byline/>
            </div>
            <div class="field board-team">
                <label for=team_id.clone()>{i18n.tr(Key::CanvasTeam)}</label>
                <input id=team_id type="text" autocomplete="off" maxlength="200"
                    placeholder=pupil prop:value=team on:input=set_team/>
            </div>
            {start}
            <details class="board-help">
                <summary>{i18n.tr(Key::BoardHelpTitle)}</summary>
                <p id=help_id>{i18n.tr(Key::BoardHelp)}</p>
            </details>
            <div class="board-grid" style:grid-template-columns=columns style:grid-template-rows=rows>
                {blocks.into_iter().map(|block| view! { <BlockView board=board block=block help=help.clone()/> }).collect_view()}
            </div>
            <Orphans board=board help=orphan_help/>
            {attribution.map(|a| view! { <p class="attribution muted">{move || attribution_view(&i18n.text(&a))}</p> })}
            <p class="visually-hidden" role="status" aria-live="polite" id="board-announcement">
                {move || board.announcement.get()}
            </p>
            <sheet_view::PrintSheet board=board title=title byline=byline/>
        </div>
    }
}

/// An attribution as text with its web addresses (the licence) as links.
pub fn attribution_view(text: &str) -> AnyView {
    link_segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => t.into_any(),
            Segment::Link(url) => {
                let href = url.clone();
                view! { <a href=href rel="license noopener" target="_blank">{url}</a> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Notes of blocks the template does not have (content edited after they were written):
/// listed so that nothing is hidden, and movable into a block like any note.
#[component]
fn Orphans(board: BoardCtx, help: String) -> impl IntoView {
    let i18n = use_i18n();
    let orphans = RwSignal::from(board.block_signal(ORPHANS));
    view! {
        <Show when=move || orphans.with(|o| !o.is_empty())>
            <section class="board-orphans" aria-labelledby="board-orphans-title">
                <h3 id="board-orphans-title">{i18n.tr(Key::NotesWithoutBlock)}</h3>
                <NoteList board=board block=ORPHANS.to_string() ids=orphans.read_only()
                    labelled_by="board-orphans-title".to_string() help=help.clone()/>
            </section>
        </Show>
    }
}

/// The notes of a block in order, keyed by note id (one list component for blocks and
/// orphaned notes alike: one keyed-list instantiation in the download).
#[component]
fn NoteList(
    board: BoardCtx,
    block: String,
    ids: ReadSignal<Vec<RecordId>>,
    labelled_by: String,
    help: String,
) -> impl IntoView {
    view! {
        <ol class="notes" aria-labelledby=labelled_by>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <NoteView board=board id=id block=block.clone() ids=ids help=help.clone()/>
            </For>
        </ol>
    }
}

#[component]
fn BlockView(board: BoardCtx, block: CanvasBlock, help: String) -> impl IntoView {
    let i18n = use_i18n();
    let block_id = block.id.to_string();
    let ids = RwSignal::from(board.block_signal(&block_id));
    let column = format!("{} / span {}", block.col, block.width);
    let row = format!("{} / span {}", block.row, block.height);
    let heading = format!("block-{block_id}");
    let (title, add_title) = (block.title.clone(), block.title.clone());
    let prompt = block.prompt.clone();
    let here = block_id.clone();
    let drop_here = move || {
        board
            .drop
            .with(|d| d.as_ref().is_some_and(|d| d.block == here))
    };
    let end = block_id.clone();
    let drop_end = move || {
        board.drop.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.block == end && d.before.is_none())
        })
    };
    let add_id = add_button_id(&block_id);
    let add_block = block_id.clone();
    let (data_block, labelled_by, heading_id) =
        (block_id.clone(), heading.clone(), heading.clone());
    view! {
        <section class="board-block" data-block=data_block style:grid-column=column style:grid-row=row aria-labelledby=labelled_by
            class:drop-here=drop_here class:drop-end=drop_end>
            <h3 class="block-title" id=heading_id>{i18n.text_of(title)}</h3>
            {prompt.map(|p| view! {
                <Show when=move || ids.with(Vec::is_empty)>
                    <p class="block-prompt">{
                        let p = p.clone();
                        i18n.text_of(p)
                    }</p>
                </Show>
            })}
            <NoteList board=board block=block_id.clone() ids=ids.read_only() labelled_by=heading help=help/>
            <button type="button" class="add-note" id=add_id
                aria-label=move || i18n.f(Key::AddNoteTo, &[("block", &i18n.text(&add_title))])
                on:click=move |_| board.add(&add_block)>
                <span aria-hidden="true">"+ "</span>{i18n.tr(Key::AddNote)}
            </button>
        </section>
    }
}
