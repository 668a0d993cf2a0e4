#![cfg(not(target_arch = "wasm32"))]
//! The shipped content, mangled: thousands of seeded mutations of its files (odd strings,
//! numbers out of range, wrong types, missing fields, duplicated and dangling ids, cut-off
//! files), each read the way the app reads it and checked the way `spire-content check`
//! does. The app is built with `panic = "abort"`, so a panic here would stop a pupil's app
//! on a school's own content: every mangled file must instead load or be refused with a
//! placed, readable message.

#[path = "support/mangle.rs"]
mod mangle;

use mangle::{mutate, Rng};
use serde_json::Value;
use spire::core::content::check::{check_folder, Report};
use spire::core::content::load::{self, IndexReading};
use spire::core::content::summary::Summarise;
use spire::core::content::{ContentIndex, Problem};
use spire::core::text::Lang;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Rounds of mutation; each mangles one file in one to three places.
const ROUNDS: u64 = 600;
/// The shipped content folder, relative path → text (media as names only: the checker
/// asks whether they exist).
fn shipped() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                if name != "schema" {
                    walk(&path, &format!("{prefix}{name}/"), out);
                }
            } else if name.ends_with(".json") {
                out.insert(
                    format!("{prefix}{name}"),
                    fs::read_to_string(&path).unwrap(),
                );
            } else {
                out.insert(format!("{prefix}{name}"), String::new());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"),
        "",
        &mut out,
    );
    out
}

/// Reads one file as the app does (parsed, validated, summarised for the lists) and
/// returns what is wrong with it; every message is built in both languages.
fn read_as_the_app_does(path: &str, text: &str, index: &ContentIndex) -> Vec<Problem> {
    fn summarised<T: Summarise>(
        loaded: Result<load::Loaded<T>, Problem>,
    ) -> Result<Vec<Problem>, Problem> {
        loaded.map(|l| {
            let _ = l.value.summarise();
            l.problems
        })
    }
    let id = path
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".json")
        .to_string();
    let problems = match path.split_once('/').map(|(folder, _)| folder) {
        _ if path == "index.json" => {
            // As the app does: the lists at once, then the summaries a few at a time.
            IndexReading::start(text).map(|mut reading| {
                while !reading.read(3) {}
                let _ = reading.finish();
                vec![]
            })
        }
        _ if path == "local.json" => load::load_local(text).map(|l| l.problems),
        Some("canvases") => summarised(load::load_canvas(&id, text)),
        Some("challenges") => summarised(load::load_challenge(&id, text, index)),
        Some("role-models") => summarised(load::load_role_model(&id, text)),
        Some("courses") => summarised(load::load_course(&id, text, index)),
        None => summarised(load::load_lesson(&id, text, index)),
        Some(_) => Ok(vec![]),
    };
    let problems = problems.unwrap_or_else(|p| vec![p]);
    for p in &problems {
        for lang in [Lang::Da, Lang::En] {
            assert!(
                !p.kind.message(lang).trim().is_empty(),
                "{path}: a problem without words: {p:?}"
            );
        }
    }
    problems
}

/// Every diagnostic is placed inside its file and says something.
fn assert_placed(report: &Report, files: &BTreeMap<String, String>, round: u64) {
    for d in &report.diagnostics {
        assert!(!d.message.trim().is_empty(), "round {round}: {d}");
        let lines = files.get(&d.file).map_or(1, |t| t.lines().count().max(1));
        assert!(
            d.line >= 1 && d.column >= 1 && d.line <= lines + 1,
            "round {round}: {d} lies outside the file's {lines} lines"
        );
    }
}

fn json_files(files: &BTreeMap<String, String>) -> Vec<String> {
    files
        .keys()
        .filter(|k| k.ends_with(".json"))
        .cloned()
        .collect()
}

#[test]
fn the_shipped_content_is_clean_to_start_with() {
    let files = shipped();
    let report = check_folder(&files, Lang::En);
    assert!(report.is_clean(), "{:#?}", report.diagnostics);
    assert!(report.files_checked > 50, "{}", report.files_checked);
}

#[test]
fn mangled_content_loads_or_is_refused_with_a_placed_message_never_a_panic() {
    let original = shipped();
    let names = json_files(&original);
    let index = load::parse_index(&original["index.json"]).unwrap();
    let mut refused = 0;
    for round in 0..ROUNDS {
        let mut rng = Rng(0x5EED_0000 + round);
        let path = rng.pick(&names).clone();
        let mut value: Value = serde_json::from_str(&original[&path]).unwrap();
        for _ in 0..1 + rng.below(3) {
            mutate(&mut value, &mut rng);
        }
        let text = if rng.below(2) == 0 {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        let problems = read_as_the_app_does(&path, &text, &index);
        let mut files = original.clone();
        files.insert(path.clone(), text);
        let report = check_folder(&files, Lang::Da);
        assert_placed(&report, &files, round);
        // What the app refuses or warns about, the checker reports in that file.
        if !problems.is_empty() {
            refused += 1;
            assert!(
                report.diagnostics.iter().any(|d| d.file == path),
                "round {round}: {path} has problems {problems:?} but the checker is silent"
            );
        }
    }
    // The mutations do reach the checks: most rounds break something.
    assert!(refused > ROUNDS / 3, "only {refused} of {ROUNDS} rounds");
}

#[test]
fn a_file_cut_off_anywhere_is_refused_with_a_placed_message() {
    let original = shipped();
    let names = json_files(&original);
    let index = load::parse_index(&original["index.json"]).unwrap();
    for round in 0..ROUNDS / 2 {
        let mut rng = Rng(0xC0FF_EE00 + round);
        let path = rng.pick(&names).clone();
        let whole = &original[&path];
        // Anywhere before the last closing brace, on a character boundary.
        let last = whole.rfind('}').unwrap();
        let mut cut = rng.below(last);
        while !whole.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = whole[..cut].to_string();
        let problems = read_as_the_app_does(&path, &text, &index);
        assert!(!problems.is_empty(), "round {round}: {path} cut at {cut}");
        let mut files = original.clone();
        files.insert(path.clone(), text);
        let report = check_folder(&files, Lang::En);
        assert_placed(&report, &files, round);
        assert!(
            report.diagnostics.iter().any(|d| d.file == path),
            "round {round}: {path} cut at {cut} passes the checker"
        );
    }
}
