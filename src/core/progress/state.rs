//! The pupil's saved work in memory: answers per lesson or challenge, position, settings.
//! Every change goes through these operations, each stamped with the time it was made so
//! that two tabs and restored backups can be merged item by item.

use super::answer::Answer;
use crate::core::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

/// What a piece of work belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    Lesson,
    Challenge,
}

/// The key of a piece of work: `lesson:idea-sprint`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkRef {
    pub kind: WorkKind,
    pub id: String,
}

impl WorkRef {
    pub fn lesson(id: &str) -> WorkRef {
        WorkRef {
            kind: WorkKind::Lesson,
            id: id.to_string(),
        }
    }

    pub fn key(&self) -> String {
        let kind = match self.kind {
            WorkKind::Lesson => "lesson",
            WorkKind::Challenge => "challenge",
        };
        format!("{kind}:{}", self.id)
    }

    pub fn parse(key: &str) -> Option<WorkRef> {
        let (kind, id) = key.split_once(':')?;
        let kind = match kind {
            "lesson" => WorkKind::Lesson,
            "challenge" => WorkKind::Challenge,
            _ => return None,
        };
        crate::core::content::id::is_valid_id(id).then(|| WorkRef {
            kind,
            id: id.to_string(),
        })
    }
}

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
    #[serde(default)]
    pub started: Millis,
    #[serde(default)]
    pub updated: Millis,
    /// Fields written by a newer app, kept so an older app does not drop them.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Work {
    fn new(now: Millis) -> Work {
        Work {
            answers: BTreeMap::new(),
            at_step: None,
            completed: None,
            meta_updated: now,
            started: now,
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
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The chosen language; `None` until the pupil chooses (Danish is shown).
    #[serde(default)]
    pub lang: Option<Lang>,
    /// The name the pupil chose to put on hand-ins; stays on the device.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub updated: Millis,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
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

    fn work_mut(&mut self, r: &WorkRef, now: Millis) -> &mut Work {
        let work = self.work.entry(r.key()).or_insert_with(|| Work::new(now));
        work.updated = work.updated.max(now);
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
        let work = self.work_mut(r, now);
        work.answers.insert(
            step.to_string(),
            Stamped {
                value: answer,
                updated: now,
            },
        );
        true
    }

    /// Remembers the step the pupil is on.
    pub fn set_position(&mut self, r: &WorkRef, step: &str, now: Millis) -> bool {
        if self.work(r).and_then(|w| w.at_step.as_deref()) == Some(step) {
            return false;
        }
        let work = self.work_mut(r, now);
        work.at_step = Some(step.to_string());
        work.meta_updated = now;
        true
    }

    pub fn set_completed(&mut self, r: &WorkRef, done: bool, now: Millis) -> bool {
        if self.work(r).map(|w| w.completed.is_some()) == Some(done) {
            return false;
        }
        let work = self.work_mut(r, now);
        work.completed = done.then_some(now);
        work.meta_updated = now;
        true
    }

    pub fn set_lang(&mut self, lang: Lang, now: Millis) -> bool {
        if self.settings.lang == Some(lang) {
            return false;
        }
        self.settings.lang = Some(lang);
        self.settings.updated = now;
        true
    }

    pub fn set_name(&mut self, name: &str, now: Millis) -> bool {
        if self.settings.name == name {
            return false;
        }
        self.settings.name = name.to_string();
        self.settings.updated = now;
        true
    }

    /// Erases all work but keeps the language, so the app stays readable.
    pub fn erase_all(&mut self, now: Millis) {
        let lang = self.settings.lang;
        *self = Progress {
            erased_at: now,
            ..Progress::default()
        };
        self.settings.lang = lang;
        self.settings.updated = now;
    }

    /// The most recently edited work.
    pub fn most_recent(&self) -> Option<(WorkRef, &Work)> {
        self.work
            .iter()
            .filter_map(|(k, w)| Some((WorkRef::parse(k)?, w)))
            .max_by_key(|(_, w)| w.updated)
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

    fn text(s: &str) -> Answer {
        Answer::Text { text: s.into() }
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
        assert_eq!(p.work(&l).unwrap().started, 10);
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
    fn work_refs_round_trip_and_reject_junk() {
        let r = WorkRef::lesson("idea-sprint");
        assert_eq!(WorkRef::parse(&r.key()), Some(r));
        for bad in ["", "lesson", "lesson:", "quiz:a", "lesson:A B"] {
            assert_eq!(WorkRef::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn erase_keeps_language_only() {
        let mut p = Progress::default();
        p.set_lang(Lang::En, 1);
        p.set_name("Ida", 2);
        p.set_answer(&WorkRef::lesson("a"), "s", text("x"), 3);
        p.erase_all(4);
        assert!(p.is_empty());
        assert_eq!(p.settings.lang, Some(Lang::En));
        assert_eq!(p.erased_at, 4);
    }
}
