//! `spire-content index`: the text of `index.json` with a card summary and content hash of
//! every file it lists, so the app's list pages need one request.
//!
//! `$schema` and the id lists are kept as the author wrote them (values, order and the
//! order of the keys): they stay the source of truth, and an index of ids alone keeps
//! working. Only `summaries` is generated, pretty-printed in a fixed order so authors can
//! commit the file and read its diffs.

use super::check::{diagnostic, ContentSource, Diagnostic, Report, INDEX_FILE};
use super::index::{ContentIndex, ContentKind};
use super::load;
use super::locate::locate;
use super::problem::{Problem, ProblemKind, Seg};
use super::summary::Summaries;
use crate::core::text::Lang;
use std::collections::HashSet;

/// What `spire-content index` found and would write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reindexed {
    /// The new text of `index.json`; `None` when the index itself cannot be read or parsed.
    pub text: Option<String>,
    /// Files that got no summary and why (missing, unreadable, not parseable), placed like
    /// the checker's problems. Other problems are left to `spire-content check`.
    pub report: Report,
    /// How many files got a summary.
    pub summarised: usize,
}

/// Builds the new `index.json` of the folder behind `source`.
pub fn reindex(source: &dyn ContentSource, lang: Lang) -> Reindexed {
    let mut out = Reindexed::default();
    let unreadable = |reason: String| Diagnostic {
        file: INDEX_FILE.to_string(),
        line: 1,
        column: 1,
        message: ProblemKind::Unreadable(reason).message(lang),
    };
    let text = match source.read(INDEX_FILE) {
        Ok(Some(text)) => text,
        Ok(None) => {
            out.report
                .diagnostics
                .push(unreadable("no such file".into()));
            return out;
        }
        Err(reason) => {
            out.report.diagnostics.push(unreadable(reason));
            return out;
        }
    };
    out.report.files_checked += 1;
    let index = match load::parse_index(&text) {
        Ok(index) => index,
        Err(problem) => {
            out.report
                .diagnostics
                .push(diagnostic(INDEX_FILE, &text, &problem, lang));
            return out;
        }
    };

    let mut summaries = Summaries::default();
    let mut index_problems = Vec::new();
    let mut file_problems = Vec::new();
    for kind in ContentKind::ALL {
        let mut seen = HashSet::new();
        for (i, id) in index.ids(kind).iter().enumerate() {
            if !seen.insert(id.as_str()) {
                continue;
            }
            let path = kind.path(id.as_str());
            match source.read(&path) {
                Ok(Some(file_text)) => {
                    out.report.files_checked += 1;
                    match summaries.add_file(kind, id, &file_text, &index) {
                        Ok(()) => out.summarised += 1,
                        Err(problem) => {
                            file_problems.push(diagnostic(&path, &file_text, &problem, lang))
                        }
                    }
                }
                Ok(None) => index_problems.push(Problem {
                    path: json_path![kind.index_key(), i],
                    kind: ProblemKind::ListedButMissing(path),
                }),
                Err(reason) => file_problems.push(Diagnostic {
                    file: path,
                    line: 1,
                    column: 1,
                    message: ProblemKind::Unreadable(reason).message(lang),
                }),
            }
        }
    }
    for problem in &index_problems {
        out.report
            .diagnostics
            .push(diagnostic(INDEX_FILE, &text, problem, lang));
    }
    out.report.diagnostics.extend(file_problems);
    out.text = Some(write_index(&text, &index, &summaries));
    out
}

/// The index text: the author's keys in the author's order, then `summaries`.
fn write_index(original: &str, index: &ContentIndex, summaries: &Summaries) -> String {
    let raw: serde_json::Value = serde_json::from_str(original).unwrap_or_default();
    let mut members: Vec<((usize, usize), String, String)> = Vec::new();
    let mut add = |key: &str, value: String| {
        if raw.get(key).is_some() {
            let at = locate(original, &[Seg::from(key)]);
            members.push((at, key.to_string(), value));
        }
    };
    if let Some(schema) = &index.schema {
        add("$schema", pretty(schema));
    }
    for kind in ContentKind::ALL {
        add(kind.index_key(), pretty(index.ids(kind)));
    }
    members.sort_by_key(|(at, _, _)| *at);
    let mut members: Vec<(String, String)> = members
        .into_iter()
        .map(|(_, key, value)| (key, value))
        .collect();
    if !summaries.is_empty() {
        members.push(("summaries".to_string(), pretty(summaries)));
    }
    if members.is_empty() {
        return "{}\n".to_string();
    }
    let body: Vec<String> = members
        .iter()
        .map(|(key, value)| format!("  {}: {}", pretty(key), value.replace('\n', "\n  ")))
        .collect();
    format!("{{\n{}\n}}\n", body.join(",\n"))
}

