//! The rules of saving, as pure functions: what to load at start-up, what to write when a
//! part of the state changed, what to do with what another tab wrote. The browser store
//! only reads and writes the keys these functions name and reports the outcome.
//!
//! Storage layout (format v3): the settings under `spire.settings`, each work item under
//! `spire.work.<kind>:<id>`, so a keystroke writes one small entry, another tab's change
//! arrives as one entry, and one unreadable entry is kept aside without touching the rest.
//! `spire.progress` is the whole state as versions 1 and 2 saved it: read once, migrated,
//! and also absorbed when an older app version still open in another tab writes it.

use super::merge::{json_after, merge_settings, merge_work};
use super::state::{Millis, Progress, Work, WorkRef};
use super::stored::{
    head_to_stored, restore, restore_head, restore_work_entry, work_to_stored, Head, RestoreError,
};
use std::collections::BTreeSet;

pub const LEGACY_KEY: &str = "spire.progress";
pub const SETTINGS_KEY: &str = "spire.settings";
pub const WORK_PREFIX: &str = "spire.work.";
pub const KEPT_ASIDE_PREFIX: &str = "spire.kept-aside.";

/// A part of the state that is saved on its own.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    Settings,
    /// A work item by its key (`lesson:idea-sprint`).
    Work(String),
}

impl Slot {
    pub fn storage_key(&self) -> String {
        match self {
            Slot::Settings => SETTINGS_KEY.to_string(),
            Slot::Work(key) => format!("{WORK_PREFIX}{key}"),
        }
    }

    pub fn of_storage_key(key: &str) -> Option<Slot> {
        if key == SETTINGS_KEY {
            return Some(Slot::Settings);
        }
        let work = key.strip_prefix(WORK_PREFIX)?;
        WorkRef::parse(work).map(|_| Slot::Work(work.to_string()))
    }
}

/// Whether this tab may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Saved data came from a newer version of the app: never write over it.
    ReadOnly(u64),
    /// Unreadable data could not be kept aside: writing would destroy it.
    Blocked,
}

/// Why the start-up could not read everything it found.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadNotice {
    /// Unreadable data was copied aside; the error of the first such entry.
    KeptAside(RestoreError),
    /// Work items left out (their answers are kept aside).
    PartlyRead(Vec<String>),
    /// Data saved by a newer version of the app: this tab only reads.
    NewerApp(u64),
    /// Unreadable data could not be copied aside (storage full): nothing is written.
    Blocked,
}

/// What to do at start-up with what storage holds.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadPlan {
    pub progress: Progress,
    pub mode: Mode,
    /// Storage keys whose values must be copied aside before anything is written.
    pub keep_aside: Vec<String>,
    /// Storage keys to remove once kept aside (unreadable entries, the migrated old state).
    pub remove: Vec<String>,
    /// Parts to write from `progress` (migrated or repaired).
    pub write: BTreeSet<Slot>,
    pub notice: Option<LoadNotice>,
}

