//! The pupil's saved work in memory: answers per lesson or challenge, position, settings.
//! Every change goes through these operations, each stamped with the time it was made so
//! that two tabs and restored backups can be merged item by item and record by record.

use super::answer::{Answer, RecordKind};
use super::record::RecordId;
pub use super::work_ref::{WorkKind, WorkRef};
use crate::core::content::Level;
use crate::core::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

/// The prop that marks a work item deleted as a whole.
pub const DELETED_PROP: &str = "deleted";

/// A value with the time it was last changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub value: T,
    pub updated: Millis,
}

/// The work on one lesson or challenge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Work {
    /// Answers by step id.
    #[serde(default)]
    pub answers: BTreeMap<String, Stamped<Answer>>,
    /// The step id the pupil was last on.
    #[serde(default)]
    pub at_step: Option<String>,
    #[serde(default)]
    pub completed: Option<Millis>,
    /// When `at_step` or `completed` last changed.
    #[serde(default)]
    pub meta_updated: Millis,
    /// Small named values of the work itself (a team name, a chosen template…), each
    /// merged on its own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub props: BTreeMap<String, Stamped<String>>,
    /// The newest change to anything in this work.
    #[serde(default)]
    pub updated: Millis,
    /// Fields written by a newer app, kept so an older app does not drop them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Work {
    pub fn new(now: Millis) -> Work {
        Work {
            answers: BTreeMap::new(),
            at_step: None,
            completed: None,
            meta_updated: now,
            props: BTreeMap::new(),
            updated: now,
            extra: Default::default(),
        }
    }

    pub fn answer(&self, step: &str) -> Option<&Answer> {
        self.answers.get(step).map(|s| &s.value)
    }

    pub fn answered_steps(&self) -> usize {
        self.answers
            .values()
            .filter(|a| a.value.is_meaningful())
            .count()
    }

    pub fn prop(&self, name: &str) -> Option<&str> {
        self.props.get(name).map(|p| p.value.as_str())
    }

    /// Deleted as a whole (a tombstone: the prop `deleted` holds the time, so an older copy
    /// or another tab cannot bring the work back by merging).
    pub fn is_deleted(&self) -> bool {
        self.prop(DELETED_PROP).is_some_and(|v| !v.is_empty())
    }

    fn touch(&mut self, now: Millis) {
        self.updated = self.updated.max(now);
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The chosen language; `None` until the pupil chooses (Danish is shown).
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The name the pupil chose to put on hand-ins; stays on the device.
    #[serde(default)]
    pub name: String,
    /// The pupil's class level as a level id ("indskoling"…), asked once on Home. Kept as
    /// text so a level this version does not know never makes the settings unreadable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The young pupils' mode, when the pupil has chosen; `None` follows the level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub young: Option<bool>,
    #[serde(default)]
    pub updated: Millis,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Settings {
    /// The pupil's level, if it is one this version knows.
    pub fn level(&self) -> Option<Level> {
        self.level.as_deref().and_then(Level::parse)
    }

    /// Young pupils' mode: on for indskoling unless the pupil turned it off, and on for
    /// anyone who turned it on.
    pub fn young_mode(&self) -> bool {
        self.young
            .unwrap_or(self.level() == Some(Level::Indskoling))
    }
}

/// Everything the pupil has done on this device.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub settings: Settings,
    /// Work by `WorkRef::key`.
    #[serde(default)]
    pub work: BTreeMap<String, Work>,
    /// When "erase everything" was last used: older work from other tabs or backups is not
    /// brought back by a merge.
    #[serde(default)]
    pub erased_at: Millis,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Progress {
    pub fn work(&self, r: &WorkRef) -> Option<&Work> {
        self.work.get(&r.key())
    }

    /// The stamp for an edit made at `now`: always after the last erase, so an edit made
    /// on a clock behind another tab's erase is not forgotten by the next merge.
    fn clock(&self, now: Millis) -> Millis {
        now.max(self.erased_at + 1)
    }

    fn work_mut(&mut self, r: &WorkRef, now: Millis) -> &mut Work {
        let work = self.work.entry(r.key()).or_insert_with(|| Work::new(now));
        work.touch(now);
        work
    }

    pub fn answer(&self, r: &WorkRef, step: &str) -> Option<&Answer> {
        self.work(r)?.answer(step)
    }

    /// Records an answer; a no-op when nothing changed, so re-renders never bump timestamps.
    pub fn set_answer(&mut self, r: &WorkRef, step: &str, answer: Answer, now: Millis) -> bool {
        if self.answer(r, step) == Some(&answer) {
            return false;
        }
        let now = self.clock(now);
        let work = self.work_mut(r, now);
        let updated = work
            .answers
            .get(step)
            .map_or(now, |a| now.max(a.updated + 1));
        work.touch(updated);
        work.answers.insert(
            step.to_string(),
            Stamped {
                value: answer,
                updated,
            },
        );
        true
    }

    /// Adds, changes (`Some`) or deletes (`None`) one record of a step's record list (an
    /// idea, a note). An answer of another kind in that step is replaced by the list.
    pub fn put_record<T: RecordKind>(
        &mut self,
        r: &WorkRef,
        step: &str,
        id: RecordId,
        value: Option<T>,
        now: Millis,
    ) -> bool {
        let current = self
            .answer(r, step)
            .and_then(T::records)
            .and_then(|list| list.get(&id));
        if current == value.as_ref() {
            return false;
        }
        let now = self.clock(now);
        let work = self.work_mut(r, now);
        let slot = work.answers.entry(step.to_string()).or_insert(Stamped {
            value: T::empty(),
            updated: now,
        });
        if T::records(&slot.value).is_none() {
            slot.value = T::empty();
        }
        let Some(list) = T::records_mut(&mut slot.value) else {
            return false;
        };
        let changed = list.put(id, value, now);
        slot.updated = slot.updated.max(list.latest());
        let latest = slot.updated;
        work.touch(latest);
        changed
    }

    /// Remembers the step the pupil is on.
    pub fn set_position(&mut self, r: &WorkRef, step: &str, now: Millis) -> bool {
        if self.work(r).and_then(|w| w.at_step.as_deref()) == Some(step) {
            return false;
        }
        let now = self.clock(now);
        let work = self.work_mut(r, now);
        work.at_step = Some(step.to_string());
        work.meta_updated = now.max(work.meta_updated + 1);
        work.touch(work.meta_updated);
        true
    }

    pub fn set_completed(&mut self, r: &WorkRef, done: bool, now: Millis) -> bool {
        if self.work(r).map(|w| w.completed.is_some()) == Some(done) {
            return false;
        }
        let now = self.clock(now);
        let work = self.work_mut(r, now);
        work.completed = done.then_some(now);
        work.meta_updated = now.max(work.meta_updated + 1);
        work.touch(work.meta_updated);
        true
    }

    pub fn set_prop(&mut self, r: &WorkRef, name: &str, value: &str, now: Millis) -> bool {
        if self.work(r).and_then(|w| w.prop(name)) == Some(value) {
            return false;
        }
        let now = self.clock(now);
        let work = self.work_mut(r, now);
        let updated = work.props.get(name).map_or(now, |p| now.max(p.updated + 1));
        work.touch(updated);
        work.props.insert(
            name.to_string(),
            Stamped {
                value: value.to_string(),
                updated,
            },
        );
        true
    }

    pub fn set_lang(&mut self, lang: Lang, now: Millis) -> bool {
        if self.settings.lang == Some(lang) {
            return false;
        }
        self.settings.lang = Some(lang);
        self.settings.updated = now.max(self.settings.updated + 1);
        true
    }

    /// Sets (or with `None` forgets) the pupil's level.
    pub fn set_level(&mut self, level: Option<Level>, now: Millis) -> bool {
        let id = level.map(|l| l.id().to_string());
        if self.settings.level == id {
            return false;
        }
        self.settings.level = id;
        self.settings.updated = now.max(self.settings.updated + 1);
        true
    }

    pub fn set_young(&mut self, on: bool, now: Millis) -> bool {
        if self.settings.young == Some(on) {
            return false;
        }
        self.settings.young = Some(on);
        self.settings.updated = now.max(self.settings.updated + 1);
        true
    }

    pub fn set_name(&mut self, name: &str, now: Millis) -> bool {
        if self.settings.name == name {
            return false;
        }
        self.settings.name = name.to_string();
        self.settings.updated = now.max(self.settings.updated + 1);
        true
    }

    /// Deletes one work item (a canvas, an assignment…) for good on every copy that merges
    /// with this one; `restore` undoes it.
    pub fn delete_work(&mut self, r: &WorkRef, now: Millis) -> bool {
        self.set_prop(r, DELETED_PROP, &now.to_string(), now)
    }

    pub fn restore_work(&mut self, r: &WorkRef, now: Millis) -> bool {
        self.work(r).is_some_and(Work::is_deleted) && self.set_prop(r, DELETED_PROP, "", now)
    }

    /// Work items that are not deleted.
    pub fn live_work(&self) -> impl Iterator<Item = (WorkRef, &Work)> {
        self.work
            .iter()
            .filter(|(_, w)| !w.is_deleted())
            .filter_map(|(k, w)| Some((WorkRef::parse(k)?, w)))
    }

    /// Erases all work but keeps the language, so the app stays readable.
    pub fn erase_all(&mut self, now: Millis) {
        let lang = self.settings.lang;
        let now = now.max(self.last_change());
        *self = Progress {
            erased_at: now,
            ..Progress::default()
        };
        self.settings.lang = lang;
        self.settings.updated = now;
    }

    /// The most recently edited work (not counting deleted canvases).
    pub fn most_recent(&self) -> Option<(WorkRef, &Work)> {
        self.live_work().max_by_key(|(_, w)| w.updated)
    }

    /// The newest time anything was changed.
    pub fn last_change(&self) -> Millis {
        self.work
            .values()
            .map(|w| w.updated)
            .chain([self.settings.updated, self.erased_at])
            .max()
            .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.work.is_empty() && self.settings.name.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::answer::{ideas_in_order, Idea};

    fn text(s: &str) -> Answer {
        Answer::Text { text: s.into() }
    }

    #[test]
    fn the_level_is_asked_once_and_young_mode_follows_it_unless_chosen() {
        let mut p = Progress::default();
        assert_eq!(p.settings.level(), None);
        assert!(!p.settings.young_mode());
        assert!(p.set_level(Some(Level::Indskoling), 5));
        assert!(
            !p.set_level(Some(Level::Indskoling), 6),
            "unchanged is no edit"
        );
        assert!(p.settings.young_mode(), "indskoling starts in young mode");
        assert!(p.set_young(false, 7));
        assert!(!p.settings.young_mode(), "the pupil's own choice wins");
        assert!(p.set_level(Some(Level::Udskoling), 8));
        assert!(p.set_young(true, 9));
        assert!(p.settings.young_mode(), "anyone may turn it on");
        assert!(p.set_level(None, 10));
        assert_eq!(p.settings.level, None);
        // A level a newer app knows is kept, and read as none.
        let s: Settings = serde_json::from_str(r#"{"level":"forskerskole","updated":3}"#).unwrap();
        assert_eq!(s.level(), None);
        assert_eq!(s.level.as_deref(), Some("forskerskole"));
    }

    #[test]
    fn set_answer_stamps_and_skips_unchanged() {
        let mut p = Progress::default();
        let l = WorkRef::lesson("idea-sprint");
        assert!(p.set_answer(&l, "q1", text("hej"), 10));
        assert!(!p.set_answer(&l, "q1", text("hej"), 20));
        assert_eq!(p.work(&l).unwrap().answers["q1"].updated, 10);
        assert!(p.set_answer(&l, "q1", text("hej!"), 30));
        assert_eq!(p.work(&l).unwrap().updated, 30);
    }

    #[test]
    fn records_are_added_edited_and_deleted_by_id() {
        let mut p = Progress::default();
        let l = WorkRef::lesson("a");
        let (x, y) = (RecordId::from_random(1), RecordId::from_random(2));
        let idea = |t: &str, order| Idea {
            text: t.into(),
            order,
        };
        assert!(p.put_record(&l, "ideas", x.clone(), Some(idea("is", 1)), 5));
        assert!(p.put_record(&l, "ideas", y.clone(), Some(idea("sol", 2)), 6));
        assert!(!p.put_record(&l, "ideas", y.clone(), Some(idea("sol", 2)), 7));
        assert!(p.put_record::<Idea>(&l, "ideas", x, None, 8));
        let list = ideas_in_order(p.answer(&l, "ideas"));
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].1.text, "sol");
        assert_eq!(p.work(&l).unwrap().answers["ideas"].updated, 8);
        assert!(!p.put_record::<Idea>(&l, "ideas", RecordId::from_random(9), None, 9));
    }

    #[test]
    fn a_deleted_work_item_stays_deleted_through_merges() {
        let mut p = Progress::default();
        let l = WorkRef::lesson("a");
        p.set_answer(&l, "s", text("x"), 1);
        let old = p.clone();
        assert!(p.delete_work(&l, 5));
        assert_eq!(p.live_work().count(), 0);
        let merged = crate::core::progress::merge::merge(&old, &p);
        assert!(merged.work(&l).unwrap().is_deleted());
        assert!(p.restore_work(&l, 6));
        assert_eq!(p.live_work().count(), 1);
    }

    #[test]
    fn most_recent_is_the_last_edited() {
        let mut p = Progress::default();
        p.set_answer(&WorkRef::lesson("a"), "s", text("x"), 5);
        p.set_answer(&WorkRef::lesson("b"), "s", text("x"), 9);
        p.set_position(&WorkRef::lesson("a"), "s2", 7);
        assert_eq!(p.most_recent().unwrap().0, WorkRef::lesson("b"));
    }

    #[test]
    fn erase_keeps_language_only() {
        let mut p = Progress::default();
        p.set_lang(Lang::En, 1);
        p.set_name("Ida", 2);
        p.set_answer(&WorkRef::lesson("a"), "s", text("x"), 3);
        p.set_prop(&WorkRef::lesson("a"), "team", "Ulvene", 3);
        p.erase_all(4);
        assert!(p.is_empty());
        assert_eq!(p.settings.lang, Some(Lang::En));
        assert_eq!(p.erased_at, 4);
    }
}
