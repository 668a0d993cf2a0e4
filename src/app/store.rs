//! The one owner of the saved work. Components read its signal and call `update`; only this
//! module touches storage. Saves are debounced (300 ms) and flushed when the tab is hidden
//! or closed; every save reads what another tab may have written and merges before writing,
//! and a `storage` event from another tab is merged in at once.

use super::browser::{self, StorageError};
use crate::core::progress::merge::merge;
use crate::core::progress::stored::{restore, to_stored, RestoreError};
use crate::core::progress::{Millis, Progress};
use crate::core::text::Lang;
use leptos::prelude::*;
use std::cell::RefCell;

pub const PROGRESS_KEY: &str = "spire.progress";
pub const KEPT_ASIDE_PREFIX: &str = "spire.kept-aside.";
const SAVE_DELAY_MS: u32 = 300;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    Full,
    Failed,
    /// Saved data could not be read nor kept aside, so writing would destroy it.
    Blocked,
    /// A newer version of the app saved in another tab; this one must be reloaded.
    NewerApp,
}

/// Why the store could not load everything it found.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadNotice {
    KeptAside(RestoreError),
    PartlyRead(Vec<String>),
}

/// Data found unreadable and kept aside under its own key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAside {
    pub key: String,
    pub at: Millis,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub state: RwSignal<Progress>,
    pub status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<LoadNotice>>,
    pub kept_aside: RwSignal<Vec<KeptAside>>,
}

