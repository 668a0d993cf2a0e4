//! The one owner of the saved work. Components read it through keyed, tracked accessors —
//! one answer, one work item, the list of work, the settings — so typing in a step
//! re-runs only what reads that step; they change it through its operations. Only this
//! module touches storage, and it only carries out what `core::progress::save` decides:
//! each changed part is saved 300 ms after the change (and at once when the tab is hidden
//! or closed), merged with what another tab stored, and another tab's writes are merged in
//! as they arrive.

use super::browser::{self, StorageError};
use super::media_io;
use crate::core::media::backup::{clip_ids_anywhere, referenced};
use crate::core::media::sweep::{still_wanted, sweep, Unreferenced, UNREFERENCED_KEY};
use crate::core::media::{Clip, ClipKind, Stroke};
use crate::core::progress::answer::media_parts;
use crate::core::progress::answer::RecordKind;
use crate::core::progress::backup::export_backup_with_media;
use crate::core::progress::save::{
    absorb_head, absorb_progress, absorb_work, decide_save, kept_aside_key, kept_aside_time,
    plan_load, read_incoming, Incoming, LoadNotice, Merged, Mode, SaveDecision, Slot, Written,
    KEPT_ASIDE_PREFIX, LEGACY_KEY,
};
use crate::core::progress::stored::{to_stored, Head};
use crate::core::progress::{Answer, Millis, Progress, RecordId, Settings, Work, WorkRef};
use crate::core::text::Lang;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap};

const SAVE_DELAY_MS: u32 = 300;
/// When unreferenced media are looked for: this long after the start, then this often.
const SWEEP_DELAY_MS: u32 = 3_000;
const SWEEP_EVERY_MS: u32 = 60 * 60 * 1000;
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
    /// Started on data from a newer version of the app: this tab only reads.
    ReadOnly,
}

/// Data found unreadable and kept aside under its own key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAside {
    pub key: String,
    pub at: Millis,
}

/// What readers subscribe to. Triggers are made on first read and live with the page.
#[derive(Default)]
struct Triggers {
    settings: ArcTrigger,
    /// Which work items exist, and their position and completion.
    list: ArcTrigger,
    work: HashMap<String, ArcTrigger>,
    answers: HashMap<(String, String), ArcTrigger>,
}

thread_local! {
    static STATE: RefCell<Progress> = RefCell::new(Progress::default());
    static DIRTY: RefCell<BTreeSet<Slot>> = const { RefCell::new(BTreeSet::new()) };
    static MODE: Cell<Mode> = const { Cell::new(Mode::Normal) };
    static TRIGGERS: RefCell<Triggers> = RefCell::new(Triggers::default());
    // Browser timer handles are not Send, so they live here rather than in a signal.
    static PENDING: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
    // The text this tab last wrote under each key: a save finding it still there skips
    // re-reading it (see `decide_save`).
    static LAST_WRITTEN: RefCell<HashMap<String, Written>> = RefCell::new(HashMap::new());
    // Unsaved work was kept aside once after a newer app took over; not again.
    static RESCUED: Cell<bool> = const { Cell::new(false) };
}

fn work_trigger(key: &str) -> ArcTrigger {
    TRIGGERS.with(|t| {
        t.borrow_mut()
            .work
            .entry(key.to_string())
            .or_default()
            .clone()
    })
}

fn answer_trigger(key: &str, step: &str) -> ArcTrigger {
    TRIGGERS.with(|t| {
        t.borrow_mut()
            .answers
            .entry((key.to_string(), step.to_string()))
            .or_default()
            .clone()
    })
}

fn notify_settings() {
    TRIGGERS.with(|t| t.borrow().settings.clone()).notify();
}

fn notify_list() {
    TRIGGERS.with(|t| t.borrow().list.clone()).notify();
}

