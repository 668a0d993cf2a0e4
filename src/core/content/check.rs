//! Checking a whole content folder against format v1 (and v1.1): `index.json`, every file
//! it lists, files it forgets, the media paths the files name, and `local.json` if present. Every problem comes out as a
//! [`Diagnostic`] with the file, line and column an author must edit.
//!
//! The folder is read through [`ContentSource`], so this module does no I/O itself: the
//! `spire-content` command reads the disk, tests can use a `BTreeMap` of path → text.

use super::canvas::CanvasTemplate;
use super::challenge::Challenge;
use super::id::Id;
use super::index::{ContentIndex, ContentKind};
use super::lesson::Lesson;
use super::load::{self, Loaded};
use super::local::LOCAL_FILE;
use super::locate::locate;
use super::problem::{path_to_string, JsonPath, Problem, ProblemKind, Seg};
use super::recall::{cross_file_problems, FileText};
use super::role_model::RoleModel;
use super::step::{Step, StepSlot};
use super::summary::{Freshness, Summaries};
use crate::core::text::Lang;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// The catalogue's file name at the root of a content folder.
pub const INDEX_FILE: &str = "index.json";
/// The schema file of `index.json`.
pub const INDEX_SCHEMA_FILE: &str = "index.schema.json";

/// Read access to a content folder. Paths are relative to its root and use `/`.
pub trait ContentSource {
    /// The text of the file at `path`: `Ok(None)` when there is no such file, `Err` with a
    /// reason when it exists but cannot be read.
    fn read(&self, path: &str) -> Result<Option<String>, String>;
    /// The names of the files directly inside `folder` (`""` for the root, else a folder with
    /// a trailing slash such as `canvases/`), without sub-folders.
    fn files(&self, folder: &str) -> Vec<String>;
    /// True when a file exists at `path`.
    fn exists(&self, path: &str) -> bool;
}

/// A content folder held in memory: relative path → text.
impl ContentSource for BTreeMap<String, String> {
    fn read(&self, path: &str) -> Result<Option<String>, String> {
        Ok(self.get(path).cloned())
    }

    fn files(&self, folder: &str) -> Vec<String> {
        self.keys()
            .filter_map(|k| k.strip_prefix(folder))
            .filter(|name| !name.is_empty() && !name.contains('/'))
            .map(String::from)
            .collect()
    }

    fn exists(&self, path: &str) -> bool {
        self.contains_key(path)
    }
}

/// One problem, placed: `file:line:column: message`, with `file` relative to the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// What checking a folder found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// In file order (index first, then each kind as listed), by position within a file.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read and checked (the index and every listed file found).
    pub files_checked: usize,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// How many different files have at least one problem.
    pub fn files_with_problems(&self) -> usize {
        self.diagnostics
            .iter()
            .map(|d| d.file.as_str())
            .collect::<HashSet<_>>()
            .len()
    }

    /// `content OK: 46 files`, or `3 problems in 2 files`.
    pub fn summary(&self) -> String {
        if self.is_clean() {
            return format!("content OK: {}", count(self.files_checked, "file"));
        }
        format!(
            "{} in {}",
            count(self.diagnostics.len(), "problem"),
            count(self.files_with_problems(), "file")
        )
    }
}

fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The message of a problem: where in the document it is (when that helps), then what.
/// serde's own "at line … column …" is dropped, as the diagnostic already says where.
pub fn problem_message(problem: &Problem, lang: Lang) -> String {
    let mut message = problem.kind.message(lang);
    if let ProblemKind::Json { line, column, .. } = &problem.kind {
        let suffix = format!(" at line {line} column {column}");
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message = stripped.to_string();
        }
    }
    // `steps[2].from: `from`: …` says `from` twice; keep the one in the message.
    let mut path = problem.path.as_slice();
    if let Some((Seg::Key(key), parent)) = path.split_last() {
        if message.starts_with(&format!("`{key}`")) || message.starts_with(&format!("{key} ")) {
            path = parent;
        }
    }
    if path.is_empty() {
        message
    } else {
        format!("{}: {message}", path_to_string(path))
    }
}

/// Places a problem found in `text` (the content of `file`).
pub fn diagnostic(file: &str, text: &str, problem: &Problem, lang: Lang) -> Diagnostic {
    let (line, column) = match &problem.kind {
        ProblemKind::Json { line, column, .. } => ((*line).max(1), (*column).max(1)),
        _ => locate(text, &problem.path),
    };
    Diagnostic {
        file: file.to_string(),
        line,
        column,
        message: problem_message(problem, lang),
    }
}

/// Checks the content folder behind `source`, with messages in `lang`.
pub fn check_folder(source: &dyn ContentSource, lang: Lang) -> Report {
    let mut checker = Checker {
        source,
        lang,
        report: Report::default(),
    };
    checker.run();
    checker.report
}

