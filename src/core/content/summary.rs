//! Card summaries: what a list page shows of a content file. `spire-content index` writes
//! them into `index.json` (under `summaries`), so the catalogue needs one request instead of
//! one per file. Each summary carries the hash of the file it was made from.
//!
//! The id lists stay the source of truth: a summary that is missing, malformed, partial,
//! stale or for an id the lists do not name only makes the app fetch that file; it never
//! fails the index and never hides a file.

use super::canvas::CanvasTemplate;
use super::challenge::{Challenge, Host};
use super::course::Course;
use super::id::Id;
use super::index::{ContentIndex, ContentKind};
use super::lesson::unique;
use super::lesson::Lesson;
use super::load::{self, Loaded};
use super::problem::{Problem, ProblemKind};
use super::role_model::RoleModel;
use super::step::Step;
use super::vocab::{ChallengeFormat, Competence, Dimension, Level, Sector, Subject};
use crate::core::text::Text;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The content hash of a file: FNV-1a over its bytes, 64 bits, as 16 hex digits.
/// Written here rather than taken from a crate: it is a few lines, and it must stay the
/// same across platforms and releases (std's hasher promises neither). It only has to
/// notice edits, not resist anyone crafting collisions.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes))
}

/// FNV-1a, 64 bits.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A summary with the hash of the file it was made from.
// Read by `Hashed::from_value`: a derived reader would go through serde's buffering for
// `flatten`, a second copy of every summary's reader in the wasm. (Not a doc comment: doc
// comments become the JSON Schema's descriptions.)
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    schemars(rename = "Hashed{S}")
)]
pub struct Hashed<S> {
    /// The content hash of the file when the summary was made (`spire-content index`).
    pub hash: String,
    #[serde(flatten)]
    pub summary: S,
}

impl<S: DeserializeOwned> Hashed<S> {
    /// Reads `{"hash": …, <the summary's fields>}` as the derived reader with `flatten`
    /// did, with the same messages: `hash` is checked first, then the summary's fields,
    /// and fields neither knows are ignored.
    pub fn from_value(value: Value) -> Result<Self, serde_json::Error> {
        use serde::de::Error;
        let mut map = match value {
            Value::Object(map) => map,
            other => {
                let unexpected = match &other {
                    Value::Null => serde::de::Unexpected::Unit,
                    Value::Bool(b) => serde::de::Unexpected::Bool(*b),
                    Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                        (Some(u), _) => serde::de::Unexpected::Unsigned(u),
                        (_, Some(i)) => serde::de::Unexpected::Signed(i),
                        _ => serde::de::Unexpected::Float(n.as_f64().unwrap_or_default()),
                    },
                    Value::String(s) => serde::de::Unexpected::Str(s),
                    _ => serde::de::Unexpected::Seq,
                };
                return Err(serde_json::Error::invalid_type(
                    unexpected,
                    &"struct Hashed",
                ));
            }
        };
        let hash = match map.remove("hash") {
            Some(hash) => serde_json::from_value::<String>(hash)?,
            None => return Err(serde_json::Error::missing_field("hash")),
        };
        let summary = load::from_object(map)?;
        Ok(Hashed { hash, summary })
    }
}

/// A lesson's card: what the catalogue shows and filters on, and its step counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct LessonSummary {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// The card's illustration (content v1.1; optional in an index written before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<Competence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    /// School subjects (content v1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    /// The role models the lesson links to (`role_models` and `role_model` steps), so a
    /// profile page can list its lessons without fetching them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_models: Vec<Id>,
    /// How many steps the lesson has.
    pub steps: usize,
    /// How many of its steps take an answer: every type but `read` (a step the app cannot
    /// show takes none).
    pub tasks: usize,
    /// The types of its steps, each once, in the order they first come (a card shows them
    /// as icons). Optional: an index written before v1.1 has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ChallengeSummary {
    pub title: Text,
    pub levels: Vec<Level>,
    pub format: ChallengeFormat,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<Host>,
    /// How many phases the challenge has.
    pub phases: usize,
    /// The role models its `role_model` steps meet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_models: Vec<Id>,
    /// The brief's first paragraph (rich text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<Text>,
    /// The sum of the phases' time estimates, when any phase has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// Each phase's title and time estimate, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PhasePlan>,
    /// What the team hands in: the titles of the competition entry's parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hands_in: Vec<Text>,
}