/// Notifies the readers of every part of `key` that differs between `before` and `after`.
fn notify_work_diff(key: &str, before: Option<&Work>, after: Option<&Work>) {
    if before == after {
        return;
    }
    let steps: BTreeSet<&String> = crate::core::sort::to_set(
        before
            .iter()
            .chain(after.iter())
            .flat_map(|w| w.answers.keys()),
    );
    let triggers: Vec<ArcTrigger> = TRIGGERS.with(|t| {
        let t = t.borrow();
        steps
            .into_iter()
            .filter(|s| {
                before.and_then(|w| w.answers.get(*s)) != after.and_then(|w| w.answers.get(*s))
            })
            .filter_map(|s| t.answers.get(&(key.to_string(), s.clone())).cloned())
            .chain(t.work.get(key).cloned())
            .collect()
    });
    for trigger in triggers {
        trigger.notify();
    }
    notify_list();
}

#[derive(Clone, Copy)]
pub struct Store {
    pub status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<LoadNotice>>,
    pub kept_aside: RwSignal<Vec<KeptAside>>,
}

impl Store {
    /// Loads saved work as `core::progress::save::plan_load` decides: unreadable entries
    /// are kept aside before anything could overwrite them; data from a newer app version
    /// opens read-only.
    pub fn load() -> Store {
        let plan = plan_load(&browser::storage_entries("spire.", KEPT_ASIDE_PREFIX));
        let store = Store {
            status: RwSignal::new(SaveStatus::Saved),
            notice: RwSignal::new(plan.notice.clone()),
            kept_aside: RwSignal::new(Vec::new()),
        };
        STATE.with(|s| *s.borrow_mut() = plan.progress);
        MODE.with(|m| m.set(plan.mode));
        if let Mode::ReadOnly(_) = plan.mode {
            store.status.set(SaveStatus::ReadOnly);
        } else if store.keep_aside_all(&plan.keep_aside) {
            for key in &plan.remove {
                browser::storage_remove(key);
            }
            DIRTY.with(|d| d.borrow_mut().extend(plan.write));
            store.save_now();
        }
        store.kept_aside.set(list_kept_aside());
        store.listen();
        store
    }

    /// Copies the values of `keys` aside; on failure the tab stops writing (returns false).
    fn keep_aside_all(&self, keys: &[String]) -> bool {
        let now = browser::now();
        for (n, key) in keys.iter().enumerate() {
            let Ok(Some(raw)) = browser::storage_get(key) else {
                continue;
            };
            if browser::storage_set(&kept_aside_key(now, n), &raw).is_err() {
                self.block();
                return false;
            }
        }
        true
    }

    fn listen(self) {
        browser::on_window("storage", move |e: web_sys::StorageEvent| {
            if let Some(key) = e.key() {
                self.absorb(&key, e.new_value().as_deref());
            }
        });
        browser::on_document("visibilitychange", move || {
            if browser::document_hidden() {
                self.flush();
            }
        });
        browser::on_window("pagehide", move |_: web_sys::Event| self.flush());
    }

    /// Merges what another tab wrote under `key`.
    fn absorb(&self, key: &str, raw: Option<&str>) {
        if key.starts_with(KEPT_ASIDE_PREFIX) {
            self.kept_aside.set(list_kept_aside());
            return;
        }
        match read_incoming(key, raw) {
            Incoming::Head(head) => self.apply(|p| absorb_head(p, &head)),
            Incoming::Work(k, work) => {
                let before = STATE.with(|s| s.borrow().work.get(&k).cloned());
                let changed = STATE.with(|s| absorb_work(&mut s.borrow_mut(), &k, &work));
                if changed {
                    let after = STATE.with(|s| s.borrow().work.get(&k).cloned());
                    notify_work_diff(&k, before.as_ref(), after.as_ref());
                }
            }
            Incoming::Legacy(progress) => {
                let dirty = self.apply_dirty(|p| absorb_progress(p, &progress));
                DIRTY.with(|d| d.borrow_mut().extend(dirty));
                self.schedule();
            }
            Incoming::NewerApp(version) => self.newer_app(version),
            Incoming::Nothing => {}
        }
    }

    /// Applies a change to the whole state and notifies every reader whose part changed.
    fn apply(&self, f: impl FnOnce(&mut Progress) -> bool) {
        let before = STATE.with(|s| s.borrow().clone());
        let changed = STATE.with(|s| f(&mut s.borrow_mut()));
        if changed {
            self.notify_all(&before);
        }
    }

