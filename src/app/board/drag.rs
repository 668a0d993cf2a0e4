//! Dragging a note by its handle with a mouse, a pen or a finger (pointer events). While it
//! is dragged the note follows the pointer by a CSS transform set directly on its element
//! (no re-render per frame); the place it would land is worked out from the blocks and
//! notes under the pointer and shown by the board, which re-renders only when that place
//! changes. Dropping is one move through the board, like a keyboard move.

use super::BoardCtx;
use crate::app::browser;
use crate::core::board::notes::drop_index;
use crate::core::progress::RecordId;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, PointerEvent};

/// A pointer must travel this far (CSS px) before a press becomes a drag.
const THRESHOLD: f64 = 6.0;
/// Closer than this to the top or bottom of the window, a drag scrolls the page.
const EDGE: f64 = 48.0;

struct Drag {
    id: RecordId,
    pointer: i32,
    x0: f64,
    y0: f64,
    /// Where the page was scrolled when the drag began, so the note stays under the pointer
    /// while the page scrolls.
    scroll0: f64,
    active: bool,
    note: HtmlElement,
    target: Option<(String, usize)>,
}

thread_local! {
    static DRAG: RefCell<Option<Drag>> = const { RefCell::new(None) };
    // A drag just ended: the click the browser sends after it is not a press of the handle.
    static DRAGGED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True (once) when the click now arriving ends a drag rather than being a press.
pub fn click_ends_drag() -> bool {
    DRAGGED.with(|d| d.replace(false))
}

fn scroll_y() -> f64 {
    browser::window().scroll_y().unwrap_or(0.0)
}

/// A press on a note's handle: the start of a possible drag.
pub fn down(ev: &PointerEvent, id: &RecordId) {
    if ev.pointer_type() == "mouse" && ev.button() != 0 {
        return;
    }
    // The element pressed may be the handle's icon; events are delegated, so the handle is
    // found from the target rather than `currentTarget`.
    let Some(handle) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest(".note-handle").ok().flatten())
    else {
        return;
    };
    let Some(note) = handle
        .closest(".note")
        .ok()
        .flatten()
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let _ = handle.set_pointer_capture(ev.pointer_id());
    DRAGGED.with(|d| d.set(false));
    DRAG.with(|d| {
        *d.borrow_mut() = Some(Drag {
            id: id.clone(),
            pointer: ev.pointer_id(),
            x0: ev.client_x() as f64,
            y0: ev.client_y() as f64,
            scroll0: scroll_y(),
            active: false,
            note,
            target: None,
        })
    });
}

pub fn moved(ev: &PointerEvent, board: BoardCtx) {
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    let started = browser::perf_now();
    let target = DRAG.with(|d| {
        let mut d = d.borrow_mut();
        let drag = d.as_mut().filter(|d| d.pointer == ev.pointer_id())?;
        let (dx, dy) = (x - drag.x0, y - drag.y0 + scroll_y() - drag.scroll0);
        if !drag.active {
            if dx.hypot(dy) < THRESHOLD {
                return None;
            }
            drag.active = true;
            let _ = drag.note.class_list().add_1("dragging");
        }
        let _ = drag
            .note
            .style()
            .set_property("transform", &format!("translate({dx}px, {dy}px)"));
        let target = target_at(&drag.note, x, y);
        drag.target = target
            .as_ref()
            .map(|(block, index, _)| (block.clone(), *index));
        Some(target)
    });
    let Some(target) = target else {
        return;
    };
    ev.prevent_default();
    // Shown by the board; set only when the place changes, so most frames re-render nothing.
    let shown = target.map(|(block, _, before)| super::DropAt { block, before });
    if board.drop.with_untracked(|d| *d != shown) {
        board.drop.set(shown);
    }
    let height = browser::viewport_height();
    if y < EDGE {
        browser::scroll_by(-(EDGE - y) / 2.0);
    } else if y > height - EDGE {
        browser::scroll_by((y - (height - EDGE)) / 2.0);
    }
    browser::perf_measure("spire:drag-frame", started);
}

/// The pointer was released: drop the note where it was last shown to land.
pub fn up(ev: &PointerEvent, board: BoardCtx) {
    let Some(drag) = take(ev.pointer_id()) else {
        return;
    };
    if !drag.active {
        return;
    }
    DRAGGED.with(|d| d.set(true));
    ev.prevent_default();
    if let Some((block, index)) = drag.target {
        board.move_note(&drag.id, &block, index, super::Focus::Handle);
    }
    board.drop.set(None);
}

/// The browser took the pointer away (a scroll gesture, a lost capture): nothing moves.
pub fn cancel(ev: &PointerEvent, board: BoardCtx) {
    take(ev.pointer_id());
    board.drop.set(None);
}

fn take(pointer: i32) -> Option<Drag> {
    let drag = DRAG.with(|d| {
        let mut d = d.borrow_mut();
        if d.as_ref().is_some_and(|d| d.pointer == pointer) {
            d.take()
        } else {
            None
        }
    })?;
    let _ = drag.note.class_list().remove_1("dragging");
    let _ = drag.note.style().remove_property("transform");
    Some(drag)
}

fn node(e: &Element) -> &web_sys::Node {
    e.as_ref()
}

/// The block under `(x, y)` (not counting the dragged note itself), the place among that
/// block's other notes where the note would land, and the id of the note it would land
/// before (`None`: at the end).
fn target_at(dragged: &HtmlElement, x: f64, y: f64) -> Option<(String, usize, Option<String>)> {
    let document = browser::window().document()?;
    let hits = document.elements_from_point(x as f32, y as f32);
    let block = hits
        .iter()
        .filter_map(|h| h.dyn_into::<Element>().ok())
        .filter(|e| !dragged.contains(Some(node(e))))
        .find_map(|e| e.closest(".board-block").ok().flatten())?;
    let block_id = block.get_attribute("data-block")?;
    let notes = block.query_selector_all(".note").ok()?;
    let mut boxes = Vec::new();
    let mut ids = Vec::new();
    for i in 0..notes.length() {
        let Some(note) = notes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if dragged.is_same_node(Some(node(&note))) {
            continue;
        }
        let r = note.get_bounding_client_rect();
        boxes.push((r.left(), r.top(), r.right(), r.bottom()));
        ids.push(note.get_attribute("data-note"));
    }
    let index = drop_index(&boxes, x, y);
    let before = ids.get(index).cloned().flatten();
    Some((block_id, index, before))
}