/// A phase as a challenge card shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PhasePlan {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// The first paragraph of a rich text (up to its first blank line).
pub fn first_paragraph(text: &Text) -> Text {
    text.map(|s| {
        s.trim()
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RoleModelSummary {
    pub name: String,
    #[serde(default)]
    pub fictional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Text>,
    pub sector: Sector,
    pub levels: Vec<Level>,
    pub headline: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portrait: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CanvasSummary {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Text>,
}

/// A course's card: what the course list shows, and the files it names, so the list can
/// add up hours and progress from the lessons' own summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CourseSummary {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    /// How many weeks the course has.
    pub weeks: usize,
    /// Its lessons, each once, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lessons: Vec<Id>,
    /// Its challenges, each once, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Id>,
}

impl From<&Course> for CourseSummary {
    fn from(c: &Course) -> CourseSummary {
        CourseSummary {
            title: c.title.clone(),
            summary: c.summary.clone(),
            levels: c.levels.clone(),
            subjects: c.subjects.clone(),
            weeks: c.weeks.len(),
            lessons: c.lessons(),
            challenges: c.challenges(),
        }
    }
}

impl From<&Lesson> for LessonSummary {
    fn from(lesson: &Lesson) -> LessonSummary {
        LessonSummary {
            title: lesson.title.clone(),
            summary: lesson.summary.clone(),
            image: lesson.image.clone(),
            levels: lesson.levels.clone(),
            minutes: lesson.minutes,
            competences: lesson.competences.clone(),
            dimensions: lesson.dimensions.clone(),
            subjects: lesson.subjects.clone(),
            role_models: lesson.linked_role_models(),
            steps: lesson.steps.len(),
            tasks: lesson
                .steps
                .iter()
                .filter(|slot| slot.ready().is_some_and(|s| !matches!(s, Step::Read(_))))
                .count(),
            kinds: lesson.steps.iter().filter_map(|slot| slot.ready()).fold(
                Vec::new(),
                |mut kinds, step| {
                    let kind = step.type_name();
                    if !kinds.iter().any(|k| k == kind) {
                        kinds.push(kind.to_string());
                    }
                    kinds
                },
            ),
        }
    }
}

impl From<&Challenge> for ChallengeSummary {
    fn from(c: &Challenge) -> ChallengeSummary {
        ChallengeSummary {
            title: c.title.clone(),
            levels: c.levels.clone(),
            format: c.format,
            theme: c.theme.clone(),
            host: c.host.clone(),
            phases: c.phases.len(),
            role_models: unique(c.steps().filter_map(|slot| match slot.ready() {
                Some(Step::RoleModel(r)) => Some(&r.profile),
                _ => None,
            })),
            brief: c.brief.as_ref().map(first_paragraph),
            minutes: c.minutes(),
            plan: c
                .phases
                .iter()
                .map(|p| PhasePlan {
                    title: p.title.clone(),
                    minutes: p.minutes,
                })
                .collect(),
            hands_in: c.entry.iter().map(|e| e.title.clone()).collect(),
        }
    }
}

impl From<&RoleModel> for RoleModelSummary {
    fn from(m: &RoleModel) -> RoleModelSummary {
        RoleModelSummary {
            name: m.name.clone(),
            fictional: m.fictional,
            business: m.business.clone(),
            sector: m.sector,
            levels: m.levels.clone(),
            headline: m.headline.clone(),
            portrait: m.portrait.clone(),
        }
    }
}

impl From<&CanvasTemplate> for CanvasSummary {
    fn from(c: &CanvasTemplate) -> CanvasSummary {
        CanvasSummary {
            title: c.title.clone(),
            levels: c.levels.clone(),
            attribution: c.attribution.clone(),
        }
    }
}

/// A kind of content file with a card summary: how to load it and where its summaries live.
pub trait Summarise: Sized + Send + Sync + 'static {
    type Summary: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static;
    const KIND: ContentKind;

    fn summarise(&self) -> Self::Summary;
    /// Parses and validates the file `id` (see [`load`]).
    fn load(id: &str, text: &str, index: &ContentIndex) -> Result<Loaded<Self>, Problem>;
    fn entries(all: &Summaries) -> &BTreeMap<Id, Hashed<Self::Summary>>;
    fn entries_mut(all: &mut Summaries) -> &mut BTreeMap<Id, Hashed<Self::Summary>>;
}

impl Summarise for Lesson {
    type Summary = LessonSummary;
    const KIND: ContentKind = ContentKind::Lesson;
    fn summarise(&self) -> LessonSummary {
        self.into()
    }
    fn load(id: &str, text: &str, index: &ContentIndex) -> Result<Loaded<Self>, Problem> {
        load::load_lesson(id, text, index)
    }
    fn entries(all: &Summaries) -> &BTreeMap<Id, Hashed<LessonSummary>> {
        &all.lessons
    }
    fn entries_mut(all: &mut Summaries) -> &mut BTreeMap<Id, Hashed<LessonSummary>> {
        &mut all.lessons
    }
}

impl Summarise for Challenge {
    type Summary = ChallengeSummary;
    const KIND: ContentKind = ContentKind::Challenge;
    fn summarise(&self) -> ChallengeSummary {
        self.into()
    }
    fn load(id: &str, text: &str, index: &ContentIndex) -> Result<Loaded<Self>, Problem> {
        load::load_challenge(id, text, index)
    }
    fn entries(all: &Summaries) -> &BTreeMap<Id, Hashed<ChallengeSummary>> {
        &all.challenges
    }
    fn entries_mut(all: &mut Summaries) -> &mut BTreeMap<Id, Hashed<ChallengeSummary>> {
        &mut all.challenges
    }
}

impl Summarise for RoleModel {
    type Summary = RoleModelSummary;
    const KIND: ContentKind = ContentKind::RoleModel;
    fn summarise(&self) -> RoleModelSummary {
        self.into()
    }
    fn load(id: &str, text: &str, _: &ContentIndex) -> Result<Loaded<Self>, Problem> {
        load::load_role_model(id, text)
    }
    fn entries(all: &Summaries) -> &BTreeMap<Id, Hashed<RoleModelSummary>> {
        &all.role_models
    }
    fn entries_mut(all: &mut Summaries) -> &mut BTreeMap<Id, Hashed<RoleModelSummary>> {
        &mut all.role_models
    }
}

impl Summarise for CanvasTemplate {
    type Summary = CanvasSummary;
    const KIND: ContentKind = ContentKind::Canvas;
    fn summarise(&self) -> CanvasSummary {
        self.into()
    }
    fn load(id: &str, text: &str, _: &ContentIndex) -> Result<Loaded<Self>, Problem> {
        load::load_canvas(id, text)
    }
    fn entries(all: &Summaries) -> &BTreeMap<Id, Hashed<CanvasSummary>> {
        &all.canvases
    }
    fn entries_mut(all: &mut Summaries) -> &mut BTreeMap<Id, Hashed<CanvasSummary>> {
        &mut all.canvases
    }
}

impl Summarise for Course {
    type Summary = CourseSummary;
    const KIND: ContentKind = ContentKind::Course;
    fn summarise(&self) -> CourseSummary {
        self.into()
    }
    fn load(id: &str, text: &str, index: &ContentIndex) -> Result<Loaded<Self>, Problem> {
        load::load_course(id, text, index)
    }
    fn entries(all: &Summaries) -> &BTreeMap<Id, Hashed<CourseSummary>> {
        &all.courses
    }
    fn entries_mut(all: &mut Summaries) -> &mut BTreeMap<Id, Hashed<CourseSummary>> {
        &mut all.courses
    }
}

/// The `summaries` of `index.json`: per kind, id → summary. Written in a fixed order
/// (kinds as below, ids sorted) so the generated file diffs cleanly.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Summaries {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lessons: BTreeMap<Id, Hashed<LessonSummary>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub canvases: BTreeMap<Id, Hashed<CanvasSummary>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub challenges: BTreeMap<Id, Hashed<ChallengeSummary>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub role_models: BTreeMap<Id, Hashed<RoleModelSummary>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub courses: BTreeMap<Id, Hashed<CourseSummary>>,
}

/// Never fails: what cannot be read is left out (see [`Summaries::read`]).
impl<'de> Deserialize<'de> for Summaries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        Ok(Summaries::read(value).0)
    }
}

