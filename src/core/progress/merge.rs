//! Merging two versions of the saved work (two tabs, a restored backup, a team's two
//! devices). The merge is a join: commutative, associative and idempotent, so copies that
//! meet in any order and any number of times agree. Per answer, per record and per setting
//! the later edit wins (ties broken by value, never by which side is "ours"); erasing
//! everything is a time before which nothing comes back.

use super::answer::merge_answer;
use super::state::{Millis, Progress, Settings, Stamped, Work};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Joins two versions of everything.
pub fn merge(ours: &Progress, theirs: &Progress) -> Progress {
    let erased_at = ours.erased_at.max(theirs.erased_at);
    let mut work = ours.work.clone();
    for (key, their_work) in &theirs.work {
        let merged = match ours.work.get(key) {
            Some(our_work) => merge_work(our_work, their_work),
            None => their_work.clone(),
        };
        work.insert(key.clone(), merged);
    }
    let mut out = Progress {
        settings: merge_settings(&ours.settings, &theirs.settings),
        work,
        erased_at,
        extra: merge_extra(&ours.extra, &theirs.extra),
    };
    out.retain_after(erased_at);
    out
}

/// Joins two versions of one work item.
pub fn merge_work(ours: &Work, theirs: &Work) -> Work {
    let mut answers = ours.answers.clone();
    for (step, their_answer) in &theirs.answers {
        let merged = match ours.answers.get(step) {
            Some(our_answer) => merge_answer(our_answer, their_answer),
            None => their_answer.clone(),
        };
        answers.insert(step.clone(), merged);
    }
    let meta = |w: &Work| (w.meta_updated, w.at_step.clone(), w.completed);
    let meta_from = if meta(theirs) > meta(ours) {
        theirs
    } else {
        ours
    };
    Work {
        answers,
        at_step: meta_from.at_step.clone(),
        completed: meta_from.completed,
        meta_updated: meta_from.meta_updated,
        props: merge_stamped_map(&ours.props, &theirs.props),
        updated: ours.updated.max(theirs.updated),
        extra: merge_extra(&ours.extra, &theirs.extra),
    }
}

pub fn merge_settings(ours: &Settings, theirs: &Settings) -> Settings {
    let key = |s: &Settings| (s.updated, serde_json::to_string(s).unwrap_or_default());
    if key(theirs) > key(ours) {
        theirs.clone()
    } else {
        ours.clone()
    }
}

fn merge_stamped_map<T: Clone + Ord>(
    ours: &BTreeMap<String, Stamped<T>>,
    theirs: &BTreeMap<String, Stamped<T>>,
) -> BTreeMap<String, Stamped<T>> {
    let mut out = ours.clone();
    for (k, t) in theirs {
        let take = out
            .get(k)
            .is_none_or(|o| (t.updated, &t.value) > (o.updated, &o.value));
        if take {
            out.insert(k.clone(), t.clone());
        }
    }
    out
}

