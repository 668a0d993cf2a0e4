//! Undo histories by board, kept outside any signal for the life of the page and in the
//! tab's session storage, so they survive a reload of the tab but are never shared with
//! another tab (whose edits this tab's undo must not take back). Writes to session storage
//! are put off while the pupil types and flushed when the page goes away.

use crate::app::browser;
use crate::core::board::History;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};

const KEY_PREFIX: &str = "spire.undo.";
const SAVE_DELAY_MS: u32 = 500;

thread_local! {
    static HISTORIES: RefCell<HashMap<String, History>> = RefCell::new(HashMap::new());
    static UNSAVED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    static TIMER: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
    static HOOKED: Cell<bool> = const { Cell::new(false) };
}

/// The session-storage key of a board's history.
pub fn key(work: &str, step: &str) -> String {
    format!("{KEY_PREFIX}{work}.{step}")
}

/// Reads a board's history, loading it from session storage the first time.
pub fn with<R>(key: &str, f: impl FnOnce(&History) -> R) -> R {
    ensure(key);
    HISTORIES.with(|h| f(h.borrow().get(key).unwrap_or(&History::default())))
}

/// Changes a board's history and saves it soon.
pub fn update<R>(key: &str, f: impl FnOnce(&mut History) -> R) -> R {
    ensure(key);
    let out = HISTORIES.with(|h| f(h.borrow_mut().entry(key.to_string()).or_default()));
    UNSAVED.with(|u| u.borrow_mut().insert(key.to_string()));
    TIMER.with(|t| {
        *t.borrow_mut() = Some(gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, flush))
    });
    if !HOOKED.with(|h| h.replace(true)) {
        browser::on_window("pagehide", |_: web_sys::Event| flush());
        browser::on_document("visibilitychange", || {
            if browser::document_hidden() {
                flush()
            }
        });
    }
    out
}

fn ensure(key: &str) {
    let known = HISTORIES.with(|h| h.borrow().contains_key(key));
    if !known {
        let saved = browser::session_get(key)
            .map(|text| History::from_json(&text))
            .unwrap_or_default();
        HISTORIES.with(|h| h.borrow_mut().insert(key.to_string(), saved));
    }
}

/// Writes every changed history to session storage now.
pub fn flush() {
    TIMER.with(|t| t.borrow_mut().take());
    let keys = UNSAVED.with(|u| std::mem::take(&mut *u.borrow_mut()));
    for key in keys {
        let text = HISTORIES.with(|h| h.borrow().get(&key).map(History::to_json));
        if let Some(text) = text {
            browser::session_set(&key, &text);
        }
    }
}