struct Checker<'a> {
    source: &'a dyn ContentSource,
    lang: Lang,
    report: Report,
}

impl Checker<'_> {
    fn run(&mut self) {
        let text = match self.source.read(INDEX_FILE) {
            Ok(Some(text)) => text,
            Ok(None) => return self.unreadable(INDEX_FILE, "no such file".into()),
            Err(reason) => return self.unreadable(INDEX_FILE, reason),
        };
        self.report.files_checked += 1;
        let index = match load::parse_index(&text) {
            Ok(index) => index,
            // Without a catalogue nothing else can be checked against it.
            Err(problem) => return self.emit(INDEX_FILE, &text, vec![problem]),
        };

        let mut index_problems = Vec::new();
        // The summaries as written, before the lenient reader drops what does not fit: the
        // app would silently fetch those files instead, an author should hear about it.
        let raw: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let summaries = match raw.get("summaries") {
            Some(value) => {
                let (summaries, problems) = Summaries::read(value.clone());
                index_problems.extend(problems);
                summaries
            }
            None => Summaries::default(),
        };
        for kind in ContentKind::ALL {
            for id in summaries.ids(kind) {
                if !index.has(kind, id.as_str()) {
                    index_problems.push(Problem {
                        path: json_path!["summaries", kind.index_key(), id.as_str()],
                        kind: ProblemKind::SummaryNotListed {
                            kind,
                            id: id.to_string(),
                        },
                    });
                }
            }
        }
        let mut listed = Vec::new();
        for kind in ContentKind::ALL {
            let mut seen = HashSet::new();
            for (i, id) in index.ids(kind).iter().enumerate() {
                let at = json_path![kind.index_key(), i];
                if !seen.insert(id.as_str()) {
                    index_problems.push(Problem {
                        path: at,
                        kind: ProblemKind::DuplicateId {
                            what: kind_word(kind),
                            id: id.to_string(),
                        },
                    });
                    continue;
                }
                let path = kind.path(id.as_str());
                match self.source.read(&path) {
                    Ok(Some(file_text)) => {
                        if let Some(problem) =
                            summary_problem(&summaries, kind, id, &path, &file_text, &index)
                        {
                            index_problems.push(problem);
                        }
                        listed.push((kind, id.as_str(), path, Ok(file_text)))
                    }
                    Ok(None) => index_problems.push(Problem {
                        path: at,
                        kind: ProblemKind::ListedButMissing(path),
                    }),
                    Err(reason) => listed.push((kind, id.as_str(), path, Err(reason))),
                }
            }
        }
        self.emit(INDEX_FILE, &text, index_problems);

        for (kind, id, path, file_text) in &listed {
            match file_text {
                Ok(file_text) => self.check_file(*kind, id, path, file_text, &index),
                Err(reason) => self.unreadable(path, reason.clone()),
            }
        }
        self.check_recalls(&listed, &index);
        self.check_local();

        for kind in ContentKind::ALL {
            let mut names = self.source.files(kind.folder());
            names.sort();
            for name in names {
                let Some(id) = name.strip_suffix(".json") else {
                    continue;
                };
                if kind == ContentKind::Lesson && (name == INDEX_FILE || name == LOCAL_FILE) {
                    continue;
                }
                if !index.has(kind, id) {
                    let path = format!("{}{name}", kind.folder());
                    self.push(&path, 1, 1, &ProblemKind::NotInIndex(path.clone()));
                }
            }
        }
    }

    /// Recalls naming steps of other files, checked once every file has been read.
    fn check_recalls(
        &mut self,
        listed: &[(ContentKind, &str, String, Result<String, String>)],
        index: &ContentIndex,
    ) {
        let readable: Vec<(&String, FileText)> = listed
            .iter()
            .filter_map(|(kind, id, path, text)| {
                let text = text.as_ref().ok()?;
                Some((
                    path,
                    FileText {
                        kind: *kind,
                        id,
                        text,
                    },
                ))
            })
            .collect();
        let files: Vec<FileText> = readable.iter().map(|(_, f)| *f).collect();
        for (i, problem) in cross_file_problems(&files, index) {
            let (path, file) = &readable[i];
            let diagnostic = diagnostic(path, file.text, &problem, self.lang);
            self.report.diagnostics.push(diagnostic);
        }
    }

    /// `local.json` (content v1.1), when the folder has one: it is optional.
    fn check_local(&mut self) {
        match self.source.read(LOCAL_FILE) {
            Ok(Some(text)) => {
                self.report.files_checked += 1;
                let problems = match load::load_local(&text) {
                    Ok(loaded) => loaded.problems,
                    Err(problem) => vec![problem],
                };
                self.emit(LOCAL_FILE, &text, problems);
            }
            Ok(None) => {}
            Err(reason) => self.unreadable(LOCAL_FILE, reason),
        }
    }

    fn unreadable(&mut self, file: &str, reason: String) {
        self.push(file, 1, 1, &ProblemKind::Unreadable(reason));
    }

    fn push(&mut self, file: &str, line: usize, column: usize, kind: &ProblemKind) {
        self.report.diagnostics.push(Diagnostic {
            file: file.to_string(),
            line,
            column,
            message: kind.message(self.lang),
        });
    }

    /// Adds the problems of one file, ordered by where they stand in it.
    fn emit(&mut self, file: &str, text: &str, problems: Vec<Problem>) {
        let mut diags: Vec<_> = problems
            .iter()
            .map(|p| diagnostic(file, text, p, self.lang))
            .collect();
        diags.sort_by_key(|d| (d.line, d.column));
        self.report.diagnostics.extend(diags);
    }

    fn check_file(
        &mut self,
        kind: ContentKind,
        id: &str,
        path: &str,
        text: &str,
        index: &ContentIndex,
    ) {
        self.report.files_checked += 1;
        let loaded = match kind {
            ContentKind::Lesson => {
                load::load_lesson(id, text, index).map(|l| with_media(l, lesson_media))
            }
            ContentKind::Challenge => {
                load::load_challenge(id, text, index).map(|l| with_media(l, challenge_media))
            }
            ContentKind::Canvas => load::load_canvas(id, text).map(|l| with_media(l, canvas_media)),
            ContentKind::RoleModel => {
                load::load_role_model(id, text).map(|l| with_media(l, role_model_media))
            }
            ContentKind::Course => {
                load::load_course(id, text, index).map(|l| with_media(l, no_media))
            }
        };
        let problems = match loaded {
            Ok((mut problems, media)) => {
                for (at, media_path) in media {
                    if !is_content_path(&media_path) || !self.source.exists(&media_path) {
                        problems.push(Problem {
                            path: at,
                            kind: ProblemKind::MissingMedia(media_path),
                        });
                    } else if !is_picture_path(&media_path) {
                        problems.push(Problem {
                            path: at,
                            kind: ProblemKind::NotAPicture(media_path),
                        });
                    }
                }
                problems
            }
            Err(problem) => vec![problem],
        };
        self.emit(path, text, problems);
    }
}