/// [`Summaries::read`] a few entries at a time, so that a large index can be read across
/// several short tasks of the browser's main thread rather than in one long one. The
/// result and the problems, in their order, are the same however many entries each step
/// reads.
pub struct SummariesReading {
    out: Summaries,
    problems: Vec<Problem>,
    pending: std::vec::IntoIter<Pending>,
}

/// What is left to read: an entry of a kind, or a problem met when the kinds were listed,
/// kept in its place so the problems come in the order of the file.
enum Pending {
    Entry(ContentKind, String, Value),
    Problem(Problem),
}

impl SummariesReading {
    /// Lists the entries of each kind in `value`; reads none of them yet.
    pub fn new(value: Value) -> SummariesReading {
        let mut pending = Vec::new();
        match object(value) {
            Ok(kinds) => {
                for (key, entries) in kinds {
                    list_kind(key, entries, &mut pending);
                }
            }
            Err(message) => pending.push(Pending::Problem(unreadable(
                json_path!["summaries"],
                message,
            ))),
        }
        SummariesReading {
            out: Summaries::default(),
            problems: Vec::new(),
            pending: pending.into_iter(),
        }
    }

    /// Reads up to `entries` more; whether all are read.
    pub fn read(&mut self, entries: usize) -> bool {
        for next in self.pending.by_ref().take(entries) {
            match next {
                Pending::Entry(kind, id, entry) => {
                    read_entry(&mut self.out, kind, id, entry, &mut self.problems)
                }
                Pending::Problem(problem) => self.problems.push(problem),
            }
        }
        self.pending.len() == 0
    }

