//! The saved format across versions and the merge: every earlier version's fixture
//! migrates, the current fixture holds every answer kind, no input — however broken —
//! panics the readers, and merging copies edited in any order is commutative,
//! associative and idempotent and never loses an edit newer than the other side's.

use proptest::prelude::*;
use spire::core::progress::answer::{Answer, Doc, Idea, Note, Rating};
use spire::core::progress::backup::{export_backup, read_backup};
use spire::core::progress::merge::merge;
use spire::core::progress::save::{absorb_progress, plan_load, Slot};
use spire::core::progress::stored::{
    head_to_stored, restore, to_stored, work_to_stored, Head, CURRENT_VERSION,
};
use spire::core::progress::{Millis, Progress, RecordId, WorkRef};
use spire::core::text::Lang;
use std::collections::{BTreeMap, BTreeSet};

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/progress/v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_version_has_a_fixture_that_migrates() {
    for version in 1..=CURRENT_VERSION {
        let restored = restore(&fixture(version)).unwrap_or_else(|e| panic!("v{version}: {e:?}"));
        assert_eq!(restored.from_version, version);
        assert!(
            restored.dropped.is_empty(),
            "v{version} dropped {:?}",
            restored.dropped
        );
        assert!(
            !restored.progress.work.is_empty(),
            "v{version} lost its work"
        );
        for work in restored.progress.work.values() {
            assert!(
                !work.extra.contains_key("unreadable_answers"),
                "v{version} has answers it cannot read: {:?}",
                work.extra
            );
        }
    }
}

/// Every `kind` an answer can have, read from the answer type's JSON Schema, so a new
/// kind shows up here without anyone remembering to list it.
fn answer_kinds() -> BTreeSet<String> {
    let schema = serde_json::to_value(schemars::schema_for!(Answer)).unwrap();
    let mut kinds = BTreeSet::new();
    let variants = schema["oneOf"].as_array().expect("Answer is a oneOf");
    for variant in variants {
        let kind = &variant["properties"]["kind"];
        let name = kind["const"]
            .as_str()
            .or_else(|| kind["enum"][0].as_str())
            .unwrap_or_else(|| panic!("no kind in {variant}"));
        kinds.insert(name.to_string());
    }
    kinds
}

#[test]
fn the_current_fixture_holds_every_answer_kind() {
    let p = restore(&fixture(CURRENT_VERSION)).unwrap().progress;
    let present: BTreeSet<String> = p
        .work
        .values()
        .flat_map(|w| w.answers.values())
        .map(|a| a.value.kind().to_string())
        .collect();
    let all = answer_kinds();
    assert_eq!(all.len(), 12, "{all:?}");
    let missing: Vec<_> = all.difference(&present).collect();
    assert!(
        missing.is_empty(),
        "tests/fixtures/progress/v{CURRENT_VERSION}.json has no answer of kind {missing:?}: \
         add one, so its saved form is pinned"
    );
}

#[test]
fn v1_answers_and_language_survive_migration() {
    let p = restore(&fixture(1)).unwrap().progress;
    assert_eq!(p.settings.lang, Some(Lang::En));
    let lesson = WorkRef::lesson("problem-jaeger");
    assert_eq!(
        p.answer(&lesson, "my-problem"),
        Some(&Answer::Text {
            text: "Der er altid kø ved vandhanen i frikvarteret.".into()
        })
    );
    assert_eq!(p.work(&lesson).unwrap().updated, 1767225500000);
    assert!(p.work(&WorkRef::lesson("ide-storm")).is_some());
}

#[test]
fn v2_lists_become_records_that_votes_still_name() {
    let p = restore(&fixture(2)).unwrap().progress;
    let work = p.work(&WorkRef::lesson("problem-jaeger")).unwrap();
    assert_eq!(work.answers.len(), 10);
    assert_eq!(work.at_step.as_deref(), Some("vote"));
    let ideas = spire::core::progress::answer::ideas_in_order(work.answer("ideas"));
    let ids: Vec<&str> = ideas.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["1", "2"]);
    let Some(Answer::Dots { dots }) = work.answer("vote") else {
        panic!("the vote migrated")
    };
    assert!(ids.iter().all(|id| dots.contains_key(*id)));
    let again = restore(&to_stored(&p, 1, "test")).unwrap().progress;
    assert_eq!(again, p);
}