/// Decides what to load from the `(key, value)` entries found under `spire.`.
pub fn plan_load(entries: &[(String, String)]) -> LoadPlan {
    let mut plan = LoadPlan {
        progress: Progress::default(),
        mode: Mode::Normal,
        keep_aside: vec![],
        remove: vec![],
        write: BTreeSet::new(),
        notice: None,
    };
    let mut newest_version = None;
    let mut first_error = None;
    let mut partly = vec![];
    let mut unreadable = |plan: &mut LoadPlan, key: &str, e: RestoreError| match e {
        RestoreError::FromNewerApp(v) => newest_version = newest_version.max(Some(v)),
        e => {
            plan.keep_aside.push(key.to_string());
            plan.remove.push(key.to_string());
            first_error.get_or_insert(e);
        }
    };
    for (key, raw) in entries {
        match Slot::of_storage_key(key) {
            Some(Slot::Settings) => match restore_head(raw) {
                Ok(head) => {
                    absorb_head(&mut plan.progress, &head);
                }
                Err(e) => {
                    unreadable(&mut plan, key, e);
                    plan.write.insert(Slot::Settings);
                }
            },
            Some(Slot::Work(work_key)) => match restore_work_entry(&work_key, raw) {
                Ok(work) => {
                    if work.extra.contains_key("unreadable_answers") {
                        partly.push(work_key.clone());
                    }
                    absorb_work(&mut plan.progress, &work_key, &work);
                }
                Err(e) => unreadable(&mut plan, key, e),
            },
            None if key == LEGACY_KEY => match restore(raw) {
                Ok(r) => {
                    for key in &r.dropped {
                        partly.push(key.clone());
                    }
                    // The old whole state is replaced by v3 entries; a copy of what could
                    // not be read stays aside.
                    if !r.dropped.is_empty() {
                        plan.keep_aside.push(key.clone());
                    }
                    plan.remove.push(key.clone());
                    let dirty = absorb_progress(&mut plan.progress, &r.progress);
                    plan.write.extend(dirty);
                }
                Err(e) => unreadable(&mut plan, key, e),
            },
            None => {}
        }
    }
    plan.notice = match (newest_version, first_error) {
        (Some(v), _) => Some(LoadNotice::NewerApp(v)),
        (None, Some(e)) => Some(LoadNotice::KeptAside(e)),
        (None, None) if !partly.is_empty() => Some(LoadNotice::PartlyRead(partly)),
        _ => None,
    };
    if let Some(v) = newest_version {
        // Nothing is written, moved or removed: the newer app owns the data.
        plan.mode = Mode::ReadOnly(v);
        plan.keep_aside.clear();
        plan.remove.clear();
        plan.write.clear();
    }
    plan
}

/// What a save of one part decides.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveDecision {
    /// Write `text` under the slot's key; `merged` is what memory should hold for the slot
    /// (it differs from memory when the stored copy had edits this tab had not seen).
    Write { text: String, merged: Merged },
    /// The stored value is unreadable: copy it aside first, then write.
    KeepAsideAndWrite { text: String, merged: Merged },
    /// The slot holds nothing newer than the erase: remove the entry.
    Remove,
    /// The stored value was written by a newer app version: write nothing, ever, in this tab.
    RefuseNewer(u64),
    /// This tab must not write (read-only or blocked).
    Skip,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Merged {
    Head(Head),
    Work { key: String, work: Work },
}

/// What this tab last wrote to a storage entry, kept small: the text's length and FNV-1a
/// hash, not a second copy of it (a class overview's hand-ins can be megabytes). Equal
/// length and hash is taken as the same text: a change that keeps both is not a mistake a
/// tab, an editor or a merge makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    len: usize,
    hash: u64,
}

impl Written {
    pub fn of(text: &str) -> Written {
        Written {
            len: text.len(),
            hash: crate::core::content::summary::fnv1a(text.as_bytes()),
        }
    }
}