    fn apply_dirty(&self, f: impl FnOnce(&mut Progress) -> BTreeSet<Slot>) -> BTreeSet<Slot> {
        let before = STATE.with(|s| s.borrow().clone());
        let dirty = STATE.with(|s| f(&mut s.borrow_mut()));
        self.notify_all(&before);
        dirty
    }

    fn notify_all(&self, before: &Progress) {
        let after = STATE.with(|s| s.borrow().clone());
        if before.settings != after.settings || before.erased_at != after.erased_at {
            notify_settings();
        }
        let keys: BTreeSet<&String> =
            crate::core::sort::to_set(before.work.keys().chain(after.work.keys()));
        for key in keys {
            notify_work_diff(key, before.work.get(key), after.work.get(key));
        }
        notify_list();
    }

    // ---- reading (tracked) -------------------------------------------------------------

    /// One step's answer; re-runs the reader only when that answer changes.
    pub fn answer(&self, work: &WorkRef, step: &str) -> Option<Answer> {
        let key = work.key();
        answer_trigger(&key, step).track();
        STATE.with(|s| s.borrow().work.get(&key)?.answer(step).cloned())
    }

    /// Reads one step's answer in place (no copy); re-runs the reader when it changes. For
    /// readers of big answers (a board of notes) that pick out what changed themselves.
    pub fn with_answer<R>(
        &self,
        work: &WorkRef,
        step: &str,
        f: impl FnOnce(Option<&Answer>) -> R,
    ) -> R {
        let key = work.key();
        answer_trigger(&key, step).track();
        STATE.with(|s| f(s.borrow().work.get(&key).and_then(|w| w.answer(step))))
    }

    /// Whether a step holds something the pupil did; re-runs when that answer changes.
    pub fn answer_is_meaningful(&self, work: &WorkRef, step: &str) -> bool {
        let key = work.key();
        answer_trigger(&key, step).track();
        STATE.with(|s| {
            s.borrow()
                .work
                .get(&key)
                .and_then(|w| w.answer(step))
                .is_some_and(|a| a.is_meaningful())
        })
    }

    /// Reads the state without subscribing (for event handlers and one-off decisions).
    pub fn with<R>(&self, f: impl FnOnce(&Progress) -> R) -> R {
        STATE.with(|s| f(&s.borrow()))
    }

    /// Reads one work item; re-runs when anything but its answers' text changes.
    pub fn with_work<R>(&self, work: &WorkRef, f: impl FnOnce(Option<&Work>) -> R) -> R {
        let key = work.key();
        work_trigger(&key).track();
        STATE.with(|s| f(s.borrow().work.get(&key)))
    }

    /// Reads the whole state, re-running when work items come or go or move on.
    pub fn with_list<R>(&self, f: impl FnOnce(&Progress) -> R) -> R {
        TRIGGERS.with(|t| t.borrow().list.clone()).track();
        STATE.with(|s| f(&s.borrow()))
    }

    pub fn with_settings<R>(&self, f: impl FnOnce(&Settings) -> R) -> R {
        TRIGGERS.with(|t| t.borrow().settings.clone()).track();
        STATE.with(|s| f(&s.borrow().settings))
    }

    pub fn lang(&self) -> Lang {
        self.with_settings(|s| s.lang.unwrap_or_default())
    }

    /// The whole state, untracked (for backups and previews).
    pub fn snapshot(&self) -> Progress {
        STATE.with(|s| s.borrow().clone())
    }

    // ---- changing ----------------------------------------------------------------------

    /// A new random record id (never "highest + 1", which two tabs would both mint).
    pub fn new_id(&self) -> RecordId {
        RecordId::from_random(browser::random_u64())
    }

    /// Changes a media answer (content v1.1) part by part: `f` gets its text, strokes and
    /// clips as saved now (a typed prompt answer becomes the text).
    pub fn update_media(
        &self,
        work: &WorkRef,
        step: &str,
        f: impl FnOnce(&mut String, &mut Vec<Stroke>, &mut Vec<Clip>),
    ) {
        let (mut text, mut strokes, mut clips) = media_parts(self.answer(work, step).as_ref());
        f(&mut text, &mut strokes, &mut clips);
        self.set_answer(
            work,
            step,
            Answer::Media {
                text,
                strokes,
                clips,
            },
        );
    }

