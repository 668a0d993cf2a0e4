//! The saved format across versions: every earlier version's fixture migrates, the current
//! one round-trips, and no input — however broken — panics the readers.

use proptest::prelude::*;
use spire::core::progress::backup::{export_backup, read_backup};
use spire::core::progress::stored::{restore, to_stored, CURRENT_VERSION};
use spire::core::progress::{Answer, Idea, Progress, WorkRef};
use spire::core::text::Lang;

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/progress/v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_earlier_version_has_a_fixture_that_migrates() {
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
    }
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
fn v2_fixture_holds_every_answer_kind_and_round_trips() {
    let p = restore(&fixture(2)).unwrap().progress;
    let work = p.work(&WorkRef::lesson("problem-jaeger")).unwrap();
    assert_eq!(work.answers.len(), 10);
    assert_eq!(work.at_step.as_deref(), Some("vote"));
    let again = restore(&to_stored(&p, 1, "test")).unwrap().progress;
    assert_eq!(again, p);
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        ".{0,40}".prop_map(|text| Answer::Text { text }),
        proptest::collection::btree_set(0usize..6, 0..4)
            .prop_map(|selected| Answer::Choice { selected }),
        proptest::collection::vec((1u32..50, ".{0,20}"), 0..5).prop_map(|v| Answer::Ideas {
            ideas: v.into_iter().map(|(id, text)| Idea { id, text }).collect()
        }),
        proptest::collection::btree_map("[1-9]", 0u32..4, 0..4)
            .prop_map(|dots| Answer::Dots { dots }),
        proptest::collection::btree_map("[1-9]", proptest::collection::vec(0u8..6, 0..3), 0..3)
            .prop_map(|scores| Answer::Scores { scores }),
        proptest::collection::vec(".{0,20}", 0..3)
            .prop_map(|answers| Answer::Reflections { answers }),
    ]
}

fn progress() -> impl Strategy<Value = Progress> {
    let item = (
        "[a-z]{1,8}",
        "[a-z]{1,6}",
        answer(),
        1i64..2_000_000_000_000,
    );
    (
        proptest::collection::vec(item, 0..8),
        ".{0,12}",
        prop::bool::ANY,
    )
        .prop_map(|(items, name, en)| {
            let mut p = Progress::default();
            for (lesson, step, answer, at) in items {
                p.set_answer(&WorkRef::lesson(&lesson), &step, answer, at);
                p.set_position(&WorkRef::lesson(&lesson), &step, at);
            }
            p.set_name(&name, 5);
            p.set_lang(if en { Lang::En } else { Lang::Da }, 6);
            p
        })
}

proptest! {
    #[test]
    fn every_state_round_trips_through_backup(p in progress()) {
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
        }
    }

    #[test]
    fn mangled_saves_never_panic(p in progress(), cut in 0usize..400, flip in 0usize..400) {
        let text = to_stored(&p, 1, "t");
        let mut bytes = text.into_bytes();
        let cut = cut.min(bytes.len());
        bytes.truncate(cut.max(1));
        if !bytes.is_empty() {
            let i = flip % bytes.len();
            bytes[i] = bytes[i].wrapping_add(1);
        }
        let _ = read_backup(&bytes, &p);
        let _ = restore(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_json_shapes_never_panic_restore(version in 0u64..4, data in "[\\[\\]{}\":,a-z0-9 ]{0,80}") {
        let text = format!("{{\"format\":\"spire-progress\",\"version\":{version},\"data\":{data}}}");
        let _ = restore(&text);
        let text = format!("{{\"format\":\"spire-progress\",\"version\":1,\"lessons\":{data}}}");
        let _ = restore(&text);
    }
}