#[test]
fn v3_fixture_keeps_tombstones_and_props() {
    let p = restore(&fixture(3)).unwrap().progress;
    let lesson = WorkRef::lesson("problem-jaeger");
    let ideas = spire::core::progress::answer::ideas_in_order(p.answer(&lesson, "ideas"));
    assert_eq!(ideas.len(), 2, "the deleted idea stays deleted");
    let challenge = p.work(&WorkRef::challenge("find-vej-plejehjem")).unwrap();
    assert_eq!(challenge.prop("team"), Some("Ulvene"));
}

#[test]
fn the_split_storage_reads_back_what_the_whole_state_holds() {
    let p = restore(&fixture(3)).unwrap().progress;
    let mut entries = vec![(
        Slot::Settings.storage_key(),
        head_to_stored(&Head::of(&p), 1, "t"),
    )];
    for (key, work) in &p.work {
        entries.push((
            Slot::Work(key.clone()).storage_key(),
            work_to_stored(key, work, 1, "t"),
        ));
    }
    let plan = plan_load(&entries);
    assert_eq!(plan.progress, p);
    assert!(plan.notice.is_none() && plan.write.is_empty() && plan.keep_aside.is_empty());
}

// ---- generated histories -----------------------------------------------------------------

/// The kind of answer a step holds: fixed per step id, as content fixes it.
const KINDS: usize = 11;

fn kind_of(step: usize) -> usize {
    step % KINDS
}

/// One thing a pupil does in one tab.
#[derive(Debug, Clone)]
enum Op {
    /// Sets the whole answer of a step (kinds that are one value).
    Set {
        lesson: u8,
        step: usize,
        seed: u16,
    },
    /// Adds or edits a record of a list step (ideas, notes).
    PutRecord {
        lesson: u8,
        step: usize,
        record: u8,
        seed: u16,
    },
    DeleteRecord {
        lesson: u8,
        step: usize,
        record: u8,
    },
    Position {
        lesson: u8,
        step: usize,
    },
    Complete {
        lesson: u8,
        done: bool,
    },
    Prop {
        lesson: u8,
        seed: u16,
    },
    Name {
        seed: u16,
    },
    Erase,
}

fn op() -> impl Strategy<Value = Op> {
    let lesson = 0u8..3;
    let step = 0usize..22;
    prop_oneof![
        6 => (lesson.clone(), step.clone(), any::<u16>())
            .prop_map(|(lesson, step, seed)| Op::Set { lesson, step, seed }),
        6 => (lesson.clone(), step.clone(), 0u8..4, any::<u16>())
            .prop_map(|(lesson, step, record, seed)| Op::PutRecord { lesson, step, record, seed }),
        2 => (lesson.clone(), step.clone(), 0u8..4)
            .prop_map(|(lesson, step, record)| Op::DeleteRecord { lesson, step, record }),
        2 => (lesson.clone(), step).prop_map(|(lesson, step)| Op::Position { lesson, step }),
        1 => (lesson.clone(), any::<bool>()).prop_map(|(lesson, done)| Op::Complete { lesson, done }),
        1 => (lesson, any::<u16>()).prop_map(|(lesson, seed)| Op::Prop { lesson, seed }),
        1 => any::<u16>().prop_map(|seed| Op::Name { seed }),
        1 => Just(Op::Erase),
    ]
}

/// A whole answer of the step's kind, varied by `seed`.
fn whole_answer(step: usize, seed: u16) -> Option<Answer> {
    let s = seed as usize;
    let word = ["is", "kø", "vand", "", "sol"][s % 5].to_string();
    Some(match kind_of(step) {
        0 => Answer::Text { text: word },
        1 => Answer::Choice {
            selected: (0..s % 4).collect(),
        },
        2 => Answer::Dots {
            dots: BTreeMap::from([(format!("{}", s % 3), (s % 4) as u32)]),
        },
        3 => Answer::Scores {
            scores: BTreeMap::from([(format!("{}", s % 3), vec![(s % 6) as u8, 3])]),
        },
        4 => Answer::Checklist {
            checked: (s % 3..s % 5).collect(),
        },
        5 => Answer::Reflections {
            answers: vec![word, "x".into()],
        },
        6 => Answer::Pitch {
            sections: vec![word],
            rehearsals: (s % 3) as u32,
        },
        7 => Answer::Rubric {
            ratings: BTreeMap::from([(
                "idea".to_string(),
                Rating {
                    score: Some((s % 4) as u8),
                    comment: word,
                },
            )]),
        },
        // Steps of kinds 8, 9 and 10 hold records.
        _ => return None,
    })
}

