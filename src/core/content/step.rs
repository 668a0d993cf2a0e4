//! The thirteen step types of lessons and challenges (v1.1 adds `sketch`, `photo` and
//! `voice`), and the slot that keeps a broken step apart.

use super::id::Id;
use crate::core::text::Text;
use serde::{Deserialize, Deserializer, Serialize};

macro_rules! step_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Unique within the lesson or challenge; keys the pupil's saved answer.
            pub id: Id,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub title: Option<Text>,
            /// Shows the pupil's own answer to an earlier step with this one (v1.1).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub recall: Option<Recall>,
            $($(#[$fmeta])* pub $field: $ty,)*
        }
    };
}

/// A pupil's own earlier answer, shown read-only with a step (content format v1.1), e.g.
/// `{"lesson": "ide-storm", "step": "ideas"}`. Without `lesson` and `challenge` it names a
/// step of the same lesson or challenge (an earlier phase).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recall {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<Id>,
    /// The id of the step whose answer is shown.
    pub step: Id,
    /// A heading for the recalled answer, e.g. "Husk jeres idé".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

step_struct!(
    /// Text to read, or hear read aloud.
    ReadStep {
        /// Rich text (Markdown subset).
        body: Text,
        /// A relative path inside the content folder, e.g. `media/idea.svg`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        image: Option<String>,
    }
);

step_struct!(
    /// A free-text answer.
    PromptStep {
        question: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hint: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_chars: Option<u32>,
        /// Ways the pupil may answer besides typing (v1.1), e.g. `["text", "sketch", "voice"]`.
        /// Without it the answer is typed text only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        answer_with: Option<Vec<AnswerMode>>,
    }
);

/// A way of answering a `prompt` (content format v1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnswerMode {
    Text,
    Sketch,
    Photo,
    Voice,
}

impl PromptStep {
    /// The ways this prompt may be answered, text first when it is among them.
    pub fn modes(&self) -> Vec<AnswerMode> {
        match &self.answer_with {
            None => vec![AnswerMode::Text],
            Some(list) if list.is_empty() => vec![AnswerMode::Text],
            Some(list) => {
                let mut out: Vec<AnswerMode> = Vec::new();
                for m in list {
                    if !out.contains(m) {
                        out.push(*m);
                    }
                }
                out
            }
        }
    }
}

step_struct!(
    /// Draw an answer on a sketch pad (v1.1), optionally over a background image.
    SketchStep {
        question: Text,
        /// A relative path inside the content folder, e.g. `media/frame.svg`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        background: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hint: Option<Text>,
    }
);

step_struct!(
    /// Take or choose photos, e.g. of a prototype (v1.1).
    PhotoStep {
        question: Text,
        /// How many photos the pupil may keep (1–10, default 3).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hint: Option<Text>,
    }
);

step_struct!(
    /// Record a spoken answer (v1.1).
    VoiceStep {
        question: Text,
        /// The longest recording in seconds (5–300, default 60).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_seconds: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hint: Option<Text>,
    }
);

impl PhotoStep {
    pub const DEFAULT_MAX: u32 = 3;
    pub const LIMIT: u32 = 10;

    pub fn max(&self) -> u32 {
        self.max.unwrap_or(Self::DEFAULT_MAX).clamp(1, Self::LIMIT)
    }
}

impl VoiceStep {
    pub const DEFAULT_SECONDS: u32 = 60;
    pub const MIN_SECONDS: u32 = 5;
    pub const MAX_SECONDS: u32 = 300;

    pub fn max_seconds(&self) -> u32 {
        self.max_seconds
            .unwrap_or(Self::DEFAULT_SECONDS)
            .clamp(Self::MIN_SECONDS, Self::MAX_SECONDS)
    }
}

step_struct!(
    /// Pick one or several options; feedback only where `correct` is given.
    ChoiceStep {
        question: Text,
        /// Texts, or (v1.1) picture options `{"text": …, "image": "media/x.svg"}`.
        options: Vec<ChoiceOption>,
        #[serde(default)]
        multiple: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        correct: Option<Vec<usize>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        explanation: Option<Text>,
    }
);

/// One option of a choice step: a text, or (content format v1.1) a text with a picture,
/// `{"text": {"da": "Sol", "en": "Sun"}, "image": "media/sun.svg"}`. The text is the
/// option's accessible name and the picture's alternative text.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    pub text: Text,
    /// A relative path inside the content folder to an SVG, PNG or WebP picture.
    pub image: Option<String>,
}

