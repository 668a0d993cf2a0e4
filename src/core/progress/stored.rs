//! The saved formats of the progress state and the gates everything from outside passes:
//! storage, backup files and kept-aside data all go through `restore*` here.
//!
//! Format history (each version has a fixture in `tests/fixtures/progress/`):
//! - v1: `{format, version: 1, saved_at, lang, lessons: {id: {answers: {step: text}, step, updated}}}`
//! - v2: `{format, version: 2, saved_at, app_version, data: Progress}` with typed, stamped
//!   answers and lessons and challenges under one `work` map; ideas and notes were lists
//!   with numeric ids.
//! - v3: ideas and notes are records by id, each with its own stamp and tombstones; a work
//!   item has `props`; `started` is gone. In storage v3 is split: the settings under one
//!   key and each work item under its own (see `save.rs`), so a save writes what changed.
//!   Whole-state envelopes (`spire-progress`, backups) hold the same `Progress` shape.

use super::state::{Millis, Progress, Settings, Stamped, Work, WorkRef};
use super::Answer;
use crate::core::text::Lang;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// The whole state in one envelope: storage before v3, and kept-aside copies of it.
pub const PROGRESS_FORMAT: &str = "spire-progress";
/// The settings part of the v3 storage.
pub const SETTINGS_FORMAT: &str = "spire-settings";
/// One work item of the v3 storage.
pub const WORK_FORMAT: &str = "spire-work";
pub const CURRENT_VERSION: u32 = 3;

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

// ---- envelopes ---------------------------------------------------------------------------

#[derive(Serialize)]
struct Envelope<'a, T: Serialize> {
    format: &'a str,
    version: u32,
    saved_at: Millis,
    app_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    data: &'a T,
}

fn envelope<T: Serialize>(
    format: &str,
    key: Option<&str>,
    data: &T,
    now: Millis,
    app_version: &str,
) -> String {
    serde_json::to_string(&Envelope {
        format,
        version: CURRENT_VERSION,
        saved_at: now,
        app_version,
        key,
        data,
    })
    .unwrap_or_default()
}