fn record_id(record: u8) -> RecordId {
    RecordId::parse(&format!("r{record}")).unwrap()
}

fn apply(p: &mut Progress, op: &Op, now: Millis) {
    let work = |l: &u8| WorkRef::lesson(&format!("lesson{l}"));
    let step_name = |s: &usize| format!("step{s}");
    match op {
        Op::Set { lesson, step, seed } => {
            if let Some(answer) = whole_answer(*step, *seed) {
                p.set_answer(&work(lesson), &step_name(step), answer, now);
            }
        }
        Op::PutRecord {
            lesson,
            step,
            record,
            seed,
        } => put_record(p, &work(lesson), *step, *record, Some(*seed), now),
        Op::DeleteRecord {
            lesson,
            step,
            record,
        } => put_record(p, &work(lesson), *step, *record, None, now),
        Op::Position { lesson, step } => {
            p.set_position(&work(lesson), &step_name(step), now);
        }
        Op::Complete { lesson, done } => {
            p.set_completed(&work(lesson), *done, now);
        }
        Op::Prop { lesson, seed } => {
            p.set_prop(&work(lesson), "team", &format!("hold {}", seed % 3), now);
        }
        Op::Name { seed } => {
            p.set_name(&format!("elev {}", seed % 3), now);
        }
        Op::Erase => p.erase_all(now),
    }
}

fn put_record(
    p: &mut Progress,
    work: &WorkRef,
    step: usize,
    record: u8,
    seed: Option<u16>,
    now: Millis,
) {
    let name = format!("step{step}");
    let id = record_id(record);
    let text = |s: u16| ["tørst", "kø", "sol"][s as usize % 3].to_string();
    match kind_of(step) {
        8 => {
            let idea = seed.map(|s| Idea {
                text: text(s),
                order: i64::from(s % 4),
            });
            p.put_record(work, &name, id, idea, now);
        }
        10 => {
            let doc = seed.map(|s| Doc(format!("{{\"n\":{}}}", s % 5)));
            p.put_record(work, &name, id, doc, now);
        }
        9 => {
            let note = seed.map(|s| Note {
                block: ["problem", "solution"][s as usize % 2].into(),
                text: text(s),
                colour: String::new(),
                order: i64::from(s % 4),
                // Some notes carry a photo, so its reference round-trips and merges too.
                photo: (s % 3 == 0).then(|| spire::core::media::Clip {
                    id: format!("m{:016x}", s),
                    kind: "photo".into(),
                    mime: "image/webp".into(),
                    bytes: u64::from(s),
                    ..Default::default()
                }),
            });
            p.put_record(work, &name, id, note, now);
        }
        _ => {}
    }
}

/// Plays ops on a copy of `base`, each at its own time. Times are drawn so that different
/// tabs can share an instant (the hardest case for a merge).
fn play(base: &Progress, ops: &[(Op, Millis)]) -> Progress {
    let mut p = base.clone();
    for (op, at) in ops {
        apply(&mut p, op, *at);
    }
    p
}

fn history() -> impl Strategy<Value = Vec<(Op, Millis)>> {
    proptest::collection::vec((op(), 1i64..60), 0..25).prop_map(|mut ops| {
        ops.sort_by_key(|(_, at)| *at);
        ops
    })
}