    /// Keeps a photo or recording: the blob goes to the media database as soon as it is
    /// captured (not with every save of the work), then the answer refers to it. With
    /// `replace`, clips of that kind are replaced (a voice step keeps one recording) and
    /// their blobs deleted once the new one is safe.
    pub async fn keep_clip(
        &self,
        work: &WorkRef,
        step: &str,
        clip: Clip,
        blob: web_sys::Blob,
        replace: Option<ClipKind>,
    ) -> Result<(), media_io::MediaError> {
        media_io::put(&clip.id, &blob).await?;
        let mut gone = Vec::new();
        self.update_media(work, step, |_, _, clips| {
            if let Some(kind) = replace {
                clips.retain(|c| {
                    let same = c.kind() == Some(kind);
                    if same {
                        gone.push(c.id.clone());
                    }
                    !same
                });
            }
            clips.push(clip);
        });
        for id in gone {
            media_io::delete(&id).await;
        }
        Ok(())
    }

    /// Keeps a photo's bytes in the media database before saved work refers to it (a canvas
    /// note's photo: the board writes the reference, with undo).
    pub async fn keep_blob(
        &self,
        id: &str,
        blob: &web_sys::Blob,
    ) -> Result<(), media_io::MediaError> {
        media_io::put(id, blob).await
    }

    /// Removes a photo or recording from the answer, then its blob.
    pub fn drop_clip(&self, work: &WorkRef, step: &str, id: &str) {
        self.update_media(work, step, |_, _, clips| clips.retain(|c| c.id != id));
        let id = id.to_string();
        leptos::task::spawn_local(async move { media_io::delete(&id).await });
    }

    /// Deletes the photos and recordings no saved work has referred to for a day (see
    /// `core::media::sweep`): a while after the start, so it never competes with drawing
    /// the first page, and then every hour for a tab left open. Only in a tab that may
    /// write: data from a newer app, or data that could not be kept aside, may refer to
    /// clips this version cannot see.
    pub fn sweep_media_later(&self) {
        let store = *self;
        gloo_timers::callback::Timeout::new(SWEEP_DELAY_MS, move || {
            leptos::task::spawn_local(store.sweep_media());
            gloo_timers::callback::Interval::new(SWEEP_EVERY_MS, move || {
                leptos::task::spawn_local(store.sweep_media());
            })
            .forget();
        })
        .forget();
    }

    async fn sweep_media(self) {
        let may_write = || MODE.with(Cell::get) == Mode::Normal;
        if !may_write() {
            return;
        }
        let Some(stored) = media_io::keys().await else {
            return;
        };
        // A newer app may have taken over in another tab while the keys were read.
        if !may_write() {
            return;
        }
        let Some(mut wanted) = still_wanted(&self.snapshot()) else {
            return;
        };
        for kept in list_kept_aside() {
            if let Ok(Some(raw)) = browser::storage_get(&kept.key) {
                wanted.extend(clip_ids_anywhere(&raw).map(String::from));
            }
        }
        let raw = browser::storage_get(UNREFERENCED_KEY).ok().flatten();
        let before = Unreferenced::read(raw.as_deref());
        let sweep = sweep(&stored, &wanted, &before, browser::now());
        let json = sweep.unreferenced.to_json();
        if raw.as_deref() != Some(json.as_str())
            && (raw.is_some() || !sweep.unreferenced.is_empty())
        {
            // If this cannot be written, the next look starts the wait again: nothing is lost.
            let _ = browser::storage_set(UNREFERENCED_KEY, &json);
        }
        for id in &sweep.delete {
            media_io::delete(id).await;
        }
    }

    /// The whole state as a backup file, with the photos and recordings it refers to.
    pub async fn backup_text(&self) -> String {
        let progress = self.snapshot();
        let media = media_io::read_all(referenced(&progress)).await;
        export_backup_with_media(&progress, browser::now(), APP_VERSION, &media)
    }