/// Decides how to save `slot`, given what storage holds for it, what this tab last wrote
/// there, and what memory holds.
///
/// When storage still holds exactly what this tab wrote, memory already contains it (a
/// write takes the merged result into memory, and memory only grows by merges since), so
/// the stored copy is neither parsed nor merged: on a big canvas that is most of a save.
pub fn decide_save(
    slot: &Slot,
    stored: Option<&str>,
    last_written: Option<Written>,
    memory: &Progress,
    mode: Mode,
    now: Millis,
    app_version: &str,
) -> SaveDecision {
    if mode != Mode::Normal {
        return SaveDecision::Skip;
    }
    let known = stored.is_some_and(|s| Some(Written::of(s)) == last_written);
    let stored = match slot {
        Slot::Work(key) if known && memory.work.contains_key(key) => None,
        Slot::Settings if known => None,
        _ => stored,
    };
    match slot {
        Slot::Settings => {
            let mine = Head::of(memory);
            let (theirs, unreadable) = match stored.map(restore_head) {
                None => (None, false),
                Some(Ok(h)) => (Some(h), false),
                Some(Err(RestoreError::FromNewerApp(v))) => return SaveDecision::RefuseNewer(v),
                Some(Err(_)) => (None, true),
            };
            let merged = match theirs {
                Some(t) => mine.merge(&t),
                None => mine,
            };
            let text = head_to_stored(&merged, now, app_version);
            decision(text, Merged::Head(merged), unreadable)
        }
        Slot::Work(key) => {
            let (theirs, unreadable) = match stored.map(|s| restore_work_entry(key, s)) {
                None => (None, false),
                Some(Ok(w)) => (Some(w), false),
                Some(Err(RestoreError::FromNewerApp(v))) => return SaveDecision::RefuseNewer(v),
                Some(Err(_)) => (None, true),
            };
            let merged = match (memory.work.get(key), theirs) {
                (Some(m), Some(t)) => merge_work(m, &t),
                (Some(m), None) => m.clone(),
                (None, Some(t)) => t,
                (None, None) => return SaveDecision::Remove,
            };
            let mut merged = merged;
            merged.retain_after(memory.erased_at);
            if merged.updated <= memory.erased_at {
                return SaveDecision::Remove;
            }
            let text = work_to_stored(key, &merged, now, app_version);
            decision(
                text,
                Merged::Work {
                    key: key.clone(),
                    work: merged,
                },
                unreadable,
            )
        }
    }
}

fn decision(text: String, merged: Merged, unreadable: bool) -> SaveDecision {
    if unreadable {
        SaveDecision::KeepAsideAndWrite { text, merged }
    } else {
        SaveDecision::Write { text, merged }
    }
}

/// What another tab wrote under `key`, read for this tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    Head(Head),
    Work(String, Work),
    /// An older app version wrote the whole state (merge all of it, then save it as v3).
    Legacy(Progress),
    /// A newer app version wrote: this tab must stop saving.
    NewerApp(u64),
    /// Not ours, removed, or unreadable (the next save of that part keeps it aside).
    Nothing,
}

pub fn read_incoming(key: &str, raw: Option<&str>) -> Incoming {
    let Some(raw) = raw else {
        return Incoming::Nothing;
    };
    let newer = |e: &RestoreError| match e {
        RestoreError::FromNewerApp(v) => Some(*v),
        _ => None,
    };
    let result = match Slot::of_storage_key(key) {
        Some(Slot::Settings) => restore_head(raw).map(Incoming::Head),
        Some(Slot::Work(k)) => restore_work_entry(&k, raw).map(|w| Incoming::Work(k, w)),
        None if key == LEGACY_KEY => restore(raw).map(|r| Incoming::Legacy(r.progress)),
        None => return Incoming::Nothing,
    };
    match result {
        Ok(incoming) => incoming,
        Err(e) => newer(&e).map_or(Incoming::Nothing, Incoming::NewerApp),
    }
}

/// Merges another copy's settings and erase time into `memory`; true when it changed.
/// A newer erase also forgets the older work in memory.
pub fn absorb_head(memory: &mut Progress, theirs: &Head) -> bool {
    let settings = merge_settings(&memory.settings, &theirs.settings);
    let erased_at = memory.erased_at.max(theirs.erased_at);
    let mut extra = memory.extra.clone();
    for (k, v) in &theirs.extra {
        if extra.get(k).is_none_or(|o| json_after(v, o)) {
            extra.insert(k.clone(), v.clone());
        }
    }
    let changed =
        settings != memory.settings || erased_at != memory.erased_at || extra != memory.extra;
    memory.settings = settings;
    memory.extra = extra;
    if erased_at != memory.erased_at {
        memory.erased_at = erased_at;
        memory.retain_after(erased_at);
    }
    changed
}

/// Merges another copy of one work item into `memory`; true when memory changed.
pub fn absorb_work(memory: &mut Progress, key: &str, theirs: &Work) -> bool {
    let mut merged = match memory.work.get(key) {
        Some(mine) => merge_work(mine, theirs),
        None => theirs.clone(),
    };
    merged.retain_after(memory.erased_at);
    if merged.updated <= memory.erased_at && memory.erased_at > 0 {
        return memory.work.remove(key).is_some();
    }
    if memory.work.get(key) == Some(&merged) {
        return false;
    }
    memory.work.insert(key.to_string(), merged);
    true
}