/// Fields an older app does not know: kept from both sides; where both have one, the
/// greater value is kept so that the merge does not depend on the order.
fn merge_extra(ours: &Map<String, Value>, theirs: &Map<String, Value>) -> Map<String, Value> {
    let mut out = ours.clone();
    for (k, v) in theirs {
        if out.get(k).is_none_or(|o| json_after(v, o)) {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

/// A fixed order on JSON values (by their text), for merge tie-breaks.
pub(crate) fn json_after(a: &Value, b: &Value) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    a > b
}

impl Progress {
    /// Forgets everything stamped at or before `erased_at`.
    pub fn retain_after(&mut self, erased_at: Millis) {
        if erased_at == 0 {
            return;
        }
        self.work.retain(|_, w| w.updated > erased_at);
        for work in self.work.values_mut() {
            work.retain_after(erased_at);
        }
    }
}

impl Work {
    pub(crate) fn retain_after(&mut self, erased_at: Millis) {
        self.answers.retain(|_, a| a.updated > erased_at);
        for a in self.answers.values_mut() {
            a.value.retain_after(erased_at);
        }
        self.props.retain(|_, p| p.updated > erased_at);
        if self.meta_updated <= erased_at {
            self.at_step = None;
            self.completed = None;
            self.meta_updated = 0;
        }
    }
}

/// How two versions compare, for the restore preview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Work items only in the incoming version.
    pub only_incoming: usize,
    /// Work items where the incoming version has a newer answer.
    pub incoming_newer: usize,
    /// Work items where this device has a newer answer (a replace would lose them).
    pub local_newer: usize,
    /// Work items only on this device (a replace would lose them).
    pub only_local: usize,
}

impl Comparison {
    /// True when replacing local work with the incoming would lose something.
    pub fn replace_loses_work(&self) -> bool {
        self.local_newer > 0 || self.only_local > 0
    }
}

pub fn compare(local: &Progress, incoming: &Progress) -> Comparison {
    let mut c = Comparison::default();
    let newer_in = |a: &Work, b: &Work| {
        a.answers
            .iter()
            .any(|(s, x)| b.answers.get(s).is_none_or(|y| x.updated > y.updated))
            || a.meta_updated > b.meta_updated
    };
    for (key, inc) in &incoming.work {
        match local.work.get(key) {
            None => c.only_incoming += 1,
            Some(loc) => {
                if newer_in(inc, loc) {
                    c.incoming_newer += 1;
                }
                if newer_in(loc, inc) {
                    c.local_newer += 1;
                }
            }
        }
    }
    c.only_local = local
        .work
        .keys()
        .filter(|k| !incoming.work.contains_key(*k))
        .count();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::answer::{notes_in_block, Answer, Note};
    use crate::core::progress::record::RecordId;
    use crate::core::progress::state::WorkRef;

    fn text(s: &str) -> Answer {
        Answer::Text { text: s.into() }
    }

    #[test]
    fn newer_answer_wins_on_both_sides() {
        let l = WorkRef::lesson("a");
        let mut tab1 = Progress::default();
        let mut tab2 = Progress::default();
        tab1.set_answer(&l, "q1", text("one-old"), 1);
        tab2.set_answer(&l, "q1", text("one-new"), 2);
        tab1.set_answer(&l, "q2", text("two-new"), 4);
        tab2.set_answer(&l, "q2", text("two-old"), 3);
        for merged in [merge(&tab1, &tab2), merge(&tab2, &tab1)] {
            assert_eq!(merged.answer(&l, "q1"), Some(&text("one-new")));
            assert_eq!(merged.answer(&l, "q2"), Some(&text("two-new")));
        }
    }

    #[test]
    fn two_tabs_editing_different_notes_of_one_canvas_keep_both() {
        let l = WorkRef::lesson("a");
        let note = |t: &str| Note {
            block: "problem".into(),
            text: t.into(),
            colour: String::new(),
            order: 0,
            photo: None,
        };
        let (n1, n2, n3) = (
            RecordId::from_random(11),
            RecordId::from_random(22),
            RecordId::from_random(33),
        );
        let mut base = Progress::default();
        base.put_record(&l, "c", n1.clone(), Some(note("tørst")), 1);
        base.put_record(&l, "c", n2.clone(), Some(note("kø")), 2);
        let (mut tab1, mut tab2) = (base.clone(), base.clone());
        tab1.put_record(&l, "c", n1.clone(), Some(note("tørst!")), 5);
        tab1.put_record::<Note>(&l, "c", n2.clone(), None, 6);
        tab2.put_record(&l, "c", n3.clone(), Some(note("varme")), 7);
        let m = merge(&tab1, &tab2);
        assert_eq!(m, merge(&tab2, &tab1));
        let texts: Vec<String> = notes_in_block(m.answer(&l, "c"), "problem")
            .into_iter()
            .map(|(_, n)| n.text)
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.contains(&"tørst!".to_string()) && texts.contains(&"varme".to_string()));
        // The deleted note does not come back from the older base copy.
        assert_eq!(merge(&m, &base), m);
    }

    #[test]
    fn merge_is_idempotent_and_keeps_both_sides_work() {
        let mut a = Progress::default();
        let mut b = Progress::default();
        a.set_answer(&WorkRef::lesson("x"), "s", text("a"), 1);
        b.set_answer(&WorkRef::lesson("y"), "s", text("b"), 2);
        let m = merge(&a, &b);
        assert_eq!(m.work.len(), 2);
        assert_eq!(merge(&m, &m), m);
        assert_eq!(merge(&m, &b), m);
    }

    #[test]
    fn erase_is_not_undone_by_an_older_tab() {
        let l = WorkRef::lesson("a");
        let mut old_tab = Progress::default();
        old_tab.set_answer(&l, "q", text("old"), 5);
        let mut erased = old_tab.clone();
        erased.erase_all(10);
        let m = merge(&erased, &old_tab);
        assert!(m.work.is_empty());
        let mut newer = Progress::default();
        newer.set_answer(&l, "q", text("after"), 11);
        assert_eq!(merge(&erased, &newer).answer(&l, "q"), Some(&text("after")));
    }

    #[test]
    fn comparison_flags_what_replace_would_lose() {
        let l = WorkRef::lesson("a");
        let mut local = Progress::default();
        let mut backup = Progress::default();
        backup.set_answer(&l, "q", text("old"), 1);
        local.set_answer(&l, "q", text("new"), 2);
        let c = compare(&local, &backup);
        assert_eq!(c.local_newer, 1);
        assert!(c.replace_loses_work());
        let c2 = compare(&Progress::default(), &backup);
        assert_eq!(c2.only_incoming, 1);
        assert!(!c2.replace_loses_work());
    }
}