    pub fn finish(self) -> (Summaries, Vec<Problem>) {
        (self.out, self.problems)
    }
}

fn list_kind(key: String, entries: Value, pending: &mut Vec<Pending>) {
    let Some(kind) = ContentKind::ALL.into_iter().find(|k| k.index_key() == key) else {
        return pending.push(Pending::Problem(unreadable(
            json_path!["summaries", key.as_str()],
            format!(
                "unknown field `{key}`, expected one of `lessons`, `canvases`, \
                 `challenges`, `role_models`, `courses`"
            ),
        )));
    };
    match object(entries) {
        Ok(entries) => pending.extend(
            entries
                .into_iter()
                .map(|(id, entry)| Pending::Entry(kind, id, entry)),
        ),
        Err(message) => pending.push(Pending::Problem(unreadable(
            json_path!["summaries", kind.index_key()],
            message,
        ))),
    }
}

fn read_entry(
    all: &mut Summaries,
    kind: ContentKind,
    id: String,
    entry: Value,
    problems: &mut Vec<Problem>,
) {
    fn read<T: Summarise>(
        all: &mut Summaries,
        id: String,
        entry: Value,
        problems: &mut Vec<Problem>,
    ) {
        let at = json_path!["summaries", T::KIND.index_key(), id.as_str()];
        let id = match serde_json::from_value::<Id>(Value::String(id.clone())) {
            Ok(id) => id,
            Err(e) => return problems.push(unreadable(at, e.to_string())),
        };
        match Hashed::<T::Summary>::from_value(entry) {
            Ok(summary) => {
                T::entries_mut(all).insert(id, summary);
            }
            Err(e) => problems.push(unreadable(at, e.to_string())),
        }
    }
    match kind {
        ContentKind::Lesson => read::<Lesson>(all, id, entry, problems),
        ContentKind::Canvas => read::<CanvasTemplate>(all, id, entry, problems),
        ContentKind::Challenge => read::<Challenge>(all, id, entry, problems),
        ContentKind::RoleModel => read::<RoleModel>(all, id, entry, problems),
        ContentKind::Course => read::<Course>(all, id, entry, problems),
    }
}

/// How a summary stands against the file it describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Freshness {
    Fresh,
    /// The file's hash differs: it was edited after the summary was made.
    Stale,
    /// The hash matches but this field differs (the summary was edited by hand, or made by
    /// another version of the command).
    Differs(String),
}

/// Summary fields added after content format v1: optional in an index.
const ADDED_SINCE_V1: &[&str] = &["kinds", "image"];

impl Summaries {
    pub fn is_empty(&self) -> bool {
        self.lessons.is_empty()
            && self.canvases.is_empty()
            && self.challenges.is_empty()
            && self.role_models.is_empty()
            && self.courses.is_empty()
    }