/// A summary in the index that no longer describes its file.
fn summary_problem(
    summaries: &Summaries,
    kind: ContentKind,
    id: &Id,
    path: &str,
    text: &str,
    index: &ContentIndex,
) -> Option<Problem> {
    let at = json_path!["summaries", kind.index_key(), id.as_str()];
    match summaries.freshness(kind, id, text, index)? {
        Freshness::Fresh => None,
        Freshness::Stale => Some(Problem {
            path: at.into_iter().chain([Seg::from("hash")]).collect(),
            kind: ProblemKind::SummaryStale(path.to_string()),
        }),
        Freshness::Differs(field) => Some(Problem {
            path: at.into_iter().chain([Seg::from(field.as_str())]).collect(),
            kind: ProblemKind::SummaryDiffers {
                file: path.to_string(),
                field,
            },
        }),
    }
}

fn kind_word(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::Lesson => "lesson",
        ContentKind::Canvas => "canvas",
        ContentKind::Challenge => "challenge",
        ContentKind::RoleModel => "role model",
        ContentKind::Course => "course",
    }
}

type Media = Vec<(JsonPath, String)>;

fn with_media<T>(loaded: Loaded<T>, media: fn(&T) -> Media) -> (Vec<Problem>, Media) {
    let found = media(&loaded.value);
    (loaded.problems, found)
}

fn step_media(base: JsonPath, slot: &StepSlot, out: &mut Media) {
    let (field, path) = match slot.ready() {
        Some(Step::Read(read)) => ("image", read.image.as_ref()),
        Some(Step::Sketch(sketch)) => ("background", sketch.background.as_ref()),
        Some(Step::Choice(choice)) => {
            for (i, option) in choice.options.iter().enumerate() {
                if let Some(image) = &option.image {
                    let mut at = base.clone();
                    at.extend(json_path!["options", i, "image"]);
                    out.push((at, image.clone()));
                }
            }
            return;
        }
        _ => return,
    };
    if let Some(path) = path {
        let mut at = base;
        at.push(field.into());
        out.push((at, path.clone()));
    }
}

fn lesson_media(lesson: &Lesson) -> Media {
    let mut out: Media = lesson
        .image
        .iter()
        .map(|image| (json_path!["image"], image.clone()))
        .collect();
    for (i, slot) in lesson.steps.iter().enumerate() {
        step_media(json_path!["steps", i], slot, &mut out);
    }
    out
}