fn pretty<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("index values serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::summary::content_hash;
    use crate::core::content::{Id, Lesson};
    use std::collections::BTreeMap;

    const SPRINT: &str = r#"{"id": "sprint", "title": "Sprint", "levels": ["udskoling"],
  "steps": [{"type": "prompt", "id": "p", "question": "Why?"}]}"#;

    fn folder(files: &[(&str, &str)]) -> BTreeMap<String, String> {
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn keeps_the_authors_lists_and_adds_summaries() {
        let index = "{\"role_models\": [], \"lessons\": [\"sprint\", \"sprint\"],\n \"$schema\": \"schema/index.schema.json\"}";
        let out = reindex(
            &folder(&[("index.json", index), ("sprint.json", SPRINT)]),
            Lang::En,
        );
        assert!(out.report.is_clean(), "{:?}", out.report);
        assert_eq!(out.summarised, 1);
        let text = out.text.unwrap();
        let keys: Vec<usize> = [
            "\"role_models\"",
            "\"lessons\"",
            "\"$schema\"",
            "\"summaries\"",
        ]
        .iter()
        .map(|k| text.find(k).unwrap())
        .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "key order: {text}");
        assert!(
            !text.contains("canvases"),
            "no key the author did not write"
        );
        let written = load::parse_index(&text).unwrap();
        assert_eq!(written.lessons.len(), 2, "the lists are kept as written");
        let summary = written.summaries.get::<Lesson>("sprint").unwrap();
        assert_eq!(summary.hash, content_hash(SPRINT.as_bytes()));
        assert_eq!((summary.summary.steps, summary.summary.tasks), (1, 1));
        assert!(text.ends_with("}\n"));

        // Indexing the written index again changes nothing.
        let again = reindex(
            &folder(&[("index.json", &text), ("sprint.json", SPRINT)]),
            Lang::En,
        );
        assert_eq!(again.text.as_deref(), Some(text.as_str()));
    }

    #[test]
    fn files_that_do_not_parse_get_no_summary_and_are_reported() {
        let index = r#"{"lessons": ["sprint", "broken", "gone"]}"#;
        let out = reindex(
            &folder(&[
                ("index.json", index),
                ("sprint.json", SPRINT),
                ("broken.json", "{\n  \"id\": \"broken\",,\n}"),
            ]),
            Lang::En,
        );
        let lines: Vec<String> = out
            .report
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(lines[0].starts_with("index.json:1:34: "), "{lines:#?}");
        assert!(lines[1].starts_with("broken.json:2:18: "), "{lines:#?}");
        let written = load::parse_index(&out.text.unwrap()).unwrap();
        let ids: Vec<&str> = written.summaries.lessons.keys().map(Id::as_str).collect();
        assert_eq!(ids, ["sprint"]);
    }

    #[test]
    fn a_broken_index_is_not_rewritten() {
        let out = reindex(&folder(&[("index.json", "{\"lessons\": [1]}")]), Lang::En);
        assert_eq!(out.text, None);
        assert_eq!(out.report.diagnostics.len(), 1);
        let out = reindex(&folder(&[]), Lang::En);
        assert_eq!(out.text, None);
        let out = reindex(&folder(&[("index.json", "{}")]), Lang::En);
        assert_eq!(out.text.as_deref(), Some("{}\n"));
    }

    #[test]
    fn stale_and_foreign_summaries_are_replaced() {
        let index = serde_json::json!({
            "lessons": ["sprint"],
            "summaries": {"lessons": {
                "sprint": {"hash": "0", "title": "Old", "levels": [], "steps": 9, "tasks": 9},
                "ghost": {"hash": "0", "title": "Ghost", "levels": [], "steps": 1, "tasks": 1}
            }}
        })
        .to_string();
        let out = reindex(
            &folder(&[("index.json", &index), ("sprint.json", SPRINT)]),
            Lang::En,
        );
        let text = out.text.unwrap();
        assert!(!text.contains("ghost") && !text.contains("Old"), "{text}");
        assert!(text.contains(&content_hash(SPRINT.as_bytes())));
    }
}
