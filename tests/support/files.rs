//! Files the browser tests and the benchmark share: scratch folders, copies of `dist/` with
//! content of their own, the shipped content as the build under test has it, and small
//! encoders (percent-coding, JSON lists of strings).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use super::dist_dir;

/// Where per-test scratch directories (browser profiles, logs, sites) go; `make clean`
/// removes it. Under `target/` rather than `/tmp` so a failed run leaves nothing in a place
/// nobody cleans.
pub fn scratch_root() -> PathBuf {
    std::env::var_os("SPIRE_BROWSER_TMP")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target")
                .join("spire-browser-tests")
        })
}

/// A fresh, unique path under [`scratch_root()`] (not created).
pub(crate) fn scratch_dir(label: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let label: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    scratch_root().join(format!("{}-{}-{label}", std::process::id(), n))
}

/// A directory under [`scratch_root()`] that is removed when dropped.
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    pub fn new(label: &str) -> ScratchDir {
        let dir = scratch_dir(label);
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        ScratchDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `relative` inside the directory, creating parent folders.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        write_file(&self.0.join(relative), contents.as_ref());
        self.0.join(relative)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if std::env::var_os("SPIRE_KEEP_BROWSER_DIR").is_none() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn write_file(path: &Path, contents: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
    }
    std::fs::write(path, contents)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// A copy of the build under test in a scratch directory, with content of the test's own:
/// serve it with `App::serve(site.path(), "/")`. Removed when dropped.
pub struct Site(ScratchDir);

impl Site {
    /// `dist/` with an empty `lessons/`: the test writes the content it needs.
    pub fn empty(label: &str) -> Site {
        let site = Site(ScratchDir::new(label));
        copy_dir(&dist_dir(), site.path(), &["lessons"]);
        std::fs::create_dir_all(site.lessons()).expect("create lessons/");
        site
    }

    /// `dist/` as built, shipped content included.
    pub fn shipped(label: &str) -> Site {
        let site = Site(ScratchDir::new(label));
        copy_dir(&dist_dir(), site.path(), &[]);
        site
    }

    /// `dist/` whose `lessons/` is a copy of `content`.
    pub fn with_content(label: &str, content: &Path) -> Site {
        let site = Site::empty(label);
        copy_dir(content, &site.lessons(), &[]);
        site
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// The content folder, `lessons/`.
    pub fn lessons(&self) -> PathBuf {
        self.path().join("lessons")
    }

    /// Writes a file of the site itself (beside `index.html`).
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        self.0.write(relative, contents)
    }

    /// Writes `lessons/<relative>`.
    pub fn write_content(&self, relative: &str, contents: &str) {
        write_file(&self.lessons().join(relative), contents.as_bytes());
    }

    /// Writes `lessons/<relative>` as pretty JSON, as an author would.
    pub fn write_content_json(&self, relative: &str, value: &Value) {
        self.write_content(
            relative,
            &serde_json::to_string_pretty(value).expect("serialise JSON"),
        );
    }

    /// Reads `lessons/<relative>` back as JSON.
    pub fn content_json(&self, relative: &str) -> Value {
        read_json(&self.lessons().join(relative))
    }
}

/// Copies `from` into `to` recursively, leaving out top-level entries named in `skip`.
pub fn copy_dir(from: &Path, to: &Path, skip: &[&str]) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("cannot create {}: {e}", to.display()));
    let entries =
        std::fs::read_dir(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target, &[]);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| {
                panic!(
                    "cannot copy {} to {}: {e}",
                    entry.path().display(),
                    target.display()
                )
            });
        }
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

// ----- the shipped content, read from the build under test ---------------------------------

/// The test picture (a 64×48 colour gradient PNG) pupils pick as a photo.
pub fn test_picture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/media/model.png")
}

/// `lessons/<relative>` of the build under test, as JSON; fails loudly when missing.
pub fn shipped_json(relative: &str) -> Value {
    read_json(&dist_dir().join("lessons").join(relative))
}

/// A shipped lesson file.
pub fn shipped_lesson(id: &str) -> Value {
    shipped_json(&format!("{id}.json"))
}

/// The ids listed under `kind` (`"lessons"`, `"challenges"`, `"role_models"`, `"canvases"`)
/// in the shipped `index.json`.
pub fn shipped_ids(kind: &str) -> Vec<String> {
    index_ids(&shipped_json("index.json"), kind)
}

/// The lesson ids of the shipped catalogue, in index order.
pub fn shipped_lesson_ids() -> Vec<String> {
    shipped_ids("lessons")
}

/// The first shipped lesson step of type `kind`, in catalogue order, not in a lesson of
/// `except`: the lesson's id and the step.
pub fn shipped_step(kind: &str, except: &[&str]) -> (String, Value) {
    shipped_lesson_ids()
        .into_iter()
        .filter(|id| !except.contains(&id.as_str()))
        .find_map(|id| {
            let file = shipped_lesson(&id);
            let step = file["steps"]
                .as_array()?
                .iter()
                .find(|s| s["type"] == kind)?
                .clone();
            Some((id, step))
        })
        .unwrap_or_else(|| panic!("a shipped {kind} step"))
}

/// The ids under `kind` in an index. An entry is an id, or an object with an `id` (an index
/// that carries summaries), so tests keep working when the index grows.
pub fn index_ids(index: &Value, kind: &str) -> Vec<String> {
    index[kind]
        .as_array()
        .unwrap_or_else(|| panic!("index.json has no {kind} list: {index}"))
        .iter()
        .map(|entry| {
            entry
                .as_str()
                .or_else(|| entry["id"].as_str())
                .unwrap_or_else(|| panic!("an entry of {kind} in index.json has no id: {entry}"))
                .to_string()
        })
        .collect()
}

/// `(id, type)` of every step of a lesson, in order.
pub fn steps_of(lesson: &Value) -> Vec<(String, String)> {
    lesson["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("lesson {} has no steps list", lesson["id"]))
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap_or_default().to_string(),
                s["type"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// A saved-progress fixture from `tests/fixtures/progress/`.
pub fn progress_fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()))
}

// ----- encoders ----------------------------------------------------------------------------

/// Percent-codes everything but unreserved characters, as the app writes URL filters.
pub fn pct_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A JSON array as strings: strings as they are, anything else (null too) as JSON text.
/// Not an array: empty.
pub fn string_list(value: Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| {
                    v.as_str()
                        .map(String::from)
                        .unwrap_or_else(|| v.to_string())
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `name` matches `pattern`, where `*` stands for any run of characters
/// (`spire-backup-*.json`).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first) || name.len() < first.len() + last.len() || !name.ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}