    pub fn set_answer(&self, work: &WorkRef, step: &str, answer: Answer) {
        self.change_answer(work, step, |p, now| p.set_answer(work, step, answer, now));
    }

    /// Adds, changes or (with `None`) deletes one record of a step's list.
    pub fn put_record<T: RecordKind>(
        &self,
        work: &WorkRef,
        step: &str,
        id: RecordId,
        value: Option<T>,
    ) {
        self.change_answer(work, step, |p, now| {
            p.put_record(work, step, id, value, now)
        });
    }

    /// Adds, changes or deletes many records of one step's list in one change (an import of
    /// a class's hand-ins), so readers re-run once rather than once per record.
    pub fn put_records<T: RecordKind>(
        &self,
        work: &WorkRef,
        step: &str,
        records: Vec<(RecordId, Option<T>)>,
    ) {
        self.change_answer(work, step, |p, now| {
            records.into_iter().fold(false, |changed, (id, value)| {
                p.put_record(work, step, id, value, now) || changed
            })
        });
    }

    fn change_answer(
        &self,
        work: &WorkRef,
        step: &str,
        f: impl FnOnce(&mut Progress, Millis) -> bool,
    ) {
        let key = work.key();
        let (existed, meaningful_before) = STATE.with(|s| {
            let p = s.borrow();
            let w = p.work.get(&key);
            (
                w.is_some(),
                w.and_then(|w| w.answer(step))
                    .is_some_and(|a| a.is_meaningful()),
            )
        });
        let now = browser::now();
        if !STATE.with(|s| f(&mut s.borrow_mut(), now)) {
            return;
        }
        let meaningful_after = STATE.with(|s| {
            s.borrow()
                .answer(work, step)
                .is_some_and(|a| a.is_meaningful())
        });
        answer_trigger(&key, step).notify();
        if !existed || meaningful_before != meaningful_after {
            work_trigger(&key).notify();
        }
        if !existed {
            notify_list();
        }
        self.mark(Slot::Work(key));
    }

    /// Changes a work item's own data (position, completion, props).
    pub fn update_work(&self, work: &WorkRef, f: impl FnOnce(&mut Progress, Millis) -> bool) {
        let now = browser::now();
        if STATE.with(|s| f(&mut s.borrow_mut(), now)) {
            let key = work.key();
            work_trigger(&key).notify();
            notify_list();
            self.mark(Slot::Work(key));
        }
    }

    pub fn set_position(&self, work: &WorkRef, step: &str) {
        self.update_work(work, |p, now| p.set_position(work, step, now));
    }

    /// Sets several props of a work item in one change.
    pub fn set_props(&self, work: &WorkRef, props: &[(&str, String)]) {
        self.update_work(work, |p, now| {
            props.iter().fold(false, |changed, (name, value)| {
                p.set_prop(work, name, value, now) || changed
            })
        });
    }

    /// Deletes a whole work item (an assignment, a class overview, a team project) with a tombstone that
    /// merges, so another tab or an older backup does not bring it back.
    pub fn delete_work(&self, work: &WorkRef) {
        self.update_work(work, |p, now| p.delete_work(work, now));
    }

    /// Brings a deleted work item back (a pupil opening an assignment link they removed).
    pub fn restore_work(&self, work: &WorkRef) {
        self.update_work(work, |p, now| p.restore_work(work, now));
    }

    pub fn set_completed(&self, work: &WorkRef, done: bool) {
        self.update_work(work, |p, now| p.set_completed(work, done, now));
    }

    pub fn set_lang(&self, lang: Lang) {
        self.update_settings(|p, now| p.set_lang(lang, now));
    }

    pub fn set_level(&self, level: Option<crate::core::content::Level>) {
        self.update_settings(|p, now| p.set_level(level, now));
    }

    pub fn set_young(&self, on: bool) {
        self.update_settings(|p, now| p.set_young(on, now));
    }

    pub fn set_name(&self, name: &str) {
        self.update_settings(|p, now| p.set_name(name, now));
    }