fn challenge_media(challenge: &Challenge) -> Media {
    let mut out = Vec::new();
    for (p, phase) in challenge.phases.iter().enumerate() {
        for (i, slot) in phase.steps.iter().enumerate() {
            step_media(json_path!["phases", p, "steps", i], slot, &mut out);
        }
    }
    out
}

fn canvas_media(_: &CanvasTemplate) -> Media {
    Vec::new()
}

fn no_media<T>(_: &T) -> Media {
    Vec::new()
}

fn role_model_media(model: &RoleModel) -> Media {
    model
        .portrait
        .iter()
        .map(|p| (json_path!["portrait"], p.clone()))
        .collect()
}

/// True for a file the app shows as a picture: `.svg`, `.png` or `.webp` (content format
/// v1.1; the extension decides, case-insensitively).
pub fn is_picture_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".svg", ".png", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// True for a relative path that stays inside the content folder: `media/idea.svg`, not
/// `/x.svg`, `../x.svg`, `C:\x.svg` or `https://…`.
pub fn is_content_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\\', ':'])
        && path
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

/// The JSON Schemas of every file kind, generated from the Rust types: `(file name, text)`,
/// pretty-printed with a trailing newline, in a fixed order.
#[cfg(not(target_arch = "wasm32"))]
pub fn schemas() -> Vec<(&'static str, String)> {
    use super::course::Course;
    use super::local::{LocalOffers, LOCAL_SCHEMA_FILE};
    fn pretty(schema: schemars::Schema) -> String {
        let mut text = serde_json::to_string_pretty(&schema).expect("a schema is valid JSON");
        text.push('\n');
        text
    }
    vec![
        (
            ContentKind::Lesson.schema_file(),
            pretty(schemars::schema_for!(Lesson)),
        ),
        (
            ContentKind::Canvas.schema_file(),
            pretty(schemars::schema_for!(CanvasTemplate)),
        ),
        (
            ContentKind::Challenge.schema_file(),
            pretty(schemars::schema_for!(Challenge)),
        ),
        (
            ContentKind::RoleModel.schema_file(),
            pretty(schemars::schema_for!(RoleModel)),
        ),
        (
            ContentKind::Course.schema_file(),
            pretty(schemars::schema_for!(Course)),
        ),
        (
            LOCAL_SCHEMA_FILE,
            pretty(schemars::schema_for!(LocalOffers)),
        ),
        (
            INDEX_SCHEMA_FILE,
            pretty(schemars::schema_for!(ContentIndex)),
        ),
    ]
}

/// The schema files whose committed text (`read(file name)`, `None` when absent) differs
/// from the generated one.
#[cfg(not(target_arch = "wasm32"))]
pub fn stale_schemas(read: impl Fn(&str) -> Option<String>) -> Vec<&'static str> {
    schemas()
        .into_iter()
        .filter(|(name, text)| read(name).as_deref() != Some(text.as_str()))
        .map(|(name, _)| name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> BTreeMap<String, String> {
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn content_paths_stay_inside_the_folder() {
        for good in ["media/a.svg", "a.png", "media/x/y.webp"] {
            assert!(is_content_path(good), "{good}");
        }
        for bad in [
            "",
            "/a.svg",
            "../a.svg",
            "media/../../a",
            "media//a",
            "./a",
            "C:\\a",
            "https://x/a.png",
        ] {
            assert!(!is_content_path(bad), "{bad}");
        }
    }

    #[test]
    fn memory_folder_lists_direct_children_only() {
        let f = folder(&[
            ("index.json", "{}"),
            ("a.json", ""),
            ("canvases/b.json", ""),
        ]);
        assert_eq!(f.files(""), vec!["a.json", "index.json"]);
        assert_eq!(f.files("canvases/"), vec!["b.json"]);
    }

    #[test]
    fn missing_index_and_clean_folder() {
        let report = check_folder(&folder(&[]), Lang::En);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].file, "index.json");

        let report = check_folder(&folder(&[("index.json", "{}")]), Lang::En);
        assert!(report.is_clean());
        assert_eq!(report.summary(), "content OK: 1 file");
    }

    #[test]
    fn json_position_is_not_repeated_in_the_message() {
        let report = check_folder(
            &folder(&[("index.json", "{\n  \"lessons\": [1]\n}")]),
            Lang::En,
        );
        let d = &report.diagnostics[0];
        assert_eq!((d.line, d.column), (2, 15), "{d}");
        assert!(!d.message.contains("at line"), "{d}");
        assert_eq!(report.summary(), "1 problem in 1 file");
    }
}
