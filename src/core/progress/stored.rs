//! The saved format of the progress state and the one gate everything from outside passes:
//! storage, backup files and kept-aside data all go through `restore`.
//!
//! Format history (each earlier version has a fixture in `tests/fixtures/progress/`):
//! - v1: `{format, version: 1, saved_at, lang, lessons: {id: {answers: {step: text}, step, updated}}}`
//! - v2: `{format, version: 2, saved_at, app_version, data: Progress}` with typed, stamped
//!   answers and lessons and challenges under one `work` map.

use super::answer::Answer;
use super::state::{Millis, Progress, Stamped, Work, WorkRef};
use crate::core::text::Lang;
use serde::Serialize;
use serde_json::{json, Map, Value};

pub const PROGRESS_FORMAT: &str = "spire-progress";
pub const CURRENT_VERSION: u32 = 2;

/// The envelope written to storage: a strict type for writing.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    saved_at: Millis,
    app_version: &'a str,
    data: &'a Progress,
}

/// Serialises the state for storage.
pub fn to_stored(progress: &Progress, now: Millis, app_version: &str) -> String {
    let envelope = Envelope {
        format: PROGRESS_FORMAT,
        version: CURRENT_VERSION,
        saved_at: now,
        app_version,
        data: progress,
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Why saved data could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    NotJson {
        line: usize,
        column: usize,
    },
    NotAnObject,
    WrongFormat(String),
    NoVersion,
    /// Written by a newer version of the app than this one.
    FromNewerApp(u64),
    /// A migration or the final shape failed.
    BadShape(String),
}

impl RestoreError {
    pub fn message(&self, lang: Lang) -> String {
        use RestoreError::*;
        match (self, lang) {
            (NotJson { line, column }, Lang::Da) => {
                format!("dataene er ikke gyldig JSON (linje {line}, kolonne {column})")
            }
            (NotJson { line, column }, Lang::En) => {
                format!("the data is not valid JSON (line {line}, column {column})")
            }
            (NotAnObject, Lang::Da) => "dataene har ikke den forventede form".into(),
            (NotAnObject, Lang::En) => "the data does not have the expected shape".into(),
            (WrongFormat(f), Lang::Da) => format!("dette er ikke Spire-data (format: \"{f}\")"),
            (WrongFormat(f), Lang::En) => format!("this is not Spire data (format: \"{f}\")"),
            (NoVersion, Lang::Da) => "dataene mangler et versionsnummer".into(),
            (NoVersion, Lang::En) => "the data has no version number".into(),
            (FromNewerApp(v), Lang::Da) => {
                format!("dataene er gemt af en nyere udgave af Spire (version {v})")
            }
            (FromNewerApp(v), Lang::En) => {
                format!("the data was saved by a newer version of Spire (version {v})")
            }
            (BadShape(m), Lang::Da) => format!("dataene har en forkert form: {m}"),
            (BadShape(m), Lang::En) => format!("the data has the wrong shape: {m}"),
        }
    }
}

/// The result of restoring: the state, and the parts that had to be left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restored {
    pub progress: Progress,
    /// Keys of work items (or `settings`) that were unreadable and were left out.
    pub dropped: Vec<String>,
    /// The version the data had before migration.
    pub from_version: u32,
}

