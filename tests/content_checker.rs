#![cfg(not(target_arch = "wasm32"))]
//! The content checker (`spire-content check`) and the schema generator.
//!
//! Every error kind has a fixture under `tests/fixtures/content/<case>/`: the files it holds
//! replace or add to the valid folder `tests/fixtures/content/base/`. `CASES` says where the
//! one problem of each case must be reported and what the message must say.

use spire::core::content::check::{self, check_folder, Report};
use spire::core::content::reindex::reindex;
use spire::core::text::Lang;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// (case folder, expected `file:line:column`, expected part of the message).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str)] = &[
    ("bad-json",                        "sprint.json:5:3",             "expected `,` or `}`"),
    ("unknown-field",                   "sprint.json:4:10",            "unknown field `colour`"),
    ("missing-required-field",          "sprint.json:13:1",            "missing field `levels`"),
    ("missing-step-field",              "sprint.json:10:5",            "missing field `question`"),
    ("bad-id",                          "sprint.json:2:20",            "`Sprint One` is not a valid id"),
    ("id-not-file-name",                "sprint.json:2:3",             "id `sprint-two` must equal the file name: `sprint`"),
    ("unknown-step-type",               "sprint.json:10:6",            "unknown step type `essay`"),
    ("lesson-role-model-missing",       "sprint.json:5:27",            "no role model with id `nobody`"),
    ("step-role-model-missing",         "sprint.json:12:42",           "no role model with id `nobody`"),
    ("lesson-canvas-missing",           "sprint.json:11:38",           "no canvas with id `lean`"),
    ("vote-source-missing",             "sprint.json:9:36",            "there is no step with id `wishes`"),
    ("vote-source-not-brainstorm",      "sprint.json:9:36",            "step `intro` is not a brainstorm step"),
    ("entry-source-missing",            "challenges/quest.json:15:24", "the challenge has no step with id `video`"),
    ("block-outside-grid",              "canvases/grid.json:8:5",      "block `right` lies outside the 2 × 2 grid"),
    ("blocks-overlap",                  "canvases/grid.json:8:5",      "block `right` overlaps block `left`"),
    ("duplicate-step-id",               "sprint.json:10:24",           "step id `ideas` is used twice"),
    ("duplicate-step-id-across-phases", "challenges/quest.json:11:25", "step id `pitch` is used twice"),
    ("empty-text",                      "sprint.json:3:13",            "a text needs at least one of `da` and `en`"),
    ("empty-text-in-step",              "sprint.json:10:5",            "a text needs at least one of `da` and `en`"),
    ("not-in-index",                    "canvases/spare.json:1:1",     "`canvases/spare.json` is not listed in index.json"),
    ("listed-but-missing",              "index.json:3:25",             "index.json lists `ghost.json`, but the file does not exist"),
    ("duplicate-index-id",              "index.json:4:24",             "canvas id `grid` is used twice"),
    ("index-unknown-key",               "index.json:6:14",             "unknown field `rolemodels`"),
    ("missing-media",                   "sprint.json:7:52",            "`media/picture.svg` is not a file in the content folder"),
    ("media-outside-folder",            "role-models/maja.json:9:3",   "`../maja.svg` is not a file in the content folder"),
    ("recall-step-missing",             "sprint.json:10:72",           "`recall`: there is no step with id `wishes` in this file"),
    ("recall-other-file-step-missing",  "sprint.json:10:94",           "`lessons/challenges/quest.json` has no step with id `video`"),
    ("recall-lesson-missing",           "sprint.json:10:72",           "there is no lesson with id `nothing` in index.json"),
    ("recall-two-sources",              "sprint.json:10:61",           "`recall` can name a lesson or a challenge, not both"),
    ("summary-stale",                   "index.json:10:9",             "the summary of `sprint.json` is stale"),
    ("summary-differs",                 "index.json:12:9",             "`levels` in the summary differs from `sprint.json`"),
    ("summary-not-listed",              "index.json:9:7",              "a summary of lesson `ghost`, which the list `lessons` does not name"),
    ("sketch-background-missing",       "sprint.json:13:58",           "`media/frame.svg` is not a file in the content folder"),
    ("photo-max-out-of-range",          "sprint.json:13:57",           "`max` is 40, but must be from 1 to 10"),
    ("voice-seconds-out-of-range",      "sprint.json:13:59",           "`max_seconds` is 2, but must be from 5 to 300"),
    ("answer-with-repeats",             "sprint.json:13:61",           "`answer_with` must name at least one way and each only once"),
    ("option-image-missing",            "sprint.json:13:102",          "`media/moon.svg` is not a file in the content folder"),
    ("option-image-not-a-picture",      "sprint.json:13:102",          "`media/moon.txt` is not a picture the app can show: use an .svg, .png or .webp file"),
    ("lesson-image-missing",            "sprint.json:4:3",             "`media/cover.svg` is not a file in the content folder"),
    ("lesson-image-not-a-picture",      "sprint.json:4:3",             "`media/cover.gif` is not a picture the app can show: use an .svg, .png or .webp file"),
    ("summary-unreadable",              "index.json:9:7",              "the summary cannot be read: missing field `levels`"),
    // Content v1.1: subjects, courses, local offers.
    ("unknown-subject",                 "sprint.json:5:35",            "unknown variant `astrologi`"),
    ("course-lesson-missing",           "courses/term.json:7:33",      "there is no lesson with id `ghost` in index.json"),
    ("course-challenge-missing",        "courses/term.json:6:39",      "there is no challenge with id `odyssey` in index.json"),
    ("course-no-weeks",                 "courses/term.json:5:3",       "`weeks` needs at least one week"),
    ("course-empty-week",               "courses/term.json:7:26",      "a week needs at least one lesson or challenge"),
    ("course-bad-item",                 "courses/term.json:6:45",      "unknown variant `video`, expected `lesson` or `challenge`"),
    ("local-link-not-https",            "local.json:7:39",             "`http://example.org/mentorer` is not a link starting with https://"),
    ("local-unknown-kind",              "local.json:4:19",             "unknown variant `fair`"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/content")
}

