//! The class overview: which imported hand-ins to keep (newer replaces older, the same one
//! twice is a duplicate), the table of pupils × items with progress, every pupil's answer
//! to one step side by side, and the CSV export.

use super::assignment::{item_progress, Assignment, ItemProgress};
use super::csv::csv;
use super::handin::{read_handin, HandIn, HandInError};
use crate::core::content::{CanvasTemplate, Step};
use crate::core::i18n::{fill, step_kind, t, Key};
use crate::core::media::backup::referenced;
use crate::core::progress::answer::ideas_in_order;
use crate::core::progress::{Answer, Millis, Progress, RecordId, WorkRef};
use crate::core::recap::{parts_text, recap, Recap, RecapContext};
use crate::core::text::Lang;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The step key under which a class overview keeps its hand-ins (one document per pupil).
pub const HANDINS_STEP: &str = "handins";

/// What became of one file or code of an import.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Added,
    /// Replaced the pupil's earlier hand-in.
    Replaced,
    /// The same hand-in is there already (imported before, or twice now).
    Duplicate,
    /// Older than the pupil's hand-in that is kept.
    Older,
    Rejected(HandInError),
}

/// One file or code of an import, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportEntry {
    /// The file name, or "code n".
    pub source: String,
    pub pupil: Option<String>,
    pub outcome: Outcome,
    /// Items of the hand-in that were left out as unreadable or foreign.
    pub dropped: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    pub entries: Vec<ImportEntry>,
    /// What to save: at most one hand-in per pupil, the newest.
    pub writes: Vec<(RecordId, HandIn)>,
}

impl ImportPlan {
    /// Added, replaced, and skipped (duplicates, older, rejected).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |f: fn(&Outcome) -> bool| self.entries.iter().filter(|e| f(&e.outcome)).count();
        let added = n(|o| *o == Outcome::Added);
        let replaced = n(|o| *o == Outcome::Replaced);
        (added, replaced, self.entries.len() - added - replaced)
    }
}

/// Decides what an import keeps, given the times of the hand-ins kept so far (by pupil
/// key). Within one import, a newer hand-in of the same pupil wins over an earlier file.
pub fn plan_import(
    kept: &BTreeMap<RecordId, Millis>,
    incoming: Vec<(String, Result<HandIn, HandInError>)>,
) -> ImportPlan {
    let mut times = kept.clone();
    // The entry of this import that currently holds each pupil's place.
    let mut chosen: BTreeMap<RecordId, usize> = BTreeMap::new();
    let mut writes: BTreeMap<RecordId, HandIn> = BTreeMap::new();
    let mut entries: Vec<ImportEntry> = Vec::new();
    for (source, result) in incoming {
        let handin = match result {
            Ok(h) => h,
            Err(e) => {
                entries.push(ImportEntry {
                    source,
                    pupil: None,
                    outcome: Outcome::Rejected(e),
                    dropped: 0,
                });
                continue;
            }
        };
        let key = handin.pupil_key();
        let at = handin.handed_in_at;
        let outcome = match times.get(&key) {
            None => Outcome::Added,
            Some(&kept_at) if kept_at == at => Outcome::Duplicate,
            Some(&kept_at) if kept_at > at => Outcome::Older,
            Some(_) => match chosen.get(&key) {
                // An earlier file of this import loses its place to this one.
                Some(&earlier) => std::mem::replace(&mut entries[earlier].outcome, Outcome::Older),
                None => Outcome::Replaced,
            },
        };
        if matches!(outcome, Outcome::Added | Outcome::Replaced) {
            times.insert(key.clone(), at);
            chosen.insert(key.clone(), entries.len());
            writes.insert(key, handin.clone());
        }
        entries.push(ImportEntry {
            source,
            pupil: Some(handin.pupil),
            outcome,
            dropped: handin.dropped.len(),
        });
    }
    ImportPlan {
        entries,
        writes: writes.into_iter().collect(),
    }
}

