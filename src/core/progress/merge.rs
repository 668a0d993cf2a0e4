//! Merging two versions of the saved work (two tabs, or a restored backup): per answer the
//! newer edit wins, so neither side overwrites newer work of the other.

use super::state::{Progress, Work};

/// Merges `theirs` into `ours`. Ties keep `ours`.
pub fn merge(ours: &Progress, theirs: &Progress) -> Progress {
    let erased_at = ours.erased_at.max(theirs.erased_at);
    let mut out = ours.clone();
    out.erased_at = erased_at;
    if theirs.settings.updated > ours.settings.updated {
        out.settings = theirs.settings.clone();
    }
    for (key, their_work) in &theirs.work {
        let merged = match ours.work.get(key) {
            Some(our_work) => merge_work(our_work, their_work),
            None => their_work.clone(),
        };
        out.work.insert(key.clone(), merged);
    }
    for (k, v) in &theirs.extra {
        out.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
    out.work.retain(|_, w| w.updated > erased_at);
    for work in out.work.values_mut() {
        work.answers.retain(|_, a| a.updated > erased_at);
    }
    out
}

fn merge_work(ours: &Work, theirs: &Work) -> Work {
    let mut out = ours.clone();
    for (step, their_answer) in &theirs.answers {
        let newer = ours
            .answers
            .get(step)
            .is_none_or(|a| their_answer.updated > a.updated);
        if newer {
            out.answers.insert(step.clone(), their_answer.clone());
        }
    }
    if theirs.meta_updated > ours.meta_updated {
        out.at_step = theirs.at_step.clone();
        out.completed = theirs.completed;
        out.meta_updated = theirs.meta_updated;
    }
    out.started = match (ours.started, theirs.started) {
        (0, t) | (t, 0) => t,
        (a, b) => a.min(b),
    };
    out.updated = ours.updated.max(theirs.updated);
    for (k, v) in &theirs.extra {
        out.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
    out
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
    for (key, inc) in &incoming.work {
        match local.work.get(key) {
            None => c.only_incoming += 1,
            Some(loc) => {
                let newer_in = |a: &Work, b: &Work| {
                    a.answers
                        .iter()
                        .any(|(s, x)| b.answers.get(s).is_none_or(|y| x.updated > y.updated))
                        || a.meta_updated > b.meta_updated
                };
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
    use crate::core::progress::answer::Answer;
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