/// Every file under `dir`, keyed by its path relative to `dir` with `/` separators.
fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out);
            } else {
                let bytes = fs::read(&path).unwrap();
                out.insert(
                    format!("{prefix}{name}"),
                    String::from_utf8_lossy(&bytes).into_owned(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

/// The base folder with the files of `case` laid over it.
fn case_folder(case: &str) -> BTreeMap<String, String> {
    let mut files = read_tree(&fixtures().join("base"));
    files.extend(read_tree(&fixtures().join(case)));
    files
}

fn lines(report: &Report) -> Vec<String> {
    report.diagnostics.iter().map(|d| d.to_string()).collect()
}

/// A folder under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("spire-content-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, files: &BTreeMap<String, String>) {
        for (path, text) in files {
            let path = self.0.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_spire-content"))
        .args(args)
        .output()
        .expect("the command runs");
    (
        status.code().expect("an exit code"),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

#[test]
fn base_fixture_is_clean() {
    let report = check_folder(&read_tree(&fixtures().join("base")), Lang::En);
    assert_eq!(lines(&report), Vec::<String>::new());
    assert_eq!(report.files_checked, 5);
    assert_eq!(report.summary(), "content OK: 5 files");
}

#[test]
fn every_error_kind_is_reported_where_it_stands() {
    let mut failures = Vec::new();
    for &(case, at, what) in CASES {
        let report = check_folder(&case_folder(case), Lang::En);
        let got = lines(&report);
        let ok = got.len() == 1
            && got[0].starts_with(&format!("{at}: "))
            && report.diagnostics[0].message.contains(what);
        if !ok {
            failures.push(format!("{case}: want `{at}: …{what}…`, got {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_folder_has_a_case() {
    let mut folders: Vec<String> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "base")
        .collect();
    folders.sort();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    cases.sort();
    assert_eq!(folders, cases);
}

#[test]
fn messages_come_in_danish_too() {
    let report = check_folder(&case_folder("missing-media"), Lang::Da);
    assert_eq!(
        lines(&report),
        ["sprint.json:7:52: steps[0].image: `media/picture.svg` er ikke en fil i indholdsmappen"]
    );
    let report = check_folder(&case_folder("listed-but-missing"), Lang::Da);
    assert!(
        report.diagnostics[0].message.contains("findes ikke"),
        "{report:?}"
    );
    let report = check_folder(&case_folder("summary-stale"), Lang::Da);
    assert!(
        report.diagnostics[0]
            .message
            .contains("sammendraget af `sprint.json` er forældet"),
        "{report:?}"
    );
}

/// `make check-content` fails on a stale shipped index through the checker; this also
/// catches a shipped index that lacks summaries (which the checker allows: hand-written
/// indexes of ids alone are fine, but ours is generated).
#[test]
fn shipped_index_is_fresh() {
    let dir = root().join("lessons");
    let out = reindex(&read_tree(&dir), Lang::En);
    let lines: Vec<String> = out
        .report
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(out.report.is_clean(), "{}", lines.join("\n"));
    let written = fs::read_to_string(dir.join("index.json")).unwrap();
    assert!(
        out.text.as_deref() == Some(written.as_str()),
        "lessons/index.json is stale: run `cargo run --bin spire-content -- index lessons`"
    );
    assert!(written.contains("\"summaries\""));
    let (code, _, stderr) = run(&["index", "--check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_hand_written_index_without_summaries_is_clean() {
    let mut files = read_tree(&fixtures().join("base"));
    let out = reindex(&files, Lang::En);
    assert!(out.report.is_clean());
    assert!(!files["index.json"].contains("summaries"));
    // With generated summaries it stays clean; an edit to a file makes it stale.
    files.insert("index.json".into(), out.text.unwrap());
    assert_eq!(lines(&check_folder(&files, Lang::En)), Vec::<String>::new());
    let sprint = files["sprint.json"].replace("Hvorfor?", "Hvorfor ikke?");
    files.insert("sprint.json".into(), sprint);
    let got = lines(&check_folder(&files, Lang::En));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].contains("is stale"), "{got:#?}");
}

#[test]
fn index_command_writes_summaries_and_reports_broken_files() {
    let dir = TempDir::new("index");
    dir.write(&case_folder("base"));
    let folder = dir.0.to_str().unwrap();
    let (code, stdout, stderr) = run(&["index", folder]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert!(stderr.contains("summaries of 4 files"), "{stderr}");
    let written = fs::read_to_string(dir.0.join("index.json")).unwrap();
    assert!(written.contains("\"summaries\""), "{written}");
    assert_eq!(run(&["check", folder]).0, 0);
    let (code, _, stderr) = run(&["index", folder]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("up to date"), "{stderr}");

    fs::write(dir.0.join("sprint.json"), "{\n  \"id\": \"sprint\",,\n}").unwrap();
    let (code, stdout, stderr) = run(&["index", folder]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let want = format!("{}:2:18: ", dir.0.join("sprint.json").display());
    assert!(stdout.starts_with(&want), "{stdout}");
    let written = fs::read_to_string(dir.0.join("index.json")).unwrap();
    assert!(
        !written.contains("\"sprint\": {"),
        "a broken file gets no summary: {written}"
    );
    assert!(
        written.contains("\"maja\": {"),
        "the other files keep theirs: {written}"
    );

    // --check says whether the index is what `index` would write, and writes nothing.
    let (code, _, stderr) = run(&["index", "--check", folder]);
    assert_eq!(code, 1, "{stderr}");
    let unchanged = fs::read_to_string(dir.0.join("index.json")).unwrap();
    assert_eq!(unchanged, written);
    fs::write(
        dir.0.join("sprint.json"),
        &case_folder("base")["sprint.json"],
    )
    .unwrap();
    let (code, _, stderr) = run(&["index", "--check", folder]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not up to date"), "{stderr}");
    assert_eq!(run(&["index", folder]).0, 0);
    let (code, _, stderr) = run(&["index", "--check", folder]);
    assert_eq!(code, 0, "{stderr}");

    fs::write(dir.0.join("index.json"), "{\"lessons\": [1]}").unwrap();
    let (code, stdout, _) = run(&["index", folder]);
    assert_eq!(code, 1);
    assert!(stdout.contains("index.json:1:"), "{stdout}");
    let kept = fs::read_to_string(dir.0.join("index.json")).unwrap();
    assert_eq!(
        kept, "{\"lessons\": [1]}",
        "a broken index is not rewritten"
    );
}

#[test]
fn problems_are_ordered_by_file_then_position() {
    let mut files = case_folder("duplicate-step-id");
    files.extend(read_tree(&fixtures().join("listed-but-missing")));
    files.extend(read_tree(&fixtures().join("not-in-index")));
    let old = r#""from": "ideas""#;
    let sprint = files["sprint.json"].replace(old, r#""from": "wishes""#);
    files.insert("sprint.json".into(), sprint);
    let report = check_folder(&files, Lang::En);
    let at: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}:{}", d.file, d.line, d.column))
        .collect();
    assert_eq!(
        at,
        [
            "index.json:3:25",
            "sprint.json:9:36",
            "sprint.json:10:24",
            "canvases/spare.json:1:1"
        ]
    );
    assert_eq!(report.summary(), "4 problems in 3 files");
}

#[test]
fn shipped_content_passes_the_checker() {
    let report = check_folder(&read_tree(&root().join("lessons")), Lang::En);
    assert!(report.is_clean(), "{}", lines(&report).join("\n"));
    assert!(report.files_checked > 1, "{}", report.summary());
}

#[test]
fn committed_schemas_are_fresh() {
    let dir = root().join("lessons/schema");
    let stale = check::stale_schemas(|name| fs::read_to_string(dir.join(name)).ok());
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `cargo run --bin spire-content -- schema lessons/schema`"
    );
    let (code, _, stderr) = run(&["schema", "--check", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn schemas_are_deterministic_and_cover_every_kind() {
    let a = check::schemas();
    assert_eq!(a, check::schemas());
    let names: Vec<_> = a.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names,
        [
            "lesson.schema.json",
            "canvas.schema.json",
            "challenge.schema.json",
            "role-model.schema.json",
            "course.schema.json",
            "local.schema.json",
            "index.schema.json"
        ]
    );
    for (name, text) in &a {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert!(value.get("$schema").is_some(), "{name}");
        assert!(text.ends_with("}\n"), "{name}");
    }
}

#[test]
fn command_reports_file_line_column_and_fails() {
    let dir = TempDir::new("vote");
    dir.write(&case_folder("vote-source-missing"));
    let (code, stdout, stderr) = run(&["check", dir.0.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let want = format!(
        "{}:9:36: steps[2]: `from`: there is no step with id `wishes`\n",
        dir.0.join("sprint.json").display()
    );
    assert_eq!(stdout, want);
    assert_eq!(stderr.trim(), "1 problem in 1 file");
}

#[test]
fn command_passes_clean_content_and_rejects_bad_usage() {
    let base = fixtures().join("base");
    let (code, stdout, stderr) = run(&["check", base.to_str().unwrap()]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert_eq!(stderr.trim(), "content OK: 5 files");

    let missing = fixtures().join("no-such-folder");
    let (code, _, stderr) = run(&["check", missing.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read the folder"), "{stderr}");

    for args in [
        &[][..],
        &["check"],
        &["lint", "x"],
        &["schema", "--frobnicate"],
        &["index", "--frobnicate"],
    ] {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("usage:"), "{args:?}: {stderr}");
    }
}

#[test]
fn schema_command_writes_and_checks() {
    let dir = TempDir::new("schema");
    let out = dir.0.join("schema");
    let out_str = out.to_str().unwrap();
    assert_eq!(run(&["schema", out_str]).0, 0);
    for (name, text) in check::schemas() {
        assert_eq!(fs::read_to_string(out.join(name)).unwrap(), text, "{name}");
    }
    assert_eq!(run(&["schema", "--check", out_str]).0, 0);

    fs::write(out.join("canvas.schema.json"), "{}\n").unwrap();
    fs::remove_file(out.join("index.schema.json")).unwrap();
    let (code, _, stderr) = run(&["schema", "--check", out_str]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("canvas.schema.json: differs"), "{stderr}");
    assert!(stderr.contains("index.schema.json: is missing"), "{stderr}");
    assert!(stderr.contains("2 schemas are stale"), "{stderr}");
}

/// Editors validate as authors type only when a file names its schema.
#[test]
fn shipped_files_name_their_schema() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let expected = [
        ("", "schema/lesson.schema.json"),
        ("canvases", "../schema/canvas.schema.json"),
        ("challenges", "../schema/challenge.schema.json"),
        ("role-models", "../schema/role-model.schema.json"),
        ("courses", "../schema/course.schema.json"),
    ];
    let mut checked = 0;
    for (folder, schema) in expected {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".json") || name == "index.json" || name == "local.json" {
                continue;
            }
            let value: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            assert_eq!(value["$schema"], schema, "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} files found");
    let local: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("local.json")).unwrap()).unwrap();
    assert_eq!(local["$schema"], "schema/local.schema.json");
}

/// Content v1.1 is an extension: a folder with subjects, a course and local offers is
/// clean, and the same folder without them (format v1, as the base fixture) is too.
#[test]
fn a_v1_1_folder_with_subjects_courses_and_local_offers_is_clean() {
    let mut files = read_tree(&fixtures().join("base"));
    assert_eq!(lines(&check_folder(&files, Lang::En)), Vec::<String>::new());
    let sprint = files["sprint.json"].replace(
        r#""levels": ["mellemtrin"],"#,
        r#""levels": ["mellemtrin"], "subjects": ["dansk", "tvaerfagligt"],"#,
    );
    files.insert("sprint.json".into(), sprint);
    let index = files["index.json"].replace(
        r#""role_models": ["maja"]"#,
        r#""role_models": ["maja"], "courses": ["term"]"#,
    );
    files.insert("index.json".into(), index);
    files.insert(
        "courses/term.json".into(),
        r#"{"id": "term", "title": "Term", "levels": ["mellemtrin"], "subjects": ["dansk"],
            "teacher_notes": {"da": "**To** uger.", "en": "**Two** weeks."},
            "weeks": [{"title": "En", "note": "Start", "items": [{"lesson": "sprint"}]},
                      {"items": [{"challenge": "quest"}, {"lesson": "sprint"}]}]}"#
            .into(),
    );
    files.insert(
        "local.json".into(),
        r#"{"place": "Aalborg", "intro": "Hej", "offers": [
            {"kind": "event", "title": "Finale", "description": "Kom og se.",
             "levels": ["mellemtrin"], "link": "https://example.org/finale",
             "contact": "Skolen", "when": "Hvert efterår"}]}"#
            .into(),
    );
    let report = check_folder(&files, Lang::En);
    assert_eq!(lines(&report), Vec::<String>::new());
    assert_eq!(
        report.files_checked, 7,
        "the course and local.json are checked"
    );
    // Indexing summarises the course; the summary names its lessons and challenges.
    let out = reindex(&files, Lang::En);
    assert!(out.report.is_clean(), "{:?}", out.report);
    let text = out.text.unwrap();
    let index: serde_json::Value = serde_json::from_str(&text).unwrap();
    let course = &index["summaries"]["courses"]["term"];
    assert_eq!(course["weeks"], 2);
    assert_eq!(course["lessons"], serde_json::json!(["sprint"]));
    assert_eq!(course["challenges"], serde_json::json!(["quest"]));
    assert_eq!(
        index["summaries"]["lessons"]["sprint"]["subjects"],
        serde_json::json!(["dansk", "tvaerfagligt"])
    );
    assert_eq!(
        index["summaries"]["lessons"]["sprint"]["role_models"],
        serde_json::json!(["maja"])
    );
}