impl ChoiceOption {
    pub fn text(text: Text) -> ChoiceOption {
        ChoiceOption { text, image: None }
    }
}

impl From<Text> for ChoiceOption {
    fn from(text: Text) -> ChoiceOption {
        ChoiceOption::text(text)
    }
}

/// An option without a picture is written as its text, as in format v1.
impl Serialize for ChoiceOption {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.image {
            None => self.text.serialize(s),
            Some(image) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("text", &self.text)?;
                map.serialize_entry("image", image)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for ChoiceOption {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(d)?;
        let is_picture = value
            .as_object()
            .is_some_and(|m| m.contains_key("text") || m.contains_key("image"));
        if !is_picture {
            return Text::deserialize(value)
                .map(ChoiceOption::text)
                .map_err(D::Error::custom);
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Picture {
            text: Text,
            #[serde(default)]
            image: Option<String>,
        }
        let p = Picture::deserialize(value).map_err(|e| {
            D::Error::custom(format!(
                "an option is a text or {{\"text\": …, \"image\": \"media/….svg\"}}: {e}"
            ))
        })?;
        Ok(ChoiceOption {
            text: p.text,
            image: p.image,
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for ChoiceOption {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ChoiceOption".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let text = generator.subschema_for::<Text>();
        schemars::json_schema!({
            "description": "An option: a text, or (v1.1) a picture option with its text, which is also the picture's alternative text.",
            "anyOf": [
                text,
                {"type": "object",
                 "properties": {
                     "text": text,
                     "image": {"type": "string", "description": "A relative path inside the content folder to an SVG, PNG or WebP picture, e.g. `media/sun.svg`."}
                 },
                 "required": ["text"],
                 "additionalProperties": false}
            ]
        })
    }
}

step_struct!(
    /// List ideas, optionally against a timer.
    BrainstormStep {
        question: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minutes: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target: Option<u32>,
    }
);

step_struct!(
    /// Dot-vote the ideas of a brainstorm step, or score them on criteria 1–5.
    VoteStep {
        /// The id of a brainstorm step.
        from: Id,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        votes: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        criteria: Option<Vec<Text>>,
    }
);

step_struct!(
    /// Fill a canvas template with notes.
    CanvasStep {
        canvas: Id,
    }
);

step_struct!(
    /// Tick items off.
    ChecklistStep {
        items: Vec<Text>,
    }
);

step_struct!(
    /// Meet a role model and answer reflection questions.
    RoleModelStep {
        profile: Id,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        questions: Option<Vec<Text>>,
    }
);

step_struct!(
    /// Write a pitch per section and rehearse it against a timer.
    PitchStep {
        seconds: u32,
        sections: Vec<Text>,
    }
);

step_struct!(
    /// Rate one's own work on each criterion, with a comment.
    RubricStep {
        criteria: Vec<RubricCriterion>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scale: Option<u8>,
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RubricCriterion {
    pub id: Id,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

impl RubricStep {
    pub const DEFAULT_SCALE: u8 = 4;

    pub fn scale(&self) -> u8 {
        self.scale.unwrap_or(Self::DEFAULT_SCALE).clamp(2, 10)
    }
}

impl VoteStep {
    pub const DEFAULT_VOTES: u32 = 3;

    pub fn votes(&self) -> u32 {
        self.votes.unwrap_or(Self::DEFAULT_VOTES)
    }
}

/// One step of a lesson or challenge phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Step {
    Read(ReadStep),
    Prompt(PromptStep),
    Choice(ChoiceStep),
    Brainstorm(BrainstormStep),
    Vote(VoteStep),
    Canvas(CanvasStep),
    Checklist(ChecklistStep),
    RoleModel(RoleModelStep),
    Pitch(PitchStep),
    Rubric(RubricStep),
    Sketch(SketchStep),
    Photo(PhotoStep),
    Voice(VoiceStep),
}

pub const STEP_TYPES: [&str; 13] = [
    "read",
    "prompt",
    "choice",
    "brainstorm",
    "vote",
    "canvas",
    "checklist",
    "role_model",
    "pitch",
    "rubric",
    "sketch",
    "photo",
    "voice",
];

impl Step {
    /// Whether the step draws with a device tool or the canvas board: the board, the sketch
    /// pad, the camera or the voice recorder (a prompt that may be answered with one of
    /// them too). The app fetches their code apart, when a step that needs it is near.
    pub fn uses_tools(&self) -> bool {
        match self {
            Step::Canvas(_) | Step::Sketch(_) | Step::Photo(_) | Step::Voice(_) => true,
            Step::Prompt(p) => p.modes().iter().any(|m| *m != AnswerMode::Text),
            _ => false,
        }
    }

    pub fn id(&self) -> &Id {
        match self {
            Step::Read(s) => &s.id,
            Step::Prompt(s) => &s.id,
            Step::Choice(s) => &s.id,
            Step::Brainstorm(s) => &s.id,
            Step::Vote(s) => &s.id,
            Step::Canvas(s) => &s.id,
            Step::Checklist(s) => &s.id,
            Step::RoleModel(s) => &s.id,
            Step::Pitch(s) => &s.id,
            Step::Rubric(s) => &s.id,
            Step::Sketch(s) => &s.id,
            Step::Photo(s) => &s.id,
            Step::Voice(s) => &s.id,
        }
    }

    pub fn title(&self) -> Option<&Text> {
        match self {
            Step::Read(s) => s.title.as_ref(),
            Step::Prompt(s) => s.title.as_ref(),
            Step::Choice(s) => s.title.as_ref(),
            Step::Brainstorm(s) => s.title.as_ref(),
            Step::Vote(s) => s.title.as_ref(),
            Step::Canvas(s) => s.title.as_ref(),
            Step::Checklist(s) => s.title.as_ref(),
            Step::RoleModel(s) => s.title.as_ref(),
            Step::Pitch(s) => s.title.as_ref(),
            Step::Rubric(s) => s.title.as_ref(),
            Step::Sketch(s) => s.title.as_ref(),
            Step::Photo(s) => s.title.as_ref(),
            Step::Voice(s) => s.title.as_ref(),
        }
    }

    /// What names the step in a list: its title, else its question.
    pub fn label(&self) -> Option<&Text> {
        self.title().or(match self {
            Step::Prompt(s) => Some(&s.question),
            Step::Choice(s) => Some(&s.question),
            Step::Brainstorm(s) => Some(&s.question),
            Step::Sketch(s) => Some(&s.question),
            Step::Photo(s) => Some(&s.question),
            Step::Voice(s) => Some(&s.question),
            _ => None,
        })
    }

    pub fn recall(&self) -> Option<&Recall> {
        match self {
            Step::Read(s) => s.recall.as_ref(),
            Step::Prompt(s) => s.recall.as_ref(),
            Step::Choice(s) => s.recall.as_ref(),
            Step::Brainstorm(s) => s.recall.as_ref(),
            Step::Vote(s) => s.recall.as_ref(),
            Step::Canvas(s) => s.recall.as_ref(),
            Step::Checklist(s) => s.recall.as_ref(),
            Step::RoleModel(s) => s.recall.as_ref(),
            Step::Pitch(s) => s.recall.as_ref(),
            Step::Rubric(s) => s.recall.as_ref(),
            Step::Sketch(s) => s.recall.as_ref(),
            Step::Photo(s) => s.recall.as_ref(),
            Step::Voice(s) => s.recall.as_ref(),
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Step::Read(_) => "read",
            Step::Prompt(_) => "prompt",
            Step::Choice(_) => "choice",
            Step::Brainstorm(_) => "brainstorm",
            Step::Vote(_) => "vote",
            Step::Canvas(_) => "canvas",
            Step::Checklist(_) => "checklist",
            Step::RoleModel(_) => "role_model",
            Step::Pitch(_) => "pitch",
            Step::Rubric(_) => "rubric",
            Step::Sketch(_) => "sketch",
            Step::Photo(_) => "photo",
            Step::Voice(_) => "voice",
        }
    }

    /// Parses one step from its JSON value; the error says what is wrong in plain words.
    pub fn from_value(value: serde_json::Value) -> Result<Step, StepError> {
        let serde_json::Value::Object(mut value) = value else {
            return Err(StepError::NotAnObject);
        };
        let kind = match value.remove("type") {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => return Err(StepError::TypeNotAString),
            None => return Err(StepError::MissingType),
        };
        fn parse<T: serde::de::DeserializeOwned>(
            fields: serde_json::Map<String, serde_json::Value>,
            wrap: fn(T) -> Step,
        ) -> Result<Step, StepError> {
            super::load::from_object(fields)
                .map(wrap)
                .map_err(|e| StepError::Field(e.to_string()))
        }
        match kind.as_str() {
            "read" => parse(value, Step::Read),
            "prompt" => parse(value, Step::Prompt),
            "choice" => parse(value, Step::Choice),
            "brainstorm" => parse(value, Step::Brainstorm),
            "vote" => parse(value, Step::Vote),
            "canvas" => parse(value, Step::Canvas),
            "checklist" => parse(value, Step::Checklist),
            "role_model" => parse(value, Step::RoleModel),
            "pitch" => parse(value, Step::Pitch),
            "rubric" => parse(value, Step::Rubric),
            "sketch" => parse(value, Step::Sketch),
            "photo" => parse(value, Step::Photo),
            "voice" => parse(value, Step::Voice),
            _ => Err(StepError::UnknownType(kind)),
        }
    }
}

/// Why a step could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepError {
    NotAnObject,
    MissingType,
    TypeNotAString,
    UnknownType(String),
    /// A serde message about a field: missing, unknown or of the wrong type.
    Field(String),
}

impl StepError {
    pub fn message(&self) -> String {
        match self {
            StepError::NotAnObject => "a step must be a JSON object".into(),
            StepError::MissingType => "the step has no `type`".into(),
            StepError::TypeNotAString => "the step's `type` must be a string".into(),
            StepError::UnknownType(t) => format!(
                "unknown step type `{t}`, expected one of {}",
                STEP_TYPES.join(", ")
            ),
            StepError::Field(m) => m.clone(),
        }
    }

    /// The field the message is about, when serde names one (`unknown field `x``).
    pub fn field(&self) -> Option<&str> {
        match self {
            StepError::Field(m)
                if m.starts_with("unknown field") || m.starts_with("missing field") =>
            {
                let start = m.find('`')? + 1;
                let len = m[start..].find('`')?;
                Some(&m[start..start + len])
            }
            StepError::UnknownType(_) | StepError::TypeNotAString => Some("type"),
            _ => None,
        }
    }
}

/// A step as the app holds it: ready to show, or broken with the reason, so one bad step
/// never hides the rest of the lesson.
// Slots live in one list per lesson (a few dozen); boxing the ready step would cost an
// allocation per step and gain nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum StepSlot {
    Ready(Step),
    Broken(BrokenStep),
}

#[derive(Debug, Clone, PartialEq)]
pub struct BrokenStep {
    /// The step's `id` as written, when it had one.
    pub id: Option<String>,
    /// The step's `type` as written, when it had one.
    pub kind: Option<String>,
    pub error: StepError,
}

impl StepSlot {
    pub fn ready(&self) -> Option<&Step> {
        match self {
            StepSlot::Ready(s) => Some(s),
            StepSlot::Broken(_) => None,
        }
    }

    /// The id that keys saved answers, if the step has a usable one.
    pub fn id(&self) -> Option<&str> {
        match self {
            StepSlot::Ready(s) => Some(s.id().as_str()),
            StepSlot::Broken(b) => b.id.as_deref(),
        }
    }
}

impl<'de> Deserialize<'de> for StepSlot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let id = value.get("id").and_then(|v| v.as_str()).map(String::from);
        let kind = value.get("type").and_then(|v| v.as_str()).map(String::from);
        Ok(match Step::from_value(value) {
            Ok(step) => StepSlot::Ready(step),
            Err(error) => StepSlot::Broken(BrokenStep { id, kind, error }),
        })
    }
}

impl Serialize for StepSlot {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            StepSlot::Ready(step) => step.serialize(s),
            StepSlot::Broken(_) => s.serialize_none(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for StepSlot {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        Step::schema_name()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Step::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    /// Every step object of the shipped content, and copies with each field removed,
    /// mistyped or joined by an unknown one.
    fn step_objects() -> Vec<serde_json::Map<String, serde_json::Value>> {
        use serde_json::Value;
        fn collect(v: &Value, out: &mut Vec<serde_json::Map<String, Value>>) {
            match v {
                Value::Object(m) => {
                    if m.get("type").is_some_and(Value::is_string) && m.contains_key("id") {
                        out.push(m.clone());
                    }
                    m.values().for_each(|v| collect(v, out));
                }
                Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from("lessons")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    collect(&serde_json::from_str(&text).unwrap(), &mut found);
                }
            }
        }
        let mut out = Vec::new();
        for mut step in found {
            step.remove("type");
            for key in step.keys().cloned().collect::<Vec<_>>() {
                let mut without = step.clone();
                without.remove(&key);
                out.push(without);
                for wrong in [
                    Value::from(3),
                    Value::from("x"),
                    Value::Null,
                    Value::from(vec![1]),
                ] {
                    let mut mistyped = step.clone();
                    mistyped.insert(key.clone(), wrong);
                    out.push(mistyped);
                }
            }
            let mut unknown = step.clone();
            unknown.insert("zzz".into(), Value::from(1));
            out.push(unknown);
            out.push(step);
        }
        out
    }

    #[test]
    fn steps_read_from_objects_as_from_value_reads_them() {
        fn same<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
            fields: &serde_json::Map<String, serde_json::Value>,
        ) {
            let ours = crate::core::content::load::from_object::<T>(fields.clone())
                .map_err(|e| e.to_string());
            let theirs = serde_json::from_value::<T>(serde_json::Value::Object(fields.clone()))
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{fields:?}");
        }
        let objects = step_objects();
        assert!(objects.len() > 1000, "{}", objects.len());
        for fields in &objects {
            same::<ReadStep>(fields);
            same::<PromptStep>(fields);
            same::<ChoiceStep>(fields);
            same::<BrainstormStep>(fields);
            same::<VoteStep>(fields);
            same::<CanvasStep>(fields);
            same::<ChecklistStep>(fields);
            same::<RoleModelStep>(fields);
            same::<PitchStep>(fields);
            same::<RubricStep>(fields);
            same::<SketchStep>(fields);
            same::<PhotoStep>(fields);
            same::<VoiceStep>(fields);
        }
    }

    use super::*;
    use crate::core::text::Lang;
    use serde_json::json;

    fn slot(v: serde_json::Value) -> StepSlot {
        serde_json::from_value(v).unwrap()
    }

    /// The steps whose code the app fetches apart: the canvas, the three device steps, and
    /// a prompt that may be answered with a device; a prompt to type, a read step, a vote
    /// do not.
    #[test]
    fn the_board_and_the_device_tools_are_the_steps_that_use_tools() {
        let uses = |v: serde_json::Value| Step::from_value(v).unwrap().uses_tools();
        assert!(uses(
            json!({"type": "canvas", "id": "a", "canvas": "lean-canvas"})
        ));
        assert!(uses(json!({"type": "sketch", "id": "a", "question": "q"})));
        assert!(uses(json!({"type": "photo", "id": "a", "question": "q"})));
        assert!(uses(json!({"type": "voice", "id": "a", "question": "q"})));
        assert!(uses(
            json!({"type": "prompt", "id": "a", "question": "q", "answer_with": ["text", "voice"]})
        ));
        assert!(!uses(
            json!({"type": "prompt", "id": "a", "question": "q", "answer_with": ["text"]})
        ));
        assert!(!uses(json!({"type": "prompt", "id": "a", "question": "q"})));
        assert!(!uses(json!({"type": "read", "id": "a", "body": "x"})));
        assert!(!uses(
            json!({"type": "vote", "id": "a", "from": "b", "criteria": ["x"]})
        ));
    }

    #[test]
    fn every_step_type_parses() {
        let steps = [
            json!({"type": "read", "id": "a", "body": "x"}),
            json!({"type": "prompt", "id": "a", "question": "q", "max_chars": 10}),
            json!({"type": "choice", "id": "a", "question": "q", "options": ["x", "y"], "correct": [1]}),
            json!({"type": "brainstorm", "id": "a", "question": "q", "minutes": 5, "target": 10}),
            json!({"type": "vote", "id": "a", "from": "b", "criteria": ["x"]}),
            json!({"type": "canvas", "id": "a", "canvas": "lean-canvas"}),
            json!({"type": "checklist", "id": "a", "items": ["x"]}),
            json!({"type": "role_model", "id": "a", "profile": "p", "questions": ["q"]}),
            json!({"type": "pitch", "id": "a", "seconds": 60, "sections": ["p", "s"]}),
            json!({"type": "rubric", "id": "a", "criteria": [{"id": "c", "title": "t"}], "scale": 5}),
            json!({"type": "sketch", "id": "a", "question": "q", "background": "media/x.svg"}),
            json!({"type": "photo", "id": "a", "question": "q", "max": 2}),
            json!({"type": "voice", "id": "a", "question": "q", "max_seconds": 30}),
        ];
        for (v, name) in steps.into_iter().zip(STEP_TYPES) {
            match slot(v) {
                StepSlot::Ready(s) => assert_eq!(s.type_name(), name),
                StepSlot::Broken(b) => panic!("{name}: {}", b.error.message()),
            }
        }
    }

    #[test]
    fn a_prompt_may_be_answered_in_several_ways() {
        let StepSlot::Ready(Step::Prompt(p)) = slot(
            json!({"type": "prompt", "id": "a", "question": "q", "answer_with": ["sketch", "text", "sketch"]}),
        ) else {
            panic!("not a prompt")
        };
        assert_eq!(p.modes(), [AnswerMode::Sketch, AnswerMode::Text]);
        let StepSlot::Ready(Step::Prompt(p)) =
            slot(json!({"type": "prompt", "id": "a", "question": "q"}))
        else {
            panic!("not a prompt")
        };
        assert_eq!(p.modes(), [AnswerMode::Text]);
        assert!(matches!(
            slot(json!({"type": "prompt", "id": "a", "question": "q", "answer_with": ["dance"]})),
            StepSlot::Broken(_)
        ));
    }

    #[test]
    fn choice_options_are_texts_or_pictures() {
        let StepSlot::Ready(Step::Choice(c)) = slot(json!({
            "type": "choice", "id": "a", "question": "q",
            "options": ["x", {"da": "y", "en": "why"}, {"text": {"da": "Sol", "en": "Sun"}, "image": "media/sun.svg"}, {"text": "z"}]
        })) else {
            panic!("not a choice")
        };
        assert_eq!(c.options[0], ChoiceOption::text(Text::plain("x")));
        assert_eq!(c.options[1].text.get(Lang::En), "why");
        assert_eq!(c.options[2].text.get(Lang::En), "Sun");
        assert_eq!(c.options[2].image.as_deref(), Some("media/sun.svg"));
        assert_eq!(c.options[3], ChoiceOption::text(Text::plain("z")));
        // A text option is written back as a plain text (v1), a picture option as an object.
        let back = serde_json::to_value(&c.options).unwrap();
        assert_eq!(back[0], json!("x"));
        assert_eq!(back[1], json!({"da": "y", "en": "why"}));
        assert_eq!(back[2]["image"], json!("media/sun.svg"));
        for bad in [
            json!({"text": "x", "picture": "media/a.svg"}),
            json!({"image": "media/a.svg"}),
            json!({"text": "x", "image": 3}),
        ] {
            assert!(
                matches!(
                    slot(
                        json!({"type": "choice", "id": "a", "question": "q", "options": ["x", bad.clone()]})
                    ),
                    StepSlot::Broken(_)
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn media_steps_keep_their_limits_sane() {
        let p: PhotoStep =
            serde_json::from_value(json!({"id": "a", "question": "q", "max": 0})).unwrap();
        assert_eq!(p.max(), 1);
        let p: PhotoStep = serde_json::from_value(json!({"id": "a", "question": "q"})).unwrap();
        assert_eq!(p.max(), PhotoStep::DEFAULT_MAX);
        let v: VoiceStep =
            serde_json::from_value(json!({"id": "a", "question": "q", "max_seconds": 100000}))
                .unwrap();
        assert_eq!(v.max_seconds(), VoiceStep::MAX_SECONDS);
    }

    #[test]
    fn broken_steps_keep_their_id_and_say_why() {
        let cases = [
            (
                json!({"type": "dance", "id": "x"}),
                "unknown step type `dance`",
                Some("type"),
            ),
            (json!({"id": "x", "body": "b"}), "no `type`", None),
            (
                json!({"type": "read", "id": "x"}),
                "missing field `body`",
                Some("body"),
            ),
            (
                json!({"type": "read", "id": "x", "body": "b", "colour": 1}),
                "unknown field `colour`",
                Some("colour"),
            ),
            (
                json!({"type": "read", "id": "Bad Id", "body": "b"}),
                "not a valid id",
                None,
            ),
            (json!("read"), "JSON object", None),
        ];
        for (v, want, field) in cases {
            match slot(v) {
                StepSlot::Broken(b) => {
                    assert!(
                        b.error.message().contains(want),
                        "{} !~ {want}",
                        b.error.message()
                    );
                    assert_eq!(b.error.field(), field);
                }
                StepSlot::Ready(s) => panic!("{s:?} should be broken"),
            }
        }
    }
}