/// The hand-ins a class overview keeps, read back through the one gate, in name order.
/// Documents that no longer read (edited storage, a merge from elsewhere) are left out.
pub fn stored_handins(answer: Option<&Answer>, assignment: &Assignment) -> Vec<(RecordId, HandIn)> {
    let mut list: Vec<(RecordId, HandIn)> = match answer {
        Some(Answer::Docs { docs }) => docs
            .live()
            .filter_map(|(id, doc)| {
                Some((id.clone(), read_handin(doc.0.as_bytes(), assignment).ok()?))
            })
            .collect(),
        _ => vec![],
    };
    super::sort_small_by(&mut list, |a, b| {
        natural_cmp(&a.1.pupil, &b.1.pupil).then_with(|| a.0.cmp(&b.0))
    });
    list
}

/// The photos and recordings of `erased` hand-ins that nothing on the device refers to any
/// more — neither the device's own work nor a hand-in still kept (of this or another
/// assignment: the same photo may be handed in twice) — so they go with the hand-ins.
/// `progress` is the state after the erase.
pub fn media_to_delete(progress: &Progress, erased: &[HandIn]) -> Vec<String> {
    // The device's work and the hand-ins it still keeps.
    let kept = referenced(progress);
    let mut out: Vec<String> = erased
        .iter()
        .flat_map(HandIn::clips)
        .map(|c| c.id)
        .filter(|id| !kept.contains(id))
        .collect();
    crate::core::sort::sort(&mut out);
    out.dedup();
    out
}

/// Compares names as people sort them: numbers by value ("2" before "10"), letters
/// ignoring case.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, _) => return Ordering::Less,
            (_, None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let take = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut n = String::new();
                    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
                        n.push(c);
                        it.next();
                    }
                    n
                };
                let (x, y) = (take(&mut a), take(&mut b));
                let (xt, yt) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                let o = xt.len().cmp(&yt.len()).then_with(|| xt.cmp(yt));
                if o != Ordering::Equal {
                    return o;
                }
            }
            (Some(x), Some(y)) => {
                let o = x.to_lowercase().cmp(y.to_lowercase());
                if o != Ordering::Equal {
                    return o;
                }
                a.next();
                b.next();
            }
        }
    }
}

/// One pupil's row of the class table.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassRow {
    pub key: RecordId,
    pub pupil: String,
    pub handed_in_at: Millis,
    /// Progress on each item of the assignment, in its order.
    pub cells: Vec<ItemProgress>,
}

/// The class table: a row per hand-in, a cell per item. `tasks` says how many tasks an
/// item has, once known.
pub fn class_rows(
    items: &[WorkRef],
    handins: &[(RecordId, HandIn)],
    tasks: &dyn Fn(&WorkRef) -> Option<usize>,
) -> Vec<ClassRow> {
    handins
        .iter()
        .map(|(key, h)| ClassRow {
            key: key.clone(),
            pupil: h.pupil.clone(),
            handed_in_at: h.handed_in_at,
            cells: items
                .iter()
                .map(|item| item_progress(h.work_on(item), tasks(item)))
                .collect(),
        })
        .collect()
}

/// "3 af 5" (never "3/5", which a spreadsheet reads as a date), "færdig" when finished.
pub fn progress_text(p: &ItemProgress, lang: Lang) -> String {
    let n = p.answered.to_string();
    let count = match p.tasks {
        Some(m) => fill(
            t(lang, Key::ProgressOf),
            &[("n", &n), ("m", &m.to_string())],
        ),
        None => fill(t(lang, Key::AnswersCount), &[("n", &n)]),
    };
    if p.done {
        format!("{count} · {}", t(lang, Key::StatusDone))
    } else {
        count
    }
}

/// Every pupil's answer to step `step_id` of `item`, side by side, as text. `steps` are the
/// item's steps (a vote needs its brainstorm's ideas); `canvases` the loaded templates.
pub fn step_answers(
    steps: &[Step],
    step_id: &str,
    item: &WorkRef,
    handins: &[(RecordId, HandIn)],
    canvases: &BTreeMap<String, CanvasTemplate>,
    lang: Lang,
) -> Vec<(String, Recap)> {
    let Some(step) = steps.iter().find(|s| s.id().as_str() == step_id) else {
        return vec![];
    };
    handins
        .iter()
        .map(|(_, h)| {
            let work = h.work_on(item);
            let ctx = RecapContext {
                ideas: match step {
                    Step::Vote(v) => ideas_in_order(work.and_then(|w| w.answer(v.from.as_str()))),
                    _ => vec![],
                },
                canvas: match step {
                    Step::Canvas(c) => canvases.get(c.canvas.as_str()),
                    _ => None,
                },
            };
            let answer = work.and_then(|w| w.answer(step_id));
            (h.pupil.clone(), recap(step, answer, &ctx, lang))
        })
        .collect()
}

