//! Parsing one content file: JSON → typed value, id checked against the file name, then
//! validated. Used alike by the app (fetched text) and the checker (files on disk).

use super::canvas::CanvasTemplate;
use super::challenge::Challenge;
use super::course::Course;
use super::id::Id;
use super::index::{ContentIndex, ContentKind};
use super::lesson::Lesson;
use super::local::LocalOffers;
use super::problem::{Problem, ProblemKind};
use super::role_model::RoleModel;
use super::summary::{Summaries, SummariesReading};
use super::validate;
use serde::de::DeserializeOwned;

/// A parsed file and what is wrong with it that did not stop it from loading.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
    pub problems: Vec<Problem>,
}

/// Parses JSON text into `T`, reporting a failure with serde's line and column.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|e| Problem {
        path: vec![],
        kind: ProblemKind::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        },
    })
}

/// Reads `T` from the fields of a JSON object, as `serde_json::from_value` does with the
/// object, with the same messages. Through serde's map deserializer, which offers only a
/// map: `from_value` would also compile each struct's reader of the array form, which
/// content never uses.
pub fn from_object<T: DeserializeOwned>(
    fields: serde_json::Map<String, serde_json::Value>,
) -> Result<T, serde_json::Error> {
    T::deserialize(
        serde::de::value::MapDeserializer::<_, serde_json::Error>::new(fields.into_iter()),
    )
}

/// Parses `index.json`. Summaries of ids the lists do not name are dropped: the lists are
/// the catalogue.
pub fn parse_index(text: &str) -> Result<ContentIndex, Problem> {
    let mut reading = IndexReading::start(text)?;
    while !reading.read(usize::MAX) {}
    Ok(reading.finish())
}

/// [`parse_index`] in steps: the lists at once, then the summaries a few at a time (see
/// [`SummariesReading`]), so the app can read a large index without one long task.
pub struct IndexReading {
    index: ContentIndex,
    summaries: SummariesReading,
}

/// `index.json` as [`ContentIndex`] reads it, but with the summaries left as JSON for
/// [`SummariesReading`]. The same name, fields and order, so serde's messages are the same.
mod file {
    use super::Id;
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ContentIndex {
        #[serde(rename = "$schema", default)]
        pub schema: Option<String>,
        #[serde(default)]
        pub lessons: Vec<Id>,
        #[serde(default)]
        pub canvases: Vec<Id>,
        #[serde(default)]
        pub challenges: Vec<Id>,
        #[serde(default)]
        pub role_models: Vec<Id>,
        #[serde(default)]
        pub courses: Vec<Id>,
        #[serde(default)]
        pub summaries: serde_json::Value,
    }
}

impl IndexReading {
    /// Reads the lists; fails as [`parse_index`] does.
    pub fn start(text: &str) -> Result<IndexReading, Problem> {
        let file: file::ContentIndex = parse_json(text)?;
        let index = ContentIndex {
            schema: file.schema,
            lessons: file.lessons,
            canvases: file.canvases,
            challenges: file.challenges,
            role_models: file.role_models,
            courses: file.courses,
            summaries: Summaries::default(),
        };
        Ok(IndexReading {
            index,
            summaries: SummariesReading::new(file.summaries),
        })
    }

    /// Reads up to `summaries` more summaries; whether all are read.
    pub fn read(&mut self, summaries: usize) -> bool {
        self.summaries.read(summaries)
    }

    pub fn finish(self) -> ContentIndex {
        let mut index = self.index;
        let (mut summaries, _) = self.summaries.finish();
        summaries.retain_listed(&index);
        index.summaries = summaries;
        index
    }
}

fn check_id(id: &str, expected: &str, problems: &mut Vec<Problem>) {
    if id != expected {
        problems.insert(
            0,
            Problem {
                path: json_path!["id"],
                kind: ProblemKind::IdNotFileName {
                    id: id.to_string(),
                    expected: expected.to_string(),
                },
            },
        );
    }
}

pub fn load_lesson(
    expected_id: &str,
    text: &str,
    index: &ContentIndex,
) -> Result<Loaded<Lesson>, Problem> {
    let value: Lesson = parse_json(text)?;
    let mut problems = validate::validate_lesson(&value, index);
    check_id(value.id.as_str(), expected_id, &mut problems);
    Ok(Loaded { value, problems })
}

pub fn load_challenge(
    expected_id: &str,
    text: &str,
    index: &ContentIndex,
) -> Result<Loaded<Challenge>, Problem> {
    let value: Challenge = parse_json(text)?;
    let mut problems = validate::validate_challenge(&value, index);
    check_id(value.id.as_str(), expected_id, &mut problems);
    Ok(Loaded { value, problems })
}

pub fn load_canvas(expected_id: &str, text: &str) -> Result<Loaded<CanvasTemplate>, Problem> {
    let value: CanvasTemplate = parse_json(text)?;
    let mut problems = validate::validate_canvas(&value);
    check_id(value.id.as_str(), expected_id, &mut problems);
    Ok(Loaded { value, problems })
}

pub fn load_role_model(expected_id: &str, text: &str) -> Result<Loaded<RoleModel>, Problem> {
    let value: RoleModel = parse_json(text)?;
    let mut problems = validate::validate_role_model(&value);
    check_id(value.id.as_str(), expected_id, &mut problems);
    Ok(Loaded { value, problems })
}

pub fn load_course(
    expected_id: &str,
    text: &str,
    index: &ContentIndex,
) -> Result<Loaded<Course>, Problem> {
    let value: Course = parse_json(text)?;
    let mut problems = validate::validate_course(&value, index);
    check_id(value.id.as_str(), expected_id, &mut problems);
    Ok(Loaded { value, problems })
}

/// Parses `local.json` (it has no id: one file at a fixed path).
pub fn load_local(text: &str) -> Result<Loaded<LocalOffers>, Problem> {
    let value: LocalOffers = parse_json(text)?;
    let problems = validate::validate_local(&value);
    Ok(Loaded { value, problems })
}

/// Checks a file of any kind, returning only its problems (for the checker).
pub fn check_file(kind: ContentKind, id: &str, text: &str, index: &ContentIndex) -> Vec<Problem> {
    let result = match kind {
        ContentKind::Lesson => load_lesson(id, text, index).map(|l| l.problems),
        ContentKind::Challenge => load_challenge(id, text, index).map(|l| l.problems),
        ContentKind::Canvas => load_canvas(id, text).map(|l| l.problems),
        ContentKind::RoleModel => load_role_model(id, text).map(|l| l.problems),
        ContentKind::Course => load_course(id, text, index).map(|l| l.problems),
    };
    result.unwrap_or_else(|p| vec![p])
}