thread_local! {
    // Browser timer handles are not Send, so they live here rather than in a signal.
    static PENDING: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

impl Store {
    /// Loads saved work. Unreadable data is kept aside before anything could overwrite it.
    pub fn load() -> Store {
        let (progress, notice, status) = match browser::storage_get(PROGRESS_KEY) {
            Ok(None) | Err(_) => (Progress::default(), None, SaveStatus::Saved),
            Ok(Some(raw)) => match restore(&raw) {
                Ok(r) if r.dropped.is_empty() => (r.progress, None, SaveStatus::Saved),
                Ok(r) => {
                    let status = keep_aside_status(&raw);
                    (r.progress, Some(LoadNotice::PartlyRead(r.dropped)), status)
                }
                Err(e) => {
                    let status = keep_aside_status(&raw);
                    (Progress::default(), Some(LoadNotice::KeptAside(e)), status)
                }
            },
        };
        let store = Store {
            state: RwSignal::new(progress),
            status: RwSignal::new(status),
            notice: RwSignal::new(notice),
            kept_aside: RwSignal::new(list_kept_aside()),
        };
        // Once the unreadable data is safe under its own key, write what was readable so the
        // next start does not keep the same data aside again.
        if store.notice.get_untracked().is_some() && status == SaveStatus::Saved {
            store.replace(store.state.get_untracked());
        }
        store.listen();
        store
    }

    fn listen(self) {
        browser::on_window("storage", move |e: web_sys::StorageEvent| {
            if e.key().as_deref() == Some(PROGRESS_KEY) {
                if let Some(raw) = e.new_value() {
                    self.absorb(&raw);
                }
            }
        });
        browser::on_document("visibilitychange", move || {
            if browser::document_hidden() {
                self.flush();
            }
        });
        browser::on_window("pagehide", move |_: web_sys::Event| self.flush());
    }

    /// Merges what another tab saved into this tab's state.
    fn absorb(&self, raw: &str) {
        if let Ok(theirs) = restore(raw) {
            let mine = self.state.get_untracked();
            let merged = merge(&mine, &theirs.progress);
            if merged != mine {
                self.state.set(merged);
            }
        }
    }

    /// Applies a change. `f` returns whether it changed anything; only then is a save queued.
    pub fn update(&self, f: impl FnOnce(&mut Progress, Millis) -> bool) {
        let now = browser::now();
        let mut changed = false;
        self.state.update(|p| changed = f(p, now));
        if changed {
            self.schedule();
        }
    }

    fn schedule(&self) {
        if self.status.get_untracked() != SaveStatus::Blocked {
            self.status.set(SaveStatus::Saving);
        }
        let store = *self;
        let timeout = gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || store.save());
        PENDING.with(|p| *p.borrow_mut() = Some(timeout));
    }

    /// Saves at once if a save is pending. (Data that turned unreadable with nothing pending
    /// is left for the next start, which keeps it aside and tells the pupil.)
    pub fn flush(&self) {
        let pending = PENDING.with(|p| p.borrow_mut().take());
        if let Some(timeout) = pending {
            timeout.cancel();
            self.save();
        }
    }

    /// Reads what is stored, merges, writes. Never writes over data it could not read.
    fn save(&self) {
        PENDING.with(|p| p.borrow_mut().take());
        if self.status.get_untracked() == SaveStatus::Blocked {
            return;
        }
        let mine = self.state.get_untracked();
        let stored = match browser::storage_get(PROGRESS_KEY) {
            Ok(Some(raw)) => match restore(&raw) {
                Ok(r) => Some(r.progress),
                // A newer version of the app (open in another tab) saved: never write an
                // older format over it; this tab must be reloaded to save again.
                Err(RestoreError::FromNewerApp(_)) => {
                    self.status.set(SaveStatus::NewerApp);
                    return;
                }
                Err(_) => {
                    if keep_aside(&raw).is_err() {
                        self.status.set(SaveStatus::Blocked);
                        return;
                    }
                    self.kept_aside.set(list_kept_aside());
                    None
                }
            },
            _ => None,
        };
        let merged = match stored {
            Some(theirs) => merge(&mine, &theirs),
            None => mine.clone(),
        };
        let status = match browser::storage_set(
            PROGRESS_KEY,
            &to_stored(&merged, browser::now(), APP_VERSION),
        ) {
            Ok(()) => SaveStatus::Saved,
            Err(StorageError::Full) => SaveStatus::Full,
            Err(StorageError::Unavailable) => SaveStatus::Failed,
        };
        self.status.set(status);
        if merged != mine {
            self.state.set(merged);
        }
    }

    /// Replaces the whole state (restore by replace, erase) and saves at once, without merging
    /// back what is stored: the user chose this.
    pub fn replace(&self, progress: Progress) {
        PENDING.with(|p| p.borrow_mut().take());
        self.state.set(progress.clone());
        let status = match browser::storage_set(
            PROGRESS_KEY,
            &to_stored(&progress, browser::now(), APP_VERSION),
        ) {
            Ok(()) => SaveStatus::Saved,
            Err(StorageError::Full) => SaveStatus::Full,
            Err(StorageError::Unavailable) => SaveStatus::Failed,
        };
        self.status.set(status);
    }

    pub fn lang(&self) -> Lang {
        self.state.with(|p| p.settings.lang.unwrap_or_default())
    }

    pub fn remove_kept_aside(&self, key: &str) {
        browser::storage_remove(key);
        self.kept_aside.set(list_kept_aside());
    }
}

/// Copies raw data to a key of its own; the status to start in depends on whether that worked.
fn keep_aside_status(raw: &str) -> SaveStatus {
    match keep_aside(raw) {
        Ok(()) => SaveStatus::Saved,
        Err(_) => SaveStatus::Blocked,
    }
}

fn keep_aside(raw: &str) -> Result<(), StorageError> {
    let key = format!("{KEPT_ASIDE_PREFIX}{}", browser::now());
    browser::storage_set(&key, raw)
}

fn list_kept_aside() -> Vec<KeptAside> {
    let mut list: Vec<KeptAside> = browser::storage_keys(KEPT_ASIDE_PREFIX)
        .into_iter()
        .map(|key| KeptAside {
            at: key[KEPT_ASIDE_PREFIX.len()..].parse().unwrap_or(0),
            key,
        })
        .collect();
    list.sort_by_key(|k| std::cmp::Reverse(k.at));
    list
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