    /// Reads the value of `summaries` leniently: each entry that is malformed, partial or
    /// keyed by a bad id is left out, with a problem saying why (the app ignores the
    /// problems and fetches those files; the checker reports them).
    pub fn read(value: Value) -> (Summaries, Vec<Problem>) {
        let mut reading = SummariesReading::new(value);
        while !reading.read(usize::MAX) {}
        reading.finish()
    }

    /// The summary of `id`, if there is a readable one.
    pub fn get<T: Summarise>(&self, id: &str) -> Option<&Hashed<T::Summary>> {
        T::entries(self).get(id)
    }

    /// Stores the summary of `value`, made from the file `text`.
    pub fn insert<T: Summarise>(&mut self, id: Id, text: &str, value: &T) {
        let summary = Hashed {
            hash: content_hash(text.as_bytes()),
            summary: value.summarise(),
        };
        T::entries_mut(self).insert(id, summary);
    }

    /// Parses the file `text` of `kind` and stores its summary; the problem that stops the
    /// file from parsing otherwise (it then gets no summary).
    pub fn add_file(
        &mut self,
        kind: ContentKind,
        id: &Id,
        text: &str,
        index: &ContentIndex,
    ) -> Result<(), Problem> {
        fn add<T: Summarise>(
            all: &mut Summaries,
            id: &Id,
            text: &str,
            index: &ContentIndex,
        ) -> Result<(), Problem> {
            let loaded = T::load(id.as_str(), text, index)?;
            all.insert(id.clone(), text, &loaded.value);
            Ok(())
        }
        match kind {
            ContentKind::Lesson => add::<Lesson>(self, id, text, index),
            ContentKind::Canvas => add::<CanvasTemplate>(self, id, text, index),
            ContentKind::Challenge => add::<Challenge>(self, id, text, index),
            ContentKind::RoleModel => add::<RoleModel>(self, id, text, index),
            ContentKind::Course => add::<Course>(self, id, text, index),
        }
    }

    /// The ids that have a summary of `kind`, sorted.
    pub fn ids(&self, kind: ContentKind) -> Vec<&Id> {
        match kind {
            ContentKind::Lesson => self.lessons.keys().collect(),
            ContentKind::Canvas => self.canvases.keys().collect(),
            ContentKind::Challenge => self.challenges.keys().collect(),
            ContentKind::RoleModel => self.role_models.keys().collect(),
            ContentKind::Course => self.courses.keys().collect(),
        }
    }

    /// Leaves out the summaries of ids that `index` does not list.
    pub fn retain_listed(&mut self, index: &ContentIndex) {
        let listed = |kind: ContentKind, id: &Id| index.has(kind, id.as_str());
        self.lessons.retain(|id, _| listed(ContentKind::Lesson, id));
        self.canvases
            .retain(|id, _| listed(ContentKind::Canvas, id));
        self.challenges
            .retain(|id, _| listed(ContentKind::Challenge, id));
        self.role_models
            .retain(|id, _| listed(ContentKind::RoleModel, id));
        self.courses.retain(|id, _| listed(ContentKind::Course, id));
    }

    /// The hash and the fields (as JSON, without the hash) of the summary of `id`.
    fn entry(&self, kind: ContentKind, id: &str) -> Option<(String, Map<String, Value>)> {
        fn of<T: Summarise>(all: &Summaries, id: &str) -> Option<(String, Map<String, Value>)> {
            let entry = all.get::<T>(id)?;
            let fields = match serde_json::to_value(&entry.summary) {
                Ok(Value::Object(fields)) => fields,
                _ => Map::new(),
            };
            Some((entry.hash.clone(), fields))
        }
        match kind {
            ContentKind::Lesson => of::<Lesson>(self, id),
            ContentKind::Canvas => of::<CanvasTemplate>(self, id),
            ContentKind::Challenge => of::<Challenge>(self, id),
            ContentKind::RoleModel => of::<RoleModel>(self, id),
            ContentKind::Course => of::<Course>(self, id),
        }
    }