/// Reads saved progress of any known version. `format` names the envelope expected.
pub fn restore(text: &str) -> Result<Restored, RestoreError> {
    let value: Value = serde_json::from_str(text).map_err(|e| RestoreError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    restore_value(value, PROGRESS_FORMAT)
}

/// Restores an envelope already parsed; `format` is the envelope name expected.
pub fn restore_value(value: Value, format: &str) -> Result<Restored, RestoreError> {
    let Value::Object(mut envelope) = value else {
        return Err(RestoreError::NotAnObject);
    };
    match envelope.get("format") {
        Some(Value::String(f)) if f == format => {}
        Some(Value::String(f)) => return Err(RestoreError::WrongFormat(f.clone())),
        Some(other) => return Err(RestoreError::WrongFormat(other.to_string())),
        None => return Err(RestoreError::WrongFormat(String::new())),
    }
    let version = envelope
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(RestoreError::NoVersion)?;
    if version > u64::from(CURRENT_VERSION) {
        return Err(RestoreError::FromNewerApp(version));
    }
    if version == 0 {
        return Err(RestoreError::NoVersion);
    }
    let from_version = version as u32;
    for step in from_version..CURRENT_VERSION {
        envelope = MIGRATIONS[(step - 1) as usize](envelope)?;
    }
    let data = envelope.remove("data").unwrap_or(Value::Object(Map::new()));
    let (progress, dropped) = restore_data(data)?;
    Ok(Restored {
        progress,
        dropped,
        from_version,
    })
}

/// A migration turns the envelope of one version into that of the next.
type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, RestoreError>;

/// Migrations: `MIGRATIONS[n - 1]` turns version n into version n + 1.
const MIGRATIONS: [Migration; 1] = [v1_to_v2];

/// v1 kept lessons only, answers as bare strings and the step as a number.
fn v1_to_v2(v1: Map<String, Value>) -> Result<Map<String, Value>, RestoreError> {
    let saved_at = v1.get("saved_at").and_then(Value::as_i64).unwrap_or(0);
    let mut work = Map::new();
    if let Some(lessons) = v1.get("lessons") {
        let lessons = lessons
            .as_object()
            .ok_or_else(|| RestoreError::BadShape("`lessons` is not an object".into()))?;
        for (id, lesson) in lessons {
            let updated = lesson
                .get("updated")
                .and_then(Value::as_i64)
                .unwrap_or(saved_at);
            let mut answers = Map::new();
            if let Some(Value::Object(old)) = lesson.get("answers") {
                for (step, text) in old {
                    let text = match text {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    answers.insert(
                        step.clone(),
                        json!({"value": {"kind": "text", "text": text}, "updated": updated}),
                    );
                }
            }
            // v1 saved the step as a number; v2 saves its id, which v1 data cannot give,
            // so a migrated lesson opens at its first step.
            work.insert(
                format!("lesson:{id}"),
                json!({"answers": answers, "started": updated, "updated": updated, "meta_updated": updated}),
            );
        }
    }
    let lang = v1.get("lang").cloned().unwrap_or(Value::Null);
    let data = json!({
        "settings": {"lang": lang, "name": "", "updated": saved_at},
        "work": work,
        "erased_at": 0
    });
    let mut v2 = Map::new();
    v2.insert(
        "format".into(),
        v1.get("format").cloned().unwrap_or_default(),
    );
    v2.insert("version".into(), json!(2));
    v2.insert("saved_at".into(), json!(saved_at));
    v2.insert("data".into(), data);
    Ok(v2)
}

/// Restores the current version's data leniently: each work item in its own guard, so one
/// unreadable item is left out (and reported) instead of the whole state.
fn restore_data(data: Value) -> Result<(Progress, Vec<String>), RestoreError> {
    let Value::Object(mut data) = data else {
        return Err(RestoreError::BadShape("`data` is not an object".into()));
    };
    let mut dropped = Vec::new();
    let settings = match data.remove("settings") {
        None | Some(Value::Null) => Default::default(),
        Some(v) => serde_json::from_value(v).unwrap_or_else(|_| {
            dropped.push("settings".to_string());
            Default::default()
        }),
    };
    let mut work = std::collections::BTreeMap::new();
    match data.remove("work") {
        None | Some(Value::Null) => {}
        Some(Value::Object(items)) => {
            for (key, item) in items {
                match restore_work(&key, item) {
                    Some(w) => {
                        work.insert(key, w);
                    }
                    None => dropped.push(key),
                }
            }
        }
        Some(_) => return Err(RestoreError::BadShape("`work` is not an object".into())),
    }
    let erased_at = data
        .remove("erased_at")
        .and_then(|v| v.as_i64())
        .unwrap_or(0);
    let progress = Progress {
        settings,
        work,
        erased_at,
        extra: data,
    };
    Ok((progress, dropped))
}

fn restore_work(key: &str, item: Value) -> Option<Work> {
    WorkRef::parse(key)?;
    let Value::Object(mut item) = item else {
        return None;
    };
    // Answers are restored one by one too: an answer of a kind this version does not know
    // is kept as an extra field rather than lost.
    let answers = item.remove("answers").unwrap_or(Value::Object(Map::new()));
    let mut work: Work = serde_json::from_value(Value::Object(item)).ok()?;
    let Value::Object(answers) = answers else {
        return None;
    };
    let mut unknown = Map::new();
    for (step, answer) in answers {
        match serde_json::from_value::<Stamped<Answer>>(answer.clone()) {
            Ok(a) => {
                work.answers.insert(step, a);
            }
            Err(_) => {
                unknown.insert(step, answer);
            }
        }
    }
    if !unknown.is_empty() {
        work.extra
            .insert("unreadable_answers".into(), Value::Object(unknown));
    }
    Some(work)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_version_round_trips() {
        let mut p = Progress::default();
        p.set_answer(
            &WorkRef::lesson("a"),
            "q",
            Answer::Text { text: "hej".into() },
            3,
        );
        p.set_lang(Lang::En, 4);
        let r = restore(&to_stored(&p, 5, "0.1.0")).unwrap();
        assert_eq!(r.progress, p);
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn bad_envelopes_are_refused_with_a_reason() {
        let cases = [
            ("nonsense", "NotJson"),
            ("[1]", "NotAnObject"),
            (r#"{"format":"other","version":1}"#, "WrongFormat"),
            (r#"{"version":1}"#, "WrongFormat"),
            (r#"{"format":"spire-progress"}"#, "NoVersion"),
            (r#"{"format":"spire-progress","version":0}"#, "NoVersion"),
            (
                r#"{"format":"spire-progress","version":99}"#,
                "FromNewerApp",
            ),
            (
                r#"{"format":"spire-progress","version":2,"data":[]}"#,
                "BadShape",
            ),
            (
                r#"{"format":"spire-progress","version":2,"data":{"work":3}}"#,
                "BadShape",
            ),
        ];
        for (text, want) in cases {
            let err = restore(text).unwrap_err();
            assert!(format!("{err:?}").starts_with(want), "{text}: {err:?}");
            assert!(!err.message(Lang::Da).is_empty());
        }
    }

    #[test]
    fn one_bad_item_is_dropped_and_reported_not_the_rest() {
        let text = r#"{"format":"spire-progress","version":2,"data":{
            "work":{
              "lesson:good":{"answers":{"q":{"value":{"kind":"text","text":"x"},"updated":1}}},
              "lesson:bad":{"answers":5},
              "nonsense":{},
              "lesson:odd":{"answers":{"q":{"value":{"kind":"hologram"},"updated":1}}}
            },
            "settings":"broken",
            "future_field":{"kept":true}}}"#;
        let r = restore(text).unwrap();
        assert!(r.progress.work.contains_key("lesson:good"));
        assert!(r.progress.work["lesson:odd"]
            .extra
            .contains_key("unreadable_answers"));
        let mut dropped = r.dropped.clone();
        dropped.sort();
        assert_eq!(dropped, ["lesson:bad", "nonsense", "settings"]);
        assert!(r.progress.extra.contains_key("future_field"));
        let again = restore(&to_stored(&r.progress, 1, "t")).unwrap();
        assert!(again.progress.extra.contains_key("future_field"));
    }
}