/// Merges a whole other state into `memory`; returns the parts where memory now differs
/// from `theirs` or that came from it (all of which need writing in the v3 layout).
pub fn absorb_progress(memory: &mut Progress, theirs: &Progress) -> BTreeSet<Slot> {
    let mut dirty = BTreeSet::new();
    absorb_head(memory, &Head::of(theirs));
    dirty.insert(Slot::Settings);
    for (key, work) in &theirs.work {
        absorb_work(memory, key, work);
        if memory.work.contains_key(key) {
            dirty.insert(Slot::Work(key.clone()));
        }
    }
    dirty
}

/// The key to keep a value aside under: the time, and a counter when several are kept at
/// once.
pub fn kept_aside_key(now: Millis, n: usize) -> String {
    if n == 0 {
        format!("{KEPT_ASIDE_PREFIX}{now}")
    } else {
        format!("{KEPT_ASIDE_PREFIX}{now}-{n}")
    }
}

/// The time a kept-aside key was made.
pub fn kept_aside_time(key: &str) -> Option<Millis> {
    let rest = key.strip_prefix(KEPT_ASIDE_PREFIX)?;
    rest.split('-').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::stored::{to_stored, CURRENT_VERSION};
    use crate::core::progress::Answer;

    const V: &str = "test";

    fn text(s: &str) -> Answer {
        Answer::Text { text: s.into() }
    }

    fn lesson() -> WorkRef {
        WorkRef::lesson("a")
    }

    fn state(answer: &str, at: Millis) -> Progress {
        let mut p = Progress::default();
        p.set_answer(&lesson(), "q", text(answer), at);
        p
    }

    fn work_entry(p: &Progress) -> String {
        work_to_stored("lesson:a", &p.work["lesson:a"], 1, V)
    }

    fn slot() -> Slot {
        Slot::Work("lesson:a".into())
    }

    #[test]
    fn what_this_tab_wrote_last_is_not_merged_again_and_the_result_is_the_same() {
        let mut mine = state("first", 2);
        let SaveDecision::Write { text: written, .. } =
            decide_save(&slot(), None, None, &mine, Mode::Normal, 3, V)
        else {
            panic!("a first save writes");
        };
        mine.set_answer(&lesson(), "q2", text("typed since"), 4);
        mine.set_answer(&lesson(), "q", text("first, edited"), 5);
        let full = decide_save(&slot(), Some(&written), None, &mine, Mode::Normal, 9, V);
        let known = decide_save(
            &slot(),
            Some(&written),
            Some(Written::of(&written)),
            &mine,
            Mode::Normal,
            9,
            V,
        );
        assert_eq!(known, full);
        // Another tab's write is always read and merged.
        let mut other = state("first", 2);
        other.set_answer(&lesson(), "q3", text("other tab"), 6);
        let theirs = work_entry(&other);
        let SaveDecision::Write {
            merged: Merged::Work { work, .. },
            ..
        } = decide_save(
            &slot(),
            Some(&theirs),
            Some(Written::of(&written)),
            &mine,
            Mode::Normal,
            9,
            V,
        )
        else {
            panic!("a save writes");
        };
        assert_eq!(work.answers.len(), 3, "{work:?}");
        // A newer app's data is refused even when this tab thinks it wrote it.
        let future = theirs.replace(&format!("\"version\":{CURRENT_VERSION}"), "\"version\":99");
        assert_ne!(future, theirs);
        let d = decide_save(
            &slot(),
            Some(&future),
            Some(Written::of(&written)),
            &mine,
            Mode::Normal,
            9,
            V,
        );
        assert_eq!(d, SaveDecision::RefuseNewer(99));
    }

    #[test]
    fn slots_name_their_keys() {
        assert_eq!(slot().storage_key(), "spire.work.lesson:a");
        assert_eq!(Slot::of_storage_key("spire.work.lesson:a"), Some(slot()));
        assert_eq!(Slot::of_storage_key(SETTINGS_KEY), Some(Slot::Settings));
        for other in [LEGACY_KEY, "spire.work.junk", "spire.kept-aside.5", "x"] {
            assert_eq!(Slot::of_storage_key(other), None, "{other}");
        }
    }

    #[test]
    fn save_into_empty_storage_writes_memory() {
        let p = state("hej", 5);
        match decide_save(&slot(), None, None, &p, Mode::Normal, 9, V) {
            SaveDecision::Write {
                text,
                merged: Merged::Work { work: w, .. },
            } => {
                assert_eq!(w, p.work["lesson:a"]);
                assert_eq!(restore_work_entry("lesson:a", &text).unwrap(), w);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn save_merges_what_another_tab_stored() {
        let mut other = state("old", 1);
        other.set_answer(&lesson(), "q2", text("from the other tab"), 8);
        let mine = state("new", 5);
        let SaveDecision::Write {
            merged: Merged::Work { work: w, .. },
            ..
        } = decide_save(
            &slot(),
            Some(&work_entry(&other)),
            None,
            &mine,
            Mode::Normal,
            9,
            V,
        )
        else {
            panic!("expected a write");
        };
        assert_eq!(w.answer("q"), Some(&text("new")));
        assert_eq!(w.answer("q2"), Some(&text("from the other tab")));
    }

    #[test]
    fn unreadable_stored_value_is_kept_aside_first() {
        let mine = state("x", 5);
        for junk in [
            "{nope",
            "[]",
            r#"{"format":"spire-work","version":3,"key":"lesson:b","data":{}}"#,
        ] {
            let d = decide_save(&slot(), Some(junk), None, &mine, Mode::Normal, 9, V);
            assert!(
                matches!(d, SaveDecision::KeepAsideAndWrite { .. }),
                "{junk}: {d:?}"
            );
        }
        let d = decide_save(
            &Slot::Settings,
            Some("{nope"),
            None,
            &mine,
            Mode::Normal,
            9,
            V,
        );
        assert!(matches!(d, SaveDecision::KeepAsideAndWrite { .. }), "{d:?}");
    }

    #[test]
    fn newer_app_version_is_never_overwritten() {
        let future = format!(
            r#"{{"format":"spire-work","version":{},"key":"lesson:a","data":{{}}}}"#,
            CURRENT_VERSION + 1
        );
        let d = decide_save(
            &slot(),
            Some(&future),
            None,
            &state("x", 5),
            Mode::Normal,
            9,
            V,
        );
        assert_eq!(d, SaveDecision::RefuseNewer(u64::from(CURRENT_VERSION) + 1));
        let future_head = future.replace("spire-work", "spire-settings");
        let d = decide_save(
            &Slot::Settings,
            Some(&future_head),
            None,
            &state("x", 5),
            Mode::Normal,
            9,
            V,
        );
        assert!(matches!(d, SaveDecision::RefuseNewer(_)), "{d:?}");
    }

    #[test]
    fn read_only_and_blocked_tabs_write_nothing() {
        for mode in [Mode::ReadOnly(4), Mode::Blocked] {
            let d = decide_save(&slot(), None, None, &state("x", 5), mode, 9, V);
            assert_eq!(d, SaveDecision::Skip);
        }
    }

    #[test]
    fn work_older_than_an_erase_is_removed_not_written() {
        let old = state("old", 5);
        let mut erased = Progress::default();
        erased.erase_all(10);
        let d = decide_save(
            &slot(),
            Some(&work_entry(&old)),
            None,
            &erased,
            Mode::Normal,
            11,
            V,
        );
        assert_eq!(d, SaveDecision::Remove);
    }

    #[test]
    fn start_up_migrates_the_old_whole_state() {
        let old = to_stored(&state("hej", 5), 6, V).replace("\"version\":3", "\"version\":2");
        let plan = plan_load(&[(LEGACY_KEY.into(), old)]);
        assert_eq!(plan.mode, Mode::Normal);
        assert_eq!(plan.progress.answer(&lesson(), "q"), Some(&text("hej")));
        assert!(plan.write.contains(&slot()) && plan.write.contains(&Slot::Settings));
        assert_eq!(plan.remove, [LEGACY_KEY]);
        assert!(plan.keep_aside.is_empty());
        assert_eq!(plan.notice, None);
    }

    #[test]
    fn start_up_keeps_unreadable_entries_aside_and_reads_the_rest() {
        let good = work_entry(&state("hej", 5));
        let plan = plan_load(&[
            ("spire.work.lesson:a".into(), good),
            ("spire.work.lesson:b".into(), "{broken".into()),
            (SETTINGS_KEY.into(), "null".into()),
        ]);
        assert_eq!(plan.progress.answer(&lesson(), "q"), Some(&text("hej")));
        assert_eq!(plan.keep_aside, ["spire.work.lesson:b", SETTINGS_KEY]);
        assert_eq!(plan.remove, plan.keep_aside);
        assert!(plan.write.contains(&Slot::Settings));
        assert!(matches!(
            plan.notice,
            Some(LoadNotice::KeptAside(RestoreError::NotJson { .. }))
        ));
    }

    #[test]
    fn start_up_with_newer_data_opens_read_only_and_touches_nothing() {
        let future = format!(
            r#"{{"format":"spire-work","version":{},"key":"lesson:b","data":{{}}}}"#,
            CURRENT_VERSION + 2
        );
        let plan = plan_load(&[
            ("spire.work.lesson:a".into(), work_entry(&state("hej", 5))),
            ("spire.work.lesson:b".into(), future),
            (SETTINGS_KEY.into(), "{broken".into()),
        ]);
        assert_eq!(plan.mode, Mode::ReadOnly(u64::from(CURRENT_VERSION) + 2));
        assert!(plan.keep_aside.is_empty() && plan.remove.is_empty() && plan.write.is_empty());
        assert!(matches!(plan.notice, Some(LoadNotice::NewerApp(_))));
        assert_eq!(plan.progress.answer(&lesson(), "q"), Some(&text("hej")));
    }

    #[test]
    fn incoming_entries_are_read_by_kind() {
        let entry = work_entry(&state("hej", 5));
        assert!(
            matches!(read_incoming("spire.work.lesson:a", Some(&entry)), Incoming::Work(k, _) if k == "lesson:a")
        );
        assert_eq!(
            read_incoming("spire.work.lesson:a", None),
            Incoming::Nothing
        );
        assert_eq!(read_incoming("other", Some(&entry)), Incoming::Nothing);
        let future = entry.replace("\"version\":3", "\"version\":9");
        assert_eq!(
            read_incoming("spire.work.lesson:a", Some(&future)),
            Incoming::NewerApp(9)
        );
        let legacy = to_stored(&state("x", 1), 2, V);
        assert!(matches!(
            read_incoming(LEGACY_KEY, Some(&legacy)),
            Incoming::Legacy(_)
        ));
    }

    #[test]
    fn an_erase_from_another_tab_forgets_older_work() {
        let mut memory = state("old", 5);
        let mut other = Progress::default();
        other.erase_all(10);
        assert!(absorb_head(&mut memory, &Head::of(&other)));
        assert!(memory.work.is_empty());
        assert!(!absorb_work(
            &mut memory,
            "lesson:a",
            &state("old", 5).work["lesson:a"]
        ));
        assert!(memory.work.is_empty());
    }

    #[test]
    fn kept_aside_keys_carry_their_time() {
        assert_eq!(kept_aside_time(&kept_aside_key(42, 0)), Some(42));
        assert_eq!(kept_aside_time(&kept_aside_key(42, 3)), Some(42));
        assert_eq!(kept_aside_time("spire.kept-aside.x"), None);
    }
}
