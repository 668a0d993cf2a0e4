#![cfg(not(target_arch = "wasm32"))]
//! Files a pupil or a visitor brings in, mangled: a canvas file, a team's project file and
//! a visitor file, each written by the app and then mutated in seeded rounds (odd strings,
//! numbers out of range, wrong types, missing fields, duplicated and dangling ids) or cut
//! off anywhere. Every one must be read or refused with a message in both languages, never
//! a panic (the app aborts on one), and what is accepted must merge into a pupil's work.
//! Hand-in files, profiles and backups have property tests of their own beside their readers
//! and in `progress_storage.rs`.

#[path = "support/mangle.rs"]
mod mangle;

use mangle::{mutate, Rng};
use serde_json::Value;
use spire::core::board::file::{read_canvas_file, CanvasFile};
use spire::core::board::{PROP_NAME, PROP_TEMPLATE};
use spire::core::progress::merge::merge;
use spire::core::progress::{Answer, Idea, Note, Progress, RecordId, WorkRef};
use spire::core::project::file::{export_project, read_project_file};
use spire::core::project::{start_project, ChallengeSource};
use spire::core::role_models::{export_visitor, read_visitor_file, Visitor};
use spire::core::text::Lang;

const ROUNDS: u64 = 400;

/// `file` (JSON) mangled in round `round`: one to three mutations, or cut off anywhere.
fn mangled(file: &str, round: u64) -> Vec<u8> {
    let mut rng = Rng(0xF11E_0000 + round);
    if rng.below(4) == 0 {
        let mut cut = rng.below(file.len());
        while !file.is_char_boundary(cut) {
            cut -= 1;
        }
        return file.as_bytes()[..cut].to_vec();
    }
    let mut value: Value = serde_json::from_str(file).expect("the app writes JSON");
    for _ in 0..1 + rng.below(3) {
        mutate(&mut value, &mut rng);
    }
    serde_json::to_vec(&value).unwrap()
}

fn assert_worded(message: impl Fn(Lang) -> String, round: u64) {
    for lang in [Lang::Da, Lang::En] {
        assert!(
            !message(lang).trim().is_empty(),
            "round {round}: a refusal without words"
        );
    }
}

fn canvas_file() -> String {
    let r = WorkRef::canvas("k3x9");
    let mut p = Progress::default();
    p.set_prop(&r, PROP_TEMPLATE, "lean-canvas", 1);
    p.set_prop(&r, PROP_NAME, "Vores café", 2);
    for (i, (block, text)) in [("problem", "Kø"), ("solution", "App"), ("solution", "Gone")]
        .into_iter()
        .enumerate()
    {
        let note = Note {
            block: block.into(),
            text: text.into(),
            colour: "green".into(),
            order: i as i64,
            photo: None,
        };
        p.put_record(
            &r,
            "notes",
            RecordId::from_random(i as u64 + 1),
            Some(note),
            3,
        );
    }
    p.put_record::<Note>(&r, "notes", RecordId::from_random(3), None, 4);
    CanvasFile::of(&r, "notes", "lean-canvas", p.work(&r)).to_json(10, "0.1.0", &[])
}

fn project_file() -> String {
    let mut p = Progress::default();
    let r = WorkRef::project("p1");
    assert!(start_project(
        &mut p,
        &r,
        &ChallengeSource::Content("klima-goer-en-forskel".into()),
        "Lynet",
        &["Ida".into(), "Omar".into()],
        1,
    ));
    p.put_record(
        &r,
        "ideer",
        RecordId::from_random(7),
        Some(Idea {
            text: "Cykelværksted".into(),
            order: 1,
        }),
        2,
    );
    p.set_answer(
        &r,
        "problem",
        Answer::Text {
            text: "For mange biler".into(),
        },
        3,
    );
    export_project(&p, &r, 10, "0.1.0")
}

fn visitor_file() -> String {
    let visitor = Visitor {
        name: "Bente Bager".into(),
        business: "Bageriet på hjørnet".into(),
        sector: None,
        levels: vec![],
        consent_at: 5,
    };
    export_visitor(RecordId::from_random(9).as_str(), &visitor, 10)
}

/// Reads `file` mangled in every round with `read`: each is accepted (and `check`ed) or
/// refused with words in both languages; some of each, or the mangling missed the reader.
fn read_mangled<T, E>(
    file: &str,
    read: impl Fn(&[u8]) -> Result<T, E>,
    message: impl Fn(&E, Lang) -> String,
    check: impl Fn(T, u64),
) {
    assert!(read(file.as_bytes()).is_ok(), "the file as written");
    let mut refused = 0;
    for round in 0..ROUNDS {
        match read(&mangled(file, round)) {
            Ok(accepted) => check(accepted, round),
            Err(e) => {
                refused += 1;
                assert_worded(|lang| message(&e, lang), round);
            }
        }
    }
    assert!(refused > 0 && refused < ROUNDS, "{refused} refused");
}

#[test]
fn mangled_canvas_files_are_read_or_refused_with_words() {
    read_mangled(
        &canvas_file(),
        read_canvas_file,
        |e, lang| e.message(lang),
        |imported, _| {
            let _ = merge(&Progress::default(), &imported.file.to_progress());
        },
    );
}

#[test]
fn mangled_project_files_are_read_or_refused_with_words() {
    read_mangled(
        &project_file(),
        read_project_file,
        |e, lang| e.message(lang),
        |import, round| {
            // A file only ever brings team projects (and host briefs).
            assert!(
                import
                    .projects
                    .iter()
                    .all(|(r, _)| r.key().starts_with("project:")),
                "round {round}: {:?}",
                import.projects
            );
            let _ = merge(&Progress::default(), &import.progress);
        },
    );
}

#[test]
fn mangled_visitor_files_are_read_or_refused_with_words() {
    read_mangled(
        &visitor_file(),
        read_visitor_file,
        |e, lang| e.message(lang),
        |v, round| {
            // What is accepted is what the form would accept.
            assert!(
                !v.name.trim().is_empty() && !v.business.trim().is_empty(),
                "round {round}: {v:?}"
            );
            assert!(
                v.name.chars().count() <= 80 && v.business.chars().count() <= 120,
                "round {round}: {v:?}"
            );
        },
    );
}