    /// Whether the summary of `id` still describes the file `text`; `None` when there is
    /// no summary. A file that does not parse is not compared field by field: its own
    /// problem is what an author must fix.
    pub fn freshness(
        &self,
        kind: ContentKind,
        id: &Id,
        text: &str,
        index: &ContentIndex,
    ) -> Option<Freshness> {
        let (hash, fields) = self.entry(kind, id.as_str())?;
        if hash != content_hash(text.as_bytes()) {
            return Some(Freshness::Stale);
        }
        let mut fresh = Summaries::default();
        if fresh.add_file(kind, id, text, index).is_err() {
            return Some(Freshness::Fresh);
        }
        let (_, from_file) = fresh.entry(kind, id.as_str())?;
        let mut keys: Vec<&String> = fields.keys().chain(from_file.keys()).collect();
        crate::core::sort::sort(&mut keys);
        keys.dedup();
        // An index written before a field was added is not stale for lacking it.
        keys.retain(|k| fields.contains_key(*k) || !ADDED_SINCE_V1.contains(&k.as_str()));
        Some(
            match keys
                .into_iter()
                .find(|k| fields.get(*k) != from_file.get(*k))
            {
                Some(field) => Freshness::Differs(field.clone()),
                None => Freshness::Fresh,
            },
        )
    }
}

/// The entries of an object, or serde's words for what the value is instead.
fn object(value: Value) -> Result<Map<String, Value>, String> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(serde_json::from_value::<Map<String, Value>>(other)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_else(|| "expected an object".to_string())),
    }
}