/// Every stamp of a version of a step's answer or record, for "no newer edit lost".
fn stamps(p: &Progress) -> BTreeMap<String, (Millis, String)> {
    let mut out = BTreeMap::new();
    for (key, work) in &p.work {
        for (step, a) in &work.answers {
            let records: Vec<(String, Millis, String)> = match &a.value {
                Answer::Ideas { ideas } => ideas
                    .entries()
                    .map(|(id, r)| (id.to_string(), r.at, format!("{:?}", r.value)))
                    .collect(),
                Answer::Canvas { notes } => notes
                    .entries()
                    .map(|(id, r)| (id.to_string(), r.at, format!("{:?}", r.value)))
                    .collect(),
                Answer::Docs { docs } => docs
                    .entries()
                    .map(|(id, r)| (id.to_string(), r.at, format!("{:?}", r.value)))
                    .collect(),
                other => vec![(String::new(), a.updated, format!("{other:?}"))],
            };
            for (id, at, value) in records {
                out.insert(format!("{key}/{step}/{id}"), (at, value));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn merge_is_commutative_associative_and_idempotent(
        base in history(), a in history(), b in history(), c in history()
    ) {
        let base = play(&Progress::default(), &base);
        let (a, b, c) = (play(&base, &a), play(&base, &b), play(&base, &c));
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        prop_assert_eq!(merge(&a, &a), a.clone());
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &b), ab.clone());
    }

    #[test]
    fn no_edit_newer_than_the_other_sides_is_lost(base in history(), a in history(), b in history()) {
        let base = play(&Progress::default(), &base);
        let (a, b) = (play(&base, &a), play(&base, &b));
        let m = merge(&a, &b);
        let erased_at = m.erased_at;
        let (sa, sb, sm) = (stamps(&a), stamps(&b), stamps(&m));
        for (side, other) in [(&sa, &sb), (&sb, &sa)] {
            for (what, (at, value)) in side {
                if *at <= erased_at {
                    continue;
                }
                let newer = other.get(what).is_none_or(|(o, _)| at > o);
                if newer {
                    prop_assert_eq!(sm.get(what), Some(&(*at, value.clone())), "{} lost", what);
                }
            }
        }
    }

    #[test]
    fn split_storage_absorbs_like_a_whole_merge(a in history(), b in history()) {
        let (a, b) = (play(&Progress::default(), &a), play(&Progress::default(), &b));
        let mut absorbed = a.clone();
        absorb_progress(&mut absorbed, &b);
        prop_assert_eq!(absorbed, merge(&a, &b));
    }

    #[test]
    fn every_state_round_trips_through_backup_and_storage(h in history()) {
        let p = play(&Progress::default(), &h);
        let file = export_backup(&p, 42, "test");
        let preview = read_backup(file.as_bytes(), &Progress::default()).unwrap();
        prop_assert_eq!(preview.progress, p.clone());
        prop_assert_eq!(restore(&to_stored(&p, 1, "t")).unwrap().progress, p);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_readers(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_backup(&bytes, &Progress::default());
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = restore(text);
            let _ = plan_load(&[
                ("spire.settings".into(), text.into()),
                ("spire.work.lesson:a".into(), text.into()),
                ("spire.progress".into(), text.into()),
            ]);
        }
    }

    #[test]
    fn mangled_saves_never_panic(h in history(), cut in 0usize..400, flip in 0usize..400) {
        let p = play(&Progress::default(), &h);
        let text = to_stored(&p, 1, "t");
        let mut bytes = text.into_bytes();
        let cut = cut.min(bytes.len());
        bytes.truncate(cut.max(1));
        if !bytes.is_empty() {
            let i = flip % bytes.len();
            bytes[i] = bytes[i].wrapping_add(1);
        }
        let _ = read_backup(&bytes, &p);
        let text = String::from_utf8_lossy(&bytes);
        let _ = restore(&text);
        let _ = plan_load(&[("spire.work.lesson:lesson0".into(), text.to_string())]);
    }

    #[test]
    fn arbitrary_json_shapes_never_panic_restore(version in 0u64..5, data in "[\\[\\]{}\":,a-z0-9 ]{0,80}") {
        for format in ["spire-progress", "spire-work", "spire-settings"] {
            let text = format!("{{\"format\":\"{format}\",\"version\":{version},\"key\":\"lesson:a\",\"data\":{data}}}");
            let _ = restore(&text);
            let _ = plan_load(&[("spire.work.lesson:a".into(), text.clone()), ("spire.settings".into(), text)]);
        }
        let text = format!("{{\"format\":\"spire-progress\",\"version\":1,\"lessons\":{data}}}");
        let _ = restore(&text);
    }
}