    fn update_settings(&self, f: impl FnOnce(&mut Progress, Millis) -> bool) {
        let now = browser::now();
        if STATE.with(|s| f(&mut s.borrow_mut(), now)) {
            notify_settings();
            self.mark(Slot::Settings);
        }
    }

    /// Merges a restored backup into the saved work.
    pub fn merge_in(&self, incoming: &Progress) {
        let dirty = self.apply_dirty(|p| absorb_progress(p, incoming));
        DIRTY.with(|d| d.borrow_mut().extend(dirty));
        self.save_now();
    }

    /// Replaces the whole state (restore by replace, erase) and saves at once, without
    /// merging back what is stored: the user chose this.
    pub fn replace(&self, progress: Progress) {
        if MODE.with(Cell::get) != Mode::Normal {
            return;
        }
        let before = self.snapshot();
        // Without the stored entries the save below writes the new state as it is.
        for key in before.work.keys().chain(progress.work.keys()) {
            browser::storage_remove(&Slot::Work(key.clone()).storage_key());
        }
        browser::storage_remove(&Slot::Settings.storage_key());
        STATE.with(|s| *s.borrow_mut() = progress.clone());
        self.notify_all(&before);
        DIRTY.with(|d| {
            let mut d = d.borrow_mut();
            d.clear();
            d.insert(Slot::Settings);
            d.extend(progress.work.keys().map(|k| Slot::Work(k.clone())));
        });
        self.save_now();
    }

    /// Erases all work (keeping the language) and every saved entry of it.
    pub fn erase_all(&self) {
        let mut p = self.snapshot();
        p.erase_all(browser::now());
        for key in browser::storage_keys(crate::core::progress::save::WORK_PREFIX) {
            browser::storage_remove(&key);
        }
        browser::storage_remove(LEGACY_KEY);
        browser::storage_remove(UNREFERENCED_KEY);
        self.replace(p);
        leptos::task::spawn_local(media_io::clear());
    }

    pub fn remove_kept_aside(&self, key: &str) {
        browser::storage_remove(key);
        self.kept_aside.set(list_kept_aside());
    }

    // ---- saving ------------------------------------------------------------------------

    fn mark(&self, slot: Slot) {
        DIRTY.with(|d| d.borrow_mut().insert(slot));
        self.schedule();
    }