fn unreadable(path: super::problem::JsonPath, message: String) -> Problem {
    Problem {
        path,
        kind: ProblemKind::SummaryUnreadable(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;
    use serde_json::json;

    const LESSON: &str = r#"{"id":"sprint","title":{"da":"Sprint","en":"Sprint"},
        "summary":"Find problems","levels":["mellemtrin"],"minutes":45,
        "competences":["creativity"],"dimensions":["kreativitet"],
        "steps":[{"type":"read","id":"r","body":"x"},
                 {"type":"prompt","id":"p","question":"Why?"},
                 {"type":"dance","id":"d"},
                 {"type":"checklist","id":"c","items":["a"]}]}"#;

    fn index() -> ContentIndex {
        parse_json(r#"{"lessons":["sprint"],"role_models":["maja"]}"#).unwrap()
    }

    #[test]
    fn hash_is_fnv1a_64() {
        // The published FNV-1a test vectors.
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
        assert_eq!(content_hash(b"foobar"), "85944171f73967e8");
        assert_ne!(content_hash(b"{\"a\":1}"), content_hash(b"{\"a\":2}"));
    }

    #[test]
    fn lesson_summary_counts_steps_and_tasks() {
        let lesson: Lesson = parse_json(LESSON).unwrap();
        let s = LessonSummary::from(&lesson);
        assert_eq!(
            (s.steps, s.tasks),
            (4, 2),
            "read and the broken step take no answer"
        );
        assert_eq!(s.minutes, Some(45));
        assert_eq!(s.levels, vec![Level::Mellemtrin]);
        assert_eq!(s.title, lesson.title);
    }

    #[test]
    fn summaries_round_trip_and_skip_empty_fields() {
        let mut all = Summaries::default();
        let lesson: Lesson = parse_json(LESSON).unwrap();
        all.insert(Id::new("sprint").unwrap(), LESSON, &lesson);
        let model: RoleModel = parse_json(
            r#"{"id":"maja","name":"Maja","sector":"crafts","levels":["indskoling"],
                "headline":"Hi","story":"Long"}"#,
        )
        .unwrap();
        all.insert(Id::new("maja").unwrap(), "x", &model);
        let value = serde_json::to_value(&all).unwrap();
        assert_eq!(
            value["lessons"]["sprint"]["hash"],
            content_hash(LESSON.as_bytes())
        );
        assert_eq!(value["lessons"]["sprint"]["tasks"], 2);
        assert!(value["role_models"]["maja"].get("portrait").is_none());
        assert!(value.get("canvases").is_none());
        let (back, problems) = Summaries::read(value);
        assert_eq!(back, all);
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// The reader `Hashed` had when it derived `Deserialize` with `flatten`.
    mod derived {
        #[derive(Debug, serde::Deserialize)]
        pub struct Hashed<S> {
            pub hash: String,
            #[serde(flatten)]
            pub summary: S,
        }
    }

    #[test]
    fn hashed_reads_and_fails_as_the_derived_reader_did() {
        let good =
            json!({"hash": "00", "title": "T", "levels": ["udskoling"], "steps": 1, "tasks": 0});
        let cases = [
            good.clone(),
            json!({"title": "T", "levels": [], "steps": 1, "tasks": 0, "extra": [1]}),
            json!({"hash": 7, "title": "T", "levels": [], "steps": 1, "tasks": 0}),
            json!({"hash": null}),
            json!({"hash": "00", "title": "T"}),
            json!({"hash": "00", "title": 3, "levels": "x", "steps": -1, "tasks": 0}),
            json!({"hash": "00", "title": "T", "levels": ["space"], "steps": 1, "tasks": 0}),
            json!({"hash": "00", "title": {"da": "D"}, "levels": [], "steps": 1.5, "tasks": 0}),
            json!({}),
            json!(null),
            json!(true),
            json!(3),
            json!(-3),
            json!(2.5),
            json!("x"),
            json!([good]),
        ];
        for case in cases {
            let ours = Hashed::<LessonSummary>::from_value(case.clone())
                .map(|h| (h.hash, h.summary))
                .map_err(|e| e.to_string());
            let derived = serde_json::from_value::<derived::Hashed<LessonSummary>>(case.clone())
                .map(|h| (h.hash, h.summary))
                .map_err(|e| e.to_string());
            assert_eq!(ours, derived, "{case}");
        }
    }

    #[test]
    fn reading_is_lenient_entry_by_entry() {
        let good =
            json!({"hash": "00", "title": "T", "levels": ["udskoling"], "steps": 1, "tasks": 0});
        let value = json!({
            "lessons": {
                "good": good,
                "partial": {"hash": "00", "title": "T"},
                "bad-level": {"hash": "00", "title": "T", "levels": ["space"], "steps": 1, "tasks": 0},
                "Bad Id": good,
                "newer": {"hash": "00", "title": "T", "levels": [], "steps": 1, "tasks": 0, "stars": 5}
            },
            "canvases": 3,
            "videos": {}
        });
        let (all, problems) = Summaries::read(value);
        let ids: Vec<&str> = all.lessons.keys().map(Id::as_str).collect();
        assert_eq!(
            ids,
            ["good", "newer"],
            "unknown fields in an entry are ignored"
        );
        let paths: Vec<String> = problems
            .iter()
            .map(|p| super::super::problem::path_to_string(&p.path))
            .collect();
        assert_eq!(
            paths,
            [
                "summaries.canvases",
                "summaries.lessons.Bad Id",
                "summaries.lessons.bad-level",
                "summaries.lessons.partial",
                "summaries.videos"
            ]
        );
        for value in [json!(null), json!([1]), json!("x")] {
            let (all, problems) = Summaries::read(value.clone());
            assert!(all.is_empty() && problems.len() == 1, "{value}");
        }
    }

    #[test]
    fn a_broken_summary_never_fails_the_index() {
        for summaries in ["3", "null", "[]", r#"{"lessons": {"sprint": 1}}"#] {
            let text = format!(r#"{{"lessons": ["sprint"], "summaries": {summaries}}}"#);
            let index = load::parse_index(&text).unwrap_or_else(|p| panic!("{summaries}: {p}"));
            assert_eq!(index.lessons.len(), 1);
            assert!(index.summaries.is_empty(), "{summaries}");
        }
        // Unknown keys outside `summaries` are still errors, as before.
        assert!(load::parse_index(r#"{"lessons": [], "extra": 1}"#).is_err());
    }

    #[test]
    fn summaries_of_unlisted_ids_are_dropped() {
        let text = json!({
            "lessons": ["sprint"],
            "summaries": {"lessons": {
                "sprint": {"hash": "1", "title": "A", "levels": [], "steps": 1, "tasks": 1},
                "ghost": {"hash": "1", "title": "B", "levels": [], "steps": 1, "tasks": 1}
            }}
        })
        .to_string();
        let index = load::parse_index(&text).unwrap();
        assert!(index.summaries.get::<Lesson>("sprint").is_some());
        assert!(index.summaries.get::<Lesson>("ghost").is_none());
    }

    #[test]
    fn freshness_compares_hash_then_fields() {
        let id = Id::new("sprint").unwrap();
        let mut all = Summaries::default();
        all.add_file(ContentKind::Lesson, &id, LESSON, &index())
            .unwrap();
        let fresh = all.freshness(ContentKind::Lesson, &id, LESSON, &index());
        assert_eq!(fresh, Some(Freshness::Fresh));

        let mut without_kinds = all.clone();
        if let Some(entry) = without_kinds.lessons.get_mut(&id) {
            entry.summary.kinds.clear();
        }
        assert_eq!(
            without_kinds.freshness(ContentKind::Lesson, &id, LESSON, &index()),
            Some(Freshness::Fresh),
            "an index from before `kinds` is not stale"
        );

        let edited = LESSON.replace("45", "50");
        let stale = all.freshness(ContentKind::Lesson, &id, &edited, &index());
        assert_eq!(stale, Some(Freshness::Stale));

        all.lessons.get_mut("sprint").unwrap().summary.minutes = Some(10);
        let differs = all.freshness(ContentKind::Lesson, &id, LESSON, &index());
        assert_eq!(differs, Some(Freshness::Differs("minutes".into())));

        let none = all.freshness(ContentKind::Canvas, &id, LESSON, &index());
        assert_eq!(none, None);
    }

    #[test]
    fn a_file_that_does_not_parse_gets_no_summary() {
        let mut all = Summaries::default();
        let id = Id::new("sprint").unwrap();
        let err = all.add_file(ContentKind::Lesson, &id, "{", &index());
        assert!(err.is_err());
        assert!(all.is_empty());
    }

    /// An index with a bit of everything the reader must keep apart: good entries of
    /// several kinds, a malformed entry, a bad id, an unknown kind and a kind that is not
    /// an object, in that order.
    fn mixed_summaries() -> Value {
        json!({
            "lessons": {
                "sprint": {"hash": "1", "title": "A", "levels": [], "steps": 1, "tasks": 1},
                "Bad Id": {"hash": "1", "title": "B", "levels": [], "steps": 1, "tasks": 1},
                "broken": {"title": "C"}
            },
            "gadgets": {},
            "canvases": 3,
            "courses": {"uge": {"hash": "2", "title": "Uge", "levels": [], "weeks": 1}}
        })
    }

    #[test]
    fn reading_in_steps_gives_what_reading_at_once_gives() {
        let whole = Summaries::read(mixed_summaries());
        assert!(
            whole.1.len() >= 4,
            "the fixture has problems: {:?}",
            whole.1
        );
        for step in [1, 2, 3, 7] {
            let mut reading = SummariesReading::new(mixed_summaries());
            let mut steps = 1;
            while !reading.read(step) {
                steps += 1;
            }
            assert!(
                step > 1 || steps > 4,
                "one entry per step takes several steps"
            );
            let stepped = reading.finish();
            assert_eq!(stepped.0, whole.0, "summaries, {step} per step");
            assert_eq!(
                stepped.1, whole.1,
                "problems and their order, {step} per step"
            );
        }
    }

    #[test]
    fn the_index_read_in_steps_fails_as_the_typed_index_does() {
        let bad = [
            r#"{"lessons": [], "extra": 1}"#,
            r#"{"lessons": "sprint"}"#,
            r#"{"lessons": ["Not An Id"]}"#,
            r#"{"lessons": [], "lessons": []}"#,
            r#"{"$schema": 3}"#,
            r#"3"#,
            r#"{"lessons": ["#,
        ];
        for text in bad {
            let typed = load::parse_json::<ContentIndex>(text).unwrap_err();
            let stepped = load::IndexReading::start(text).err();
            assert_eq!(stepped, Some(typed), "{text}");
        }
        let good = json!({"lessons": ["sprint", "broken"], "courses": ["uge"],
            "summaries": mixed_summaries()})
        .to_string();
        let mut typed = load::parse_json::<ContentIndex>(&good).unwrap();
        let mut summaries = std::mem::take(&mut typed.summaries);
        summaries.retain_listed(&typed);
        typed.summaries = summaries;
        let mut reading = load::IndexReading::start(&good).unwrap();
        while !reading.read(1) {}
        let stepped = reading.finish();
        assert_eq!(stepped, typed);
        assert!(stepped.summaries.get::<Lesson>("sprint").is_some());
    }
}