/// A recap as one line of text (for a spreadsheet cell).
pub fn recap_text(r: &Recap) -> String {
    match r {
        Recap::Text(t) => t.clone(),
        Recap::Media { summary, text, .. } => [summary.as_str(), text.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(": "),
        Recap::List(items) => items.join("; "),
        Recap::Labelled(parts) => parts_text(parts, " | "),
        Recap::Notes { parts, summary, .. } if parts.is_empty() => summary.clone(),
        Recap::Notes { parts, summary, .. } => format!("{} | {summary}", parts_text(parts, " | ")),
        Recap::Empty => String::new(),
    }
}

/// An item of the assignment as the export sees it.
pub struct ExportItem {
    pub item: WorkRef,
    pub title: String,
    /// Its steps, if its file has loaded (else only progress is exported).
    pub steps: Option<Vec<Step>>,
}

/// The class overview as CSV: a row per pupil with the hand-in time, progress per item, and
/// the answer to every step that takes one.
pub fn class_csv(
    items: &[ExportItem],
    handins: &[(RecordId, HandIn)],
    canvases: &BTreeMap<String, CanvasTemplate>,
    lang: Lang,
    time: &dyn Fn(Millis) -> String,
) -> String {
    let tasks = |s: &Vec<Step>| s.iter().filter(|s| !matches!(s, Step::Read(_))).count();
    let mut header = vec![
        t(lang, Key::ClassPupil).to_string(),
        t(lang, Key::ClassHandedIn).to_string(),
    ];
    header.extend(items.iter().map(|i| i.title.clone()));
    for i in items {
        for (n, step) in answer_steps(i) {
            let label = step
                .label()
                .map(|l| l.get(lang).to_string())
                .unwrap_or_else(|| {
                    let kind = t(lang, step_kind(step.type_name()));
                    fill(
                        t(lang, Key::StepNumber),
                        &[("n", &n.to_string()), ("kind", kind)],
                    )
                });
            header.push(format!("{}: {label}", i.title));
        }
    }
    let mut rows = vec![header];
    for (_, h) in handins {
        let mut row = vec![h.pupil.clone(), time(h.handed_in_at)];
        for i in items {
            let p = item_progress(h.work_on(&i.item), i.steps.as_ref().map(tasks));
            row.push(progress_text(&p, lang));
        }
        for i in items {
            let steps = i.steps.as_deref().unwrap_or(&[]);
            for (_, step) in answer_steps(i) {
                let answers = step_answers(
                    steps,
                    step.id().as_str(),
                    &i.item,
                    std::slice::from_ref(&(h.pupil_key(), h.clone())),
                    canvases,
                    lang,
                );
                row.push(
                    answers
                        .first()
                        .map(|(_, r)| recap_text(r))
                        .unwrap_or_default(),
                );
            }
        }
        rows.push(row);
    }
    csv(&rows)
}

/// The steps of an item that take an answer, numbered as the pupil sees them.
fn answer_steps(item: &ExportItem) -> impl Iterator<Item = (usize, &Step)> {
    item.steps
        .iter()
        .flatten()
        .enumerate()
        .filter(|(_, s)| !matches!(s, Step::Read(_)))
        .map(|(n, s)| (n + 1, s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::StepSlot;
    use crate::core::progress::answer::Idea;
    use crate::core::progress::{Progress, Rating};
    use crate::core::teacher::handin::HandInAssignment;
    use serde_json::json;

    fn assignment() -> Assignment {
        Assignment {
            id: "k3x9q2".into(),
            class: "6.B".into(),
            title: "Idéer".into(),
            items: vec![WorkRef::lesson("a")],
            ..Default::default()
        }
    }

    fn handin(pupil: &str, at: Millis, text: &str) -> HandIn {
        let mut p = Progress::default();
        let l = WorkRef::lesson("a");
        p.set_answer(&l, "p", Answer::Text { text: text.into() }, at);
        HandIn::new(&assignment(), pupil, &p, at, "t")
    }

    fn steps() -> Vec<Step> {
        let slots: Vec<StepSlot> = serde_json::from_value(json!([
            {"type": "read", "id": "r", "body": "x"},
            {"type": "prompt", "id": "p", "question": "Hvilket problem fandt du?"},
            {"type": "brainstorm", "id": "b", "question": "Idéer"},
            {"type": "vote", "id": "v", "from": "b"},
            {"type": "rubric", "id": "s", "criteria": [{"id": "c", "title": "Samarbejde"}]}
        ]))
        .unwrap();
        slots
            .into_iter()
            .filter_map(|s| s.ready().cloned())
            .collect()
    }

    #[test]
    fn erasing_hand_ins_deletes_only_the_media_nothing_else_refers_to() {
        use crate::core::media::Clip;
        use crate::core::progress::answer::Doc;
        let clip = |id: &str| Clip {
            id: id.into(),
            kind: "photo".into(),
            mime: "image/webp".into(),
            bytes: 3,
            ..Clip::default()
        };
        let with_photos = |pupil: &str, ids: &[&str]| {
            let mut p = Progress::default();
            p.set_answer(
                &WorkRef::lesson("a"),
                "p",
                Answer::Media {
                    text: String::new(),
                    strokes: vec![],
                    clips: ids.iter().map(|i| clip(i)).collect(),
                },
                5,
            );
            HandIn::new(&assignment(), pupil, &p, 5, "t")
        };
        let ida = with_photos(
            "Ida",
            &[
                "m0000000000000001",
                "m0000000000000002",
                "m0000000000000003",
            ],
        );
        // On the device after the erase: Emil's hand-in to another assignment holds photo 2,
        // and the teacher's own work photo 3.
        let mut device = Progress::default();
        let emil = with_photos("Emil", &["m0000000000000002"]);
        device.put_record(
            &WorkRef::class("other"),
            HANDINS_STEP,
            emil.pupil_key(),
            Some(Doc(emil.to_json())),
            6,
        );
        device.set_answer(
            &WorkRef::lesson("mine"),
            "foto",
            Answer::Media {
                text: String::new(),
                strokes: vec![],
                clips: vec![clip("m0000000000000003")],
            },
            6,
        );
        assert_eq!(
            media_to_delete(&device, std::slice::from_ref(&ida)),
            ["m0000000000000001"]
        );
        assert!(media_to_delete(&device, &[]).is_empty());
        assert_eq!(
            media_to_delete(&Progress::default(), &[ida.clone(), ida]).len(),
            3
        );
    }

    #[test]
    fn newer_replaces_same_is_duplicate_older_is_skipped() {
        let kept: BTreeMap<RecordId, Millis> = [(handin("Ida", 10, "x").pupil_key(), 10)].into();
        let plan = plan_import(
            &kept,
            vec![
                ("ida.json".into(), Ok(handin("ida", 20, "ny"))),
                ("ida-gammel.json".into(), Ok(handin("Ida", 5, "gammel"))),
                ("emil.json".into(), Ok(handin("Emil", 7, "x"))),
                ("emil-igen.json".into(), Ok(handin("Emil", 7, "x"))),
                ("noor.json".into(), Ok(handin("Noor", 3, "først"))),
                ("noor-2.json".into(), Ok(handin("Noor", 4, "senere"))),
                ("x.json".into(), Err(HandInError::NotAHandIn)),
            ],
        );
        let outcomes: Vec<(&str, &Outcome)> = plan
            .entries
            .iter()
            .map(|e| (e.source.as_str(), &e.outcome))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("ida.json", &Outcome::Replaced),
                ("ida-gammel.json", &Outcome::Older),
                ("emil.json", &Outcome::Added),
                ("emil-igen.json", &Outcome::Duplicate),
                ("noor.json", &Outcome::Older),
                ("noor-2.json", &Outcome::Added),
                ("x.json", &Outcome::Rejected(HandInError::NotAHandIn)),
            ]
        );
        assert_eq!(plan.counts(), (2, 1, 4));
        let written: Vec<(&str, Millis)> = plan
            .writes
            .iter()
            .map(|(_, h)| (h.pupil.as_str(), h.handed_in_at))
            .collect();
        assert_eq!(written.len(), 3);
        assert!(
            written.contains(&("ida", 20))
                && written.contains(&("Noor", 4))
                && written.contains(&("Emil", 7))
        );
    }

    #[test]
    fn names_sort_as_people_expect() {
        let mut names = vec!["10", "2", "ida", "Emil", "1", "elev 10", "elev 9"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["1", "2", "10", "elev 9", "elev 10", "Emil", "ida"]);
    }

    #[test]
    fn stored_hand_ins_read_back_and_bad_ones_are_left_out() {
        let a = assignment();
        let mut p = Progress::default();
        let class = a.class_ref();
        for h in [handin("Noor", 1, "x"), handin("Ida", 2, "y")] {
            let doc = crate::core::progress::answer::Doc(h.to_json());
            p.put_record(&class, HANDINS_STEP, h.pupil_key(), Some(doc), 3);
        }
        let junk = crate::core::progress::answer::Doc("{\"format\":\"nope\"}".into());
        p.put_record(
            &class,
            HANDINS_STEP,
            RecordId::from_random(1),
            Some(junk),
            3,
        );
        let list = stored_handins(p.answer(&class, HANDINS_STEP), &a);
        let names: Vec<&str> = list.iter().map(|(_, h)| h.pupil.as_str()).collect();
        assert_eq!(names, ["Ida", "Noor"]);
        let rows = class_rows(&a.items, &list, &|_| Some(4));
        assert_eq!(
            rows[0].cells[0],
            ItemProgress {
                answered: 1,
                tasks: Some(4),
                done: false
            }
        );
    }

    #[test]
    fn every_pupils_answer_to_a_step_side_by_side() {
        let l = WorkRef::lesson("a");
        let mut ida = Progress::default();
        ida.set_answer(&l, "p", Answer::Text { text: "Kø".into() }, 1);
        let idea = Idea {
            text: "Flere haner".into(),
            order: 1,
        };
        let id = RecordId::from_random(9);
        ida.put_record(&l, "b", id.clone(), Some(idea), 1);
        ida.set_answer(
            &l,
            "v",
            Answer::Dots {
                dots: [(id.to_string(), 2)].into(),
            },
            2,
        );
        ida.set_answer(
            &l,
            "s",
            Answer::Rubric {
                ratings: [(
                    "c".to_string(),
                    Rating {
                        score: Some(3),
                        comment: "godt".into(),
                    },
                )]
                .into(),
            },
            2,
        );
        let handins = vec![
            (
                RecordId::from_random(1),
                HandIn::new(&assignment(), "Ida", &ida, 5, "t"),
            ),
            (
                RecordId::from_random(2),
                HandIn::new(&assignment(), "Emil", &Progress::default(), 5, "t"),
            ),
        ];
        let none = BTreeMap::new();
        let got = step_answers(&steps(), "p", &l, &handins, &none, Lang::Da);
        assert_eq!(
            got,
            [
                ("Ida".to_string(), Recap::Text("Kø".into())),
                ("Emil".to_string(), Recap::Empty)
            ]
        );
        let votes = step_answers(&steps(), "v", &l, &handins, &none, Lang::Da);
        assert_eq!(
            votes[0].1,
            Recap::Labelled(vec![("Flere haner".into(), "●●".into())])
        );
        let rubric = step_answers(&steps(), "s", &l, &handins, &none, Lang::Da);
        assert_eq!(
            rubric[0].1,
            Recap::Labelled(vec![("Samarbejde".into(), "3/4 – godt".into())])
        );
        assert!(step_answers(&steps(), "missing", &l, &handins, &none, Lang::Da).is_empty());
    }

    #[test]
    fn the_csv_has_a_row_per_pupil_and_a_column_per_answer() {
        let mut h = handin("Ida", 5, "=1+1; og \"mere\"");
        h.assignment = HandInAssignment {
            id: "k3x9q2".into(),
            class: "6.B".into(),
            title: "Idéer".into(),
            rev: 0,
        };
        let items = [ExportItem {
            item: WorkRef::lesson("a"),
            title: "Idéstorm".into(),
            steps: Some(steps()),
        }];
        let text = class_csv(
            &items,
            &[(h.pupil_key(), h)],
            &BTreeMap::new(),
            Lang::Da,
            &|t| format!("t{t}"),
        );
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(
            lines[0].starts_with(
                "\u{feff}Elev;Afleveret;Idéstorm;Idéstorm: Hvilket problem fandt du?;"
            ),
            "{}",
            lines[0]
        );
        assert_eq!(lines[1], "Ida;t5;1 af 4;\"'=1+1; og \"\"mere\"\"\";;;");
    }
}