    fn schedule(&self) {
        if MODE.with(Cell::get) != Mode::Normal {
            return;
        }
        // Set only on a change: each keystroke would otherwise re-render the status line.
        if self.status.get_untracked() != SaveStatus::Saving {
            self.status.set(SaveStatus::Saving);
        }
        let store = *self;
        let timeout = gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || store.save_now());
        PENDING.with(|p| *p.borrow_mut() = Some(timeout));
    }

    /// Saves at once if a save is pending (tab hidden or closing).
    pub fn flush(&self) {
        let pending = PENDING.with(|p| p.borrow_mut().take());
        if pending.is_some() || DIRTY.with(|d| !d.borrow().is_empty()) {
            self.save_now();
        }
    }

    /// Saves every changed part, each as `decide_save` says.
    fn save_now(&self) {
        PENDING.with(|p| p.borrow_mut().take());
        let started = browser::perf_now();
        let slots = DIRTY.with(|d| std::mem::take(&mut *d.borrow_mut()));
        let mut status = SaveStatus::Saved;
        for slot in slots {
            if let Some(problem) = self.save_slot(&slot) {
                status = problem;
                DIRTY.with(|d| d.borrow_mut().insert(slot));
            }
        }
        status = match MODE.with(Cell::get) {
            Mode::ReadOnly(_) if status == SaveStatus::Saved => SaveStatus::ReadOnly,
            Mode::Blocked => SaveStatus::Blocked,
            _ => status,
        };
        let current = self.status.get_untracked();
        if current != SaveStatus::NewerApp && current != status {
            self.status.set(status);
        }
        browser::perf_measure("spire:save", started);
    }

    /// Saves one part; returns the status to show when it could not be saved.
    fn save_slot(&self, slot: &Slot) -> Option<SaveStatus> {
        let key = slot.storage_key();
        let stored = match browser::storage_get(&key) {
            Ok(v) => v,
            Err(_) => return Some(SaveStatus::Failed),
        };
        let mode = MODE.with(Cell::get);
        let decision = STATE.with(|s| {
            let last = LAST_WRITTEN.with(|l| l.borrow().get(&key).copied());
            decide_save(
                slot,
                stored.as_deref(),
                last,
                &s.borrow(),
                mode,
                browser::now(),
                APP_VERSION,
            )
        });
        match decision {
            SaveDecision::Write { text, merged } => self.write(&key, &text, merged),
            SaveDecision::KeepAsideAndWrite { text, merged } => {
                let raw = stored.unwrap_or_default();
                if browser::storage_set(&kept_aside_key(browser::now(), 0), &raw).is_err() {
                    self.block();
                    return Some(SaveStatus::Blocked);
                }
                self.kept_aside.set(list_kept_aside());
                self.write(&key, &text, merged)
            }
            SaveDecision::Remove => {
                browser::storage_remove(&key);
                None
            }
            SaveDecision::RefuseNewer(version) => {
                self.newer_app(version);
                Some(SaveStatus::NewerApp)
            }
            SaveDecision::Skip => None,
        }
    }

    fn write(&self, key: &str, text: &str, merged: Merged) -> Option<SaveStatus> {
        match browser::storage_set(key, text) {
            Ok(()) => {
                LAST_WRITTEN.with(|l| l.borrow_mut().insert(key.to_string(), Written::of(text)));
                self.take_merged(merged);
                None
            }
            Err(StorageError::Full) => Some(SaveStatus::Full),
            Err(StorageError::Unavailable) => Some(SaveStatus::Failed),
        }
    }

    /// Brings what a save merged from storage into memory.
    fn take_merged(&self, merged: Merged) {
        match merged {
            Merged::Head(head) => {
                if Head::of(&self.snapshot_head()) != head {
                    self.apply(|p| absorb_head(p, &head));
                }
            }
            Merged::Work { key, work } => {
                let before = STATE.with(|s| s.borrow().work.get(&key).cloned());
                if before.as_ref() != Some(&work) {
                    STATE.with(|s| absorb_work(&mut s.borrow_mut(), &key, &work));
                    let after = STATE.with(|s| s.borrow().work.get(&key).cloned());
                    notify_work_diff(&key, before.as_ref(), after.as_ref());
                }
            }
        }
    }

    fn snapshot_head(&self) -> Progress {
        STATE.with(|s| {
            let p = s.borrow();
            Progress {
                settings: p.settings.clone(),
                erased_at: p.erased_at,
                extra: p.extra.clone(),
                ..Default::default()
            }
        })
    }

    /// Unreadable data could not be kept aside: stop writing, so it is never overwritten.
    fn block(&self) {
        MODE.with(|m| m.set(Mode::Blocked));
        self.status.set(SaveStatus::Blocked);
        self.notice.set(Some(LoadNotice::Blocked));
    }

    /// A newer app version has taken over the saved data: stop writing, and keep whatever
    /// this tab has not saved aside, where the newer app lists it on My work.
    fn newer_app(&self, version: u64) {
        MODE.with(|m| m.set(Mode::ReadOnly(version)));
        self.status.set(SaveStatus::NewerApp);
        let unsaved =
            DIRTY.with(|d| !d.borrow().is_empty()) || PENDING.with(|p| p.borrow().is_some());
        PENDING.with(|p| p.borrow_mut().take());
        if unsaved && !RESCUED.with(|r| r.replace(true)) {
            let text = to_stored(&self.snapshot(), browser::now(), APP_VERSION);
            let _ = browser::storage_set(&kept_aside_key(browser::now(), 0), &text);
        }
    }
}

fn list_kept_aside() -> Vec<KeptAside> {
    let mut list: Vec<KeptAside> = browser::storage_keys(KEPT_ASIDE_PREFIX)
        .into_iter()
        .map(|key| KeptAside {
            at: kept_aside_time(&key).unwrap_or(0),
            key,
        })
        .collect();
    crate::core::sort::sort_by_key(&mut list, |k| std::cmp::Reverse(k.at));
    list
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