/// Parses JSON text into an object and checks its format and version; returns the object
/// and its version.
fn open_envelope(text: &str, format: &str) -> Result<(Map<String, Value>, u32), RestoreError> {
    let value: Value = serde_json::from_str(text).map_err(|e| RestoreError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    open_value(value, format)
}

fn open_value(value: Value, format: &str) -> Result<(Map<String, Value>, u32), RestoreError> {
    let Value::Object(envelope) = value else {
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
    Ok((envelope, version as u32))
}

// ---- the whole state ---------------------------------------------------------------------

/// Serialises the whole state in one envelope (kept-aside copies, tests).
pub fn to_stored(progress: &Progress, now: Millis, app_version: &str) -> String {
    envelope(PROGRESS_FORMAT, None, progress, now, app_version)
}

/// Reads a whole-state envelope of any known version.
pub fn restore(text: &str) -> Result<Restored, RestoreError> {
    let value: Value = serde_json::from_str(text).map_err(|e| RestoreError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    restore_value(value, PROGRESS_FORMAT)
}

/// Restores a whole-state envelope already parsed; `format` is the envelope name expected.
pub fn restore_value(value: Value, format: &str) -> Result<Restored, RestoreError> {
    let (mut envelope, from_version) = open_value(value, format)?;
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
const MIGRATIONS: [Migration; 2] = [v1_to_v2, v2_to_v3];

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

/// v2 kept ideas and notes as lists with numeric ids; v3 keeps records by id with stamps.
/// The numeric ids become the record ids, so votes that name them still match.
fn v2_to_v3(mut v2: Map<String, Value>) -> Result<Map<String, Value>, RestoreError> {
    if let Some(Value::Object(data)) = v2.get_mut("data") {
        if let Some(Value::Object(work)) = data.get_mut("work") {
            for item in work.values_mut() {
                if let Value::Object(item) = item {
                    item.remove("started");
                    if let Some(Value::Object(answers)) = item.get_mut("answers") {
                        answers.values_mut().for_each(list_answer_to_records);
                    }
                }
            }
        }
    }
    v2.insert("version".into(), json!(3));
    Ok(v2)
}

/// Rewrites one stamped v2 answer in place; anything odd is left for the reader to set
/// aside as unreadable rather than guessed at.
fn list_answer_to_records(stamped: &mut Value) {
    let updated = stamped.get("updated").and_then(Value::as_i64).unwrap_or(0);
    let Some(Value::Object(answer)) = stamped.get_mut("value") else {
        return;
    };
    let field = match answer.get("kind").and_then(Value::as_str) {
        Some("ideas") => "ideas",
        Some("canvas") => "notes",
        _ => return,
    };
    let Some(Value::Array(list)) = answer.get(field) else {
        return;
    };
    let mut records = Map::new();
    for (order, entry) in list.iter().enumerate() {
        let Some(Value::Object(entry)) = Some(entry) else {
            return;
        };
        let Some(id) = entry.get("id").and_then(Value::as_u64) else {
            return;
        };
        let mut value = entry.clone();
        value.remove("id");
        value.insert("order".into(), json!(order));
        records.insert(
            id.to_string(),
            json!({"at": updated, "value": Value::Object(value)}),
        );
    }
    answer.insert(field.into(), Value::Object(records));
}

/// Restores the current version's data leniently: each work item in its own guard, so one
/// unreadable item is left out (and reported) instead of the whole state.
fn restore_data(data: Value) -> Result<(Progress, Vec<String>), RestoreError> {
    let Value::Object(mut data) = data else {
        return Err(RestoreError::BadShape("`data` is not an object".into()));
    };
    let mut dropped = Vec::new();
    let settings = restore_settings(data.remove("settings"), &mut dropped);
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

fn restore_settings(value: Option<Value>, dropped: &mut Vec<String>) -> Settings {
    match value {
        None | Some(Value::Null) => Default::default(),
        Some(v) => read_settings(v).unwrap_or_else(|_| {
            dropped.push("settings".to_string());
            Default::default()
        }),
    }
}

/// One work item, leniently: an answer of a kind this version does not know is kept as
/// an extra field rather than lost.
pub(crate) fn restore_work(key: &str, item: Value) -> Option<Work> {
    WorkRef::parse(key)?;
    let Value::Object(mut item) = item else {
        return None;
    };
    let answers = item.remove("answers").unwrap_or(Value::Object(Map::new()));
    let mut work = read_work(item).ok()?;
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

/// A field of a saved object, or its default when absent.
fn take<T: serde::de::DeserializeOwned + Default>(
    map: &mut Map<String, Value>,
    key: &str,
) -> Result<T, serde_json::Error> {
    match map.remove(key) {
        Some(value) => serde_json::from_value(value),
        None => Ok(T::default()),
    }
}

/// Reads a work item as `Work`'s derived reader does — every field optional, fields it
/// does not know kept in `extra` — without serde's `flatten` buffering, which compiled a
/// second reader of the fields into the wasm. A test checks the two agree.
fn read_work(mut item: Map<String, Value>) -> Result<Work, serde_json::Error> {
    Ok(Work {
        answers: take(&mut item, "answers")?,
        at_step: take(&mut item, "at_step")?,
        completed: take(&mut item, "completed")?,
        meta_updated: take(&mut item, "meta_updated")?,
        props: take(&mut item, "props")?,
        updated: take(&mut item, "updated")?,
        extra: item,
    })
}

/// Reads the settings as `Settings`' derived reader does (see [`read_work`]).
fn read_settings(value: Value) -> Result<Settings, serde_json::Error> {
    let Value::Object(mut map) = value else {
        // Only a map is read: `flatten` asks for one.
        return Err(serde::de::Error::invalid_type(
            serde::de::Unexpected::Other("a value other than an object"),
            &"struct Settings",
        ));
    };
    Ok(Settings {
        lang: take(&mut map, "lang")?,
        name: take(&mut map, "name")?,
        level: take(&mut map, "level")?,
        young: take(&mut map, "young")?,
        updated: take(&mut map, "updated")?,
        extra: map,
    })
}

// ---- the v3 storage: settings and one entry per work item -------------------------------

/// The part of the state that is not a work item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Head {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub erased_at: Millis,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Head {
    pub fn of(progress: &Progress) -> Head {
        Head {
            settings: progress.settings.clone(),
            erased_at: progress.erased_at,
            extra: progress.extra.clone(),
        }
    }

    pub fn merge(&self, other: &Head) -> Head {
        let a = Progress {
            settings: self.settings.clone(),
            erased_at: self.erased_at,
            extra: self.extra.clone(),
            ..Default::default()
        };
        let b = Progress {
            settings: other.settings.clone(),
            erased_at: other.erased_at,
            extra: other.extra.clone(),
            ..Default::default()
        };
        Head::of(&super::merge::merge(&a, &b))
    }
}

pub fn head_to_stored(head: &Head, now: Millis, app_version: &str) -> String {
    envelope(SETTINGS_FORMAT, None, head, now, app_version)
}

/// Reads the settings entry; unreadable settings are an error (the caller keeps them aside).
pub fn restore_head(text: &str) -> Result<Head, RestoreError> {
    let (mut envelope, _) = open_envelope(text, SETTINGS_FORMAT)?;
    let data = envelope.remove("data").unwrap_or(Value::Object(Map::new()));
    let Value::Object(mut data) = data else {
        return Err(RestoreError::BadShape("`data` is not an object".into()));
    };
    let mut dropped = Vec::new();
    let settings = restore_settings(data.remove("settings"), &mut dropped);
    if !dropped.is_empty() {
        return Err(RestoreError::BadShape("`settings` is unreadable".into()));
    }
    let erased_at = data
        .remove("erased_at")
        .and_then(|v| v.as_i64())
        .unwrap_or(0);
    Ok(Head {
        settings,
        erased_at,
        extra: data,
    })
}

pub fn work_to_stored(key: &str, work: &Work, now: Millis, app_version: &str) -> String {
    envelope(WORK_FORMAT, Some(key), work, now, app_version)
}

/// Reads one work item entry; `key` is the work key its storage key names, and the entry
/// must say the same (a copy under the wrong name is not trusted).
pub fn restore_work_entry(key: &str, text: &str) -> Result<Work, RestoreError> {
    let (mut envelope, _) = open_envelope(text, WORK_FORMAT)?;
    match envelope.get("key").and_then(Value::as_str) {
        Some(k) if k == key => {}
        other => {
            return Err(RestoreError::BadShape(format!(
                "the entry names the work {:?}, not {key:?}",
                other.unwrap_or("")
            )))
        }
    }
    let data = envelope.remove("data").unwrap_or(Value::Null);
    restore_work(key, data).ok_or_else(|| RestoreError::BadShape(format!("`{key}` is unreadable")))
}

/// Reads any single saved entry as a whole state: a whole-state envelope, a settings entry
/// or a work entry (for restoring a kept-aside copy from a file).
pub fn restore_any(value: Value) -> Result<Restored, RestoreError> {
    match value.get("format").and_then(Value::as_str) {
        Some(WORK_FORMAT) => {
            let key = value
                .get("key")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let work = restore_work_entry(&key, &value.to_string())?;
            let mut progress = Progress::default();
            progress.work.insert(key, work);
            Ok(Restored {
                progress,
                dropped: vec![],
                from_version: CURRENT_VERSION,
            })
        }
        Some(SETTINGS_FORMAT) => {
            let head = restore_head(&value.to_string())?;
            Ok(Restored {
                progress: Progress {
                    settings: head.settings,
                    erased_at: head.erased_at,
                    extra: head.extra,
                    ..Default::default()
                },
                dropped: vec![],
                from_version: CURRENT_VERSION,
            })
        }
        _ => restore_value(value, PROGRESS_FORMAT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values a work item's and the settings' fields might hold, and fields they do not know.
    fn saved_object() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (-2i64..5).prop_map(Value::from),
            Just(Value::from(1.5)),
            prop::sample::select(vec!["da", "en", "x", "", "s1"]).prop_map(Value::from),
            Just(serde_json::json!({"s1": {"value": "v", "updated": 2}})),
            Just(serde_json::json!({"s1": {"value": {"kind": "text", "text": "t"}, "updated": 2}})),
            Just(serde_json::json!({"s1": 3})),
        ];
        let keys = prop::sample::select(vec![
            "answers",
            "at_step",
            "completed",
            "meta_updated",
            "props",
            "updated",
            "lang",
            "name",
            "level",
            "young",
            "extra",
            "future",
        ]);
        prop_oneof![
            prop::collection::btree_map(keys.prop_map(String::from), leaf.clone(), 0..7)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            leaf,
        ]
    }

    proptest::proptest! {
        #[test]
        fn work_and_settings_read_as_their_derived_readers(value in saved_object()) {
            if let Value::Object(map) = &value {
                let ours = read_work(map.clone()).ok();
                let derived = serde_json::from_value::<Work>(value.clone()).ok();
                proptest::prop_assert_eq!(ours, derived, "{}", value);
            }
            let ours = read_settings(value.clone()).ok();
            let derived = serde_json::from_value::<Settings>(value.clone()).ok();
            proptest::prop_assert_eq!(ours, derived, "{}", value);
        }
    }
    use crate::core::progress::answer::{ideas_in_order, Idea};
    use crate::core::progress::record::RecordId;

    #[test]
    fn current_version_round_trips() {
        let mut p = Progress::default();
        let l = WorkRef::lesson("a");
        p.set_answer(&l, "q", Answer::Text { text: "hej".into() }, 3);
        let idea = Idea {
            text: "is".into(),
            order: 4,
        };
        p.put_record(&l, "ideas", RecordId::from_random(7), Some(idea), 4);
        p.put_record::<Idea>(&l, "ideas", RecordId::from_random(8), None, 5);
        p.set_lang(Lang::En, 4);
        let r = restore(&to_stored(&p, 5, "0.1.0")).unwrap();
        assert_eq!(r.progress, p);
        assert!(r.dropped.is_empty());
    }

    #[test]
    fn split_entries_round_trip() {
        let mut p = Progress::default();
        let l = WorkRef::lesson("a");
        p.set_answer(&l, "q", Answer::Text { text: "hej".into() }, 3);
        p.set_name("Ida", 4);
        let key = l.key();
        let text = work_to_stored(&key, p.work(&l).unwrap(), 9, "t");
        assert_eq!(restore_work_entry(&key, &text).unwrap(), p.work[&key]);
        assert!(restore_work_entry("lesson:b", &text).is_err());
        let head = Head::of(&p);
        assert_eq!(restore_head(&head_to_stored(&head, 9, "t")).unwrap(), head);
    }

    #[test]
    fn v2_ideas_become_records_with_their_numbers_as_ids() {
        let text = r#"{"format":"spire-progress","version":2,"data":{"work":{"lesson:a":{
            "answers":{"b":{"value":{"kind":"ideas","ideas":[{"id":2,"text":"x"},{"id":1,"text":"y"}]},"updated":7}},
            "started":3,"updated":7}}}}"#;
        let p = restore(text).unwrap().progress;
        let ideas = ideas_in_order(p.answer(&WorkRef::lesson("a"), "b"));
        let got: Vec<(&str, &str)> = ideas
            .iter()
            .map(|(id, i)| (id.as_str(), i.text.as_str()))
            .collect();
        assert_eq!(got, [("2", "x"), ("1", "y")]);
        assert!(!p.work["lesson:a"].extra.contains_key("started"));
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
                r#"{"format":"spire-progress","version":3,"data":[]}"#,
                "BadShape",
            ),
            (
                r#"{"format":"spire-progress","version":3,"data":{"work":3}}"#,
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
        let text = r#"{"format":"spire-progress","version":3,"data":{
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
