//! A pupil's answer to one step, one variant per kind of step, and how two versions of an
//! answer merge: lists the pupil adds to (ideas, notes) record by record, everything else
//! as a whole, the later edit winning.

use super::record::{RecordId, Records};
use super::state::{Millis, Stamped};
use crate::core::media::{Clip, Stroke};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

// Read by `Answer::from_value`, not a derived reader: serde's internally tagged enums
// buffer the value and read each variant through serde's private content deserializer,
// a 28 KB function in the wasm. (Not a doc comment: it would become the JSON Schema's
// description.)
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// A prompt's free text.
    Text { text: String },
    /// The chosen option indexes of a choice step.
    Choice { selected: BTreeSet<usize> },
    /// A brainstorm's ideas; votes refer to their ids.
    Ideas { ideas: Records<Idea> },
    /// Dots per idea id. (Keys are strings: JSON object keys are, and serde's internally
    /// tagged enums cannot read numbers back from them.) Merged as a whole: a per-idea
    /// merge could give a pupil more dots than the step allows.
    Dots { dots: BTreeMap<String, u32> },
    /// Scores 1–5 per idea id, one per criterion.
    Scores { scores: BTreeMap<String, Vec<u8>> },
    /// Ticked checklist item indexes.
    Checklist { checked: BTreeSet<usize> },
    /// Answers to a role model's reflection questions, by question index.
    Reflections { answers: Vec<String> },
    /// A pitch text per section, and how often it was rehearsed against the timer.
    Pitch {
        sections: Vec<String>,
        #[serde(default)]
        rehearsals: u32,
    },
    /// A self-assessment per rubric criterion id.
    Rubric { ratings: BTreeMap<String, Rating> },
    /// Sticky notes on a canvas.
    Canvas { notes: Records<Note> },
    /// Documents a person keeps a list of, each merged on its own: hand-ins a teacher
    /// imported, founder profiles an organiser collected, photos' descriptions… Each is
    /// JSON text its feature reads with its own lenient reader.
    Docs { docs: Records<Doc> },
    /// A drawing, photos or voice recordings (content v1.1 `sketch`, `photo`, `voice`, or a
    /// prompt with `answer_with`), with the text the pupil wrote too (a prompt's answer, a
    /// description of the drawing, or words instead of a recording). Photos and recordings
    /// are referred to by id; their bytes live in the browser's media database. Merged as a
    /// whole, the later edit winning.
    Media {
        #[serde(default)]
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        strokes: Vec<Stroke>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        clips: Vec<Clip>,
    },
}

/// The saved names of [`Answer`]'s variants, in their order.
const KINDS: &[&str] = &[
    "text",
    "choice",
    "ideas",
    "dots",
    "scores",
    "checklist",
    "reflections",
    "pitch",
    "rubric",
    "canvas",
    "docs",
    "media",
];

/// The fields of each variant of [`Answer`], as its derived reader took them. (`expecting`
/// gives serde's message for a variant written as an array, the one place it shows.)
mod fields {
    use super::*;

    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Text with 1 element")]
    pub struct Text {
        pub text: String,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Choice with 1 element")]
    pub struct Choice {
        pub selected: BTreeSet<usize>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Ideas with 1 element")]
    pub struct Ideas {
        pub ideas: Records<Idea>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Dots with 1 element")]
    pub struct Dots {
        pub dots: BTreeMap<String, u32>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Scores with 1 element")]
    pub struct Scores {
        pub scores: BTreeMap<String, Vec<u8>>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Checklist with 1 element")]
    pub struct Checklist {
        pub checked: BTreeSet<usize>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Reflections with 1 element")]
    pub struct Reflections {
        pub answers: Vec<String>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Pitch with 2 elements")]
    pub struct Pitch {
        pub sections: Vec<String>,
        #[serde(default)]
        pub rehearsals: u32,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Rubric with 1 element")]
    pub struct Rubric {
        pub ratings: BTreeMap<String, Rating>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Canvas with 1 element")]
    pub struct Canvas {
        pub notes: Records<Note>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Docs with 1 element")]
    pub struct Docs {
        pub docs: Records<Doc>,
    }
    #[derive(Deserialize)]
    #[serde(expecting = "struct variant Answer::Media with 3 elements")]
    pub struct Media {
        #[serde(default)]
        pub text: String,
        #[serde(default)]
        pub strokes: Vec<Stroke>,
        #[serde(default)]
        pub clips: Vec<Clip>,
    }
}

impl Answer {
    /// Reads an answer as the derived reader of `#[serde(tag = "kind")]` did: an object
    /// with `kind` (a variant's name) and the variant's fields, fields it does not
    /// know ignored; or, as serde also takes, an array of the kind followed by the fields.
    pub fn from_value(value: Value) -> Result<Answer, serde_json::Error> {
        use serde::de::{Error as _, Unexpected};
        fn unexpected(value: &Value) -> Unexpected<'_> {
            match value {
                Value::Null => Unexpected::Unit,
                Value::Bool(b) => Unexpected::Bool(*b),
                Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                    (Some(u), _) => Unexpected::Unsigned(u),
                    (_, Some(i)) => Unexpected::Signed(i),
                    _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
                },
                Value::String(s) => Unexpected::Str(s),
                Value::Array(_) => Unexpected::Seq,
                Value::Object(_) => Unexpected::Map,
            }
        }
        let (kind, rest) = match value {
            Value::Object(mut map) => match map.remove("kind") {
                Some(kind) => (kind, Value::Object(map)),
                None => return Err(serde_json::Error::missing_field("kind")),
            },
            Value::Array(mut items) if !items.is_empty() => (items.remove(0), Value::Array(items)),
            Value::Array(_) => return Err(serde_json::Error::missing_field("kind")),
            other => {
                return Err(serde_json::Error::invalid_type(
                    unexpected(&other),
                    &"internally tagged enum Answer",
                ))
            }
        };
        let index = match &kind {
            Value::String(name) => KINDS
                .iter()
                .position(|k| k == name)
                .ok_or_else(|| serde_json::Error::unknown_variant(name, KINDS))?,
            other => {
                return Err(serde_json::Error::invalid_type(
                    unexpected(other),
                    &"variant identifier",
                ))
            }
        };
        fn read<T: serde::de::DeserializeOwned>(
            rest: Value,
            wrap: impl FnOnce(T) -> Answer,
        ) -> Result<Answer, serde_json::Error> {
            serde_json::from_value(rest).map(wrap)
        }
        match index {
            0 => read(rest, |f: fields::Text| Answer::Text { text: f.text }),
            1 => read(rest, |f: fields::Choice| Answer::Choice {
                selected: f.selected,
            }),
            2 => read(rest, |f: fields::Ideas| Answer::Ideas { ideas: f.ideas }),
            3 => read(rest, |f: fields::Dots| Answer::Dots { dots: f.dots }),
            4 => read(rest, |f: fields::Scores| Answer::Scores {
                scores: f.scores,
            }),
            5 => read(rest, |f: fields::Checklist| Answer::Checklist {
                checked: f.checked,
            }),
            6 => read(rest, |f: fields::Reflections| Answer::Reflections {
                answers: f.answers,
            }),
            7 => read(rest, |f: fields::Pitch| Answer::Pitch {
                sections: f.sections,
                rehearsals: f.rehearsals,
            }),
            8 => read(rest, |f: fields::Rubric| Answer::Rubric {
                ratings: f.ratings,
            }),
            9 => read(rest, |f: fields::Canvas| Answer::Canvas { notes: f.notes }),
            10 => read(rest, |f: fields::Docs| Answer::Docs { docs: f.docs }),
            _ => read(rest, |f: fields::Media| Answer::Media {
                text: f.text,
                strokes: f.strokes,
                clips: f.clips,
            }),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Answer::from_value(Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// One document of a `Docs` list: JSON text, read by the feature that wrote it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Doc(pub String);

/// One idea of a brainstorm. `order` sorts the list (new ideas get the time they were
/// added, so ideas from two tabs interleave by time).
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Idea {
    pub text: String,
    #[serde(default)]
    pub order: i64,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Rating {
    #[serde(default)]
    pub score: Option<u8>,
    #[serde(default)]
    pub comment: String,
}

/// A sticky note in a block of a canvas; `order` sorts the notes of a block.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Note {
    pub block: String,
    pub text: String,
    #[serde(default)]
    pub colour: String,
    #[serde(default)]
    pub order: i64,
    /// A photo on the note (a prototype, a drawing on paper): the note's text is its caption.
    /// Written only when there is one, so a note without stays as older versions wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<Clip>,
}

impl Answer {
    /// True when the answer holds something the pupil did (not just an empty field).
    pub fn is_meaningful(&self) -> bool {
        match self {
            Answer::Text { text } => !text.trim().is_empty(),
            Answer::Choice { selected } => !selected.is_empty(),
            Answer::Ideas { ideas } => ideas.live().any(|(_, i)| !i.text.trim().is_empty()),
            Answer::Dots { dots } => dots.values().any(|&d| d > 0),
            Answer::Scores { scores } => !scores.is_empty(),
            Answer::Checklist { checked } => !checked.is_empty(),
            Answer::Reflections { answers } => answers.iter().any(|a| !a.trim().is_empty()),
            Answer::Pitch { sections, .. } => sections.iter().any(|s| !s.trim().is_empty()),
            Answer::Rubric { ratings } => !ratings.is_empty(),
            Answer::Canvas { notes } => notes.live_count() > 0,
            Answer::Docs { docs } => docs.live_count() > 0,
            Answer::Media {
                text,
                strokes,
                clips,
            } => {
                !text.trim().is_empty()
                    || strokes.iter().any(|s| !s.is_empty())
                    || clips.iter().any(Clip::is_usable)
            }
        }
    }

    /// The name of the variant, as saved (`"text"`, `"ideas"`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Answer::Text { .. } => "text",
            Answer::Choice { .. } => "choice",
            Answer::Ideas { .. } => "ideas",
            Answer::Dots { .. } => "dots",
            Answer::Scores { .. } => "scores",
            Answer::Checklist { .. } => "checklist",
            Answer::Reflections { .. } => "reflections",
            Answer::Pitch { .. } => "pitch",
            Answer::Rubric { .. } => "rubric",
            Answer::Canvas { .. } => "canvas",
            Answer::Docs { .. } => "docs",
            Answer::Media { .. } => "media",
        }
    }

    /// Forgets records stamped at or before `erased_at`.
    pub(crate) fn retain_after(&mut self, erased_at: Millis) {
        match self {
            Answer::Ideas { ideas } => ideas.retain_after(erased_at),
            Answer::Canvas { notes } => notes.retain_after(erased_at),
            Answer::Docs { docs } => docs.retain_after(erased_at),
            _ => {}
        }
    }
}

/// The parts of a media answer (empty for any other kind, and for none), so a step can
/// change one part and keep the others.
pub fn media_parts(answer: Option<&Answer>) -> (String, Vec<Stroke>, Vec<Clip>) {
    match answer {
        Some(Answer::Media {
            text,
            strokes,
            clips,
        }) => (text.clone(), strokes.clone(), clips.clone()),
        // A prompt typed before it offered other ways keeps its text.
        Some(Answer::Text { text }) => (text.clone(), Vec::new(), Vec::new()),
        _ => (String::new(), Vec::new(), Vec::new()),
    }
}

/// Joins two versions of one step's answer. Record lists of the same kind merge record by
/// record; anything else is one value and the later edit wins, with a fixed tie-break so
/// that every merge order gives the same result.
pub fn merge_answer(ours: &Stamped<Answer>, theirs: &Stamped<Answer>) -> Stamped<Answer> {
    let updated = ours.updated.max(theirs.updated);
    let value = match (&ours.value, &theirs.value) {
        (Answer::Ideas { ideas: a }, Answer::Ideas { ideas: b }) => {
            Answer::Ideas { ideas: a.merge(b) }
        }
        (Answer::Canvas { notes: a }, Answer::Canvas { notes: b }) => {
            Answer::Canvas { notes: a.merge(b) }
        }
        (Answer::Docs { docs: a }, Answer::Docs { docs: b }) => Answer::Docs { docs: a.merge(b) },
        _ => {
            let newer = (theirs.updated, &theirs.value) > (ours.updated, &ours.value);
            return if newer { theirs.clone() } else { ours.clone() };
        }
    };
    Stamped { value, updated }
}

/// The answer kinds that hold records, so record edits can be written generically.
pub trait RecordKind: Clone + Ord + Sized {
    fn records(answer: &Answer) -> Option<&Records<Self>>;
    fn records_mut(answer: &mut Answer) -> Option<&mut Records<Self>>;
    fn empty() -> Answer;
}

impl RecordKind for Idea {
    fn records(answer: &Answer) -> Option<&Records<Idea>> {
        match answer {
            Answer::Ideas { ideas } => Some(ideas),
            _ => None,
        }
    }
    fn records_mut(answer: &mut Answer) -> Option<&mut Records<Idea>> {
        match answer {
            Answer::Ideas { ideas } => Some(ideas),
            _ => None,
        }
    }
    fn empty() -> Answer {
        Answer::Ideas {
            ideas: Records::default(),
        }
    }
}

impl RecordKind for Note {
    fn records(answer: &Answer) -> Option<&Records<Note>> {
        match answer {
            Answer::Canvas { notes } => Some(notes),
            _ => None,
        }
    }
    fn records_mut(answer: &mut Answer) -> Option<&mut Records<Note>> {
        match answer {
            Answer::Canvas { notes } => Some(notes),
            _ => None,
        }
    }
    fn empty() -> Answer {
        Answer::Canvas {
            notes: Records::default(),
        }
    }
}

impl RecordKind for Doc {
    fn records(answer: &Answer) -> Option<&Records<Doc>> {
        match answer {
            Answer::Docs { docs } => Some(docs),
            _ => None,
        }
    }
    fn records_mut(answer: &mut Answer) -> Option<&mut Records<Doc>> {
        match answer {
            Answer::Docs { docs } => Some(docs),
            _ => None,
        }
    }
    fn empty() -> Answer {
        Answer::Docs {
            docs: Records::default(),
        }
    }
}

/// The ideas of a brainstorm answer in list order.
pub fn ideas_in_order(answer: Option<&Answer>) -> Vec<(RecordId, Idea)> {
    let mut list: Vec<(RecordId, Idea)> = answer
        .and_then(Idea::records)
        .map(|r| r.live().map(|(id, i)| (id.clone(), i.clone())).collect())
        .unwrap_or_default();
    crate::core::sort::sort_by(&mut list, |(ia, a), (ib, b)| {
        (a.order, ia).cmp(&(b.order, ib))
    });
    list
}

/// The notes of a canvas answer in one block, in order.
pub fn notes_in_block(answer: Option<&Answer>, block: &str) -> Vec<(RecordId, Note)> {
    answer
        .and_then(Note::records)
        .map(|r| block_notes(r, block))
        .unwrap_or_default()
}

/// The live notes of `block`, in order (ties by id, so every copy agrees).
pub fn block_notes(notes: &Records<Note>, block: &str) -> Vec<(RecordId, Note)> {
    let mut list: Vec<(RecordId, Note)> = notes
        .live()
        .filter(|(_, n)| n.block == block)
        .map(|(id, n)| (id.clone(), n.clone()))
        .collect();
    crate::core::sort::sort_by(&mut list, |(ia, a), (ib, b)| {
        (a.order, ia).cmp(&(b.order, ib))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reader `Answer` had when it derived `Deserialize`.
    mod derived {
        use super::super::*;

        #[derive(Debug, serde::Deserialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        pub enum Answer {
            Text {
                text: String,
            },
            Choice {
                selected: BTreeSet<usize>,
            },
            Ideas {
                ideas: Records<Idea>,
            },
            Dots {
                dots: BTreeMap<String, u32>,
            },
            Scores {
                scores: BTreeMap<String, Vec<u8>>,
            },
            Checklist {
                checked: BTreeSet<usize>,
            },
            Reflections {
                answers: Vec<String>,
            },
            Pitch {
                sections: Vec<String>,
                #[serde(default)]
                rehearsals: u32,
            },
            Rubric {
                ratings: BTreeMap<String, Rating>,
            },
            Canvas {
                notes: Records<Note>,
            },
            Docs {
                docs: Records<Doc>,
            },
            Media {
                #[serde(default)]
                text: String,
                #[serde(default)]
                strokes: Vec<Stroke>,
                #[serde(default)]
                clips: Vec<Clip>,
            },
        }

        impl From<Answer> for super::super::Answer {
            fn from(a: Answer) -> Self {
                use super::super::Answer as A;
                match a {
                    Answer::Text { text } => A::Text { text },
                    Answer::Choice { selected } => A::Choice { selected },
                    Answer::Ideas { ideas } => A::Ideas { ideas },
                    Answer::Dots { dots } => A::Dots { dots },
                    Answer::Scores { scores } => A::Scores { scores },
                    Answer::Checklist { checked } => A::Checklist { checked },
                    Answer::Reflections { answers } => A::Reflections { answers },
                    Answer::Pitch {
                        sections,
                        rehearsals,
                    } => A::Pitch {
                        sections,
                        rehearsals,
                    },
                    Answer::Rubric { ratings } => A::Rubric { ratings },
                    Answer::Canvas { notes } => A::Canvas { notes },
                    Answer::Docs { docs } => A::Docs { docs },
                    Answer::Media {
                        text,
                        strokes,
                        clips,
                    } => A::Media {
                        text,
                        strokes,
                        clips,
                    },
                }
            }
        }
    }

    /// Both readers' results. The messages are compared too, but for the array form (never
    /// written; the only caller drops the message) whose "too long" wording differs.
    fn both(value: &Value) -> (Result<Answer, String>, Result<Answer, String>) {
        let message = |e: serde_json::Error| {
            if value.is_array() {
                "an error".to_string()
            } else {
                e.to_string()
            }
        };
        let ours = serde_json::from_value::<Answer>(value.clone()).map_err(message);
        let derived = serde_json::from_value::<derived::Answer>(value.clone())
            .map(Answer::from)
            .map_err(message);
        (ours, derived)
    }

    #[test]
    fn answers_read_as_the_derived_reader_read_them() {
        use serde_json::json;
        let cases = [
            json!({"kind": "text", "text": "hej"}),
            json!({"text": "hej", "kind": "text", "extra": 1}),
            json!({"kind": "text"}),
            json!({"kind": "text", "text": 3}),
            json!({"kind": 0, "text": "an index is no kind"}),
            json!({"kind": 11}),
            json!({"kind": 12, "text": "x"}),
            json!({"kind": -1}),
            json!({"kind": 1.5}),
            json!({"kind": true}),
            json!({"kind": null}),
            json!({"kind": "voice"}),
            json!({"kind": "choice", "selected": [2, 0, 2]}),
            json!({"kind": "choice", "selected": [-1]}),
            json!({"kind": "ideas", "ideas": {"a1": {"at": 3, "value": {"text": "x"}}, "b": {"at": 4}}}),
            json!({"kind": "ideas", "ideas": {"A!": {"at": 3}}}),
            json!({"kind": "dots", "dots": {"a": 2, "b": 0}}),
            json!({"kind": "dots", "dots": {"a": 1.0}}),
            json!({"kind": "scores", "scores": {"a": [1, 5, 300]}}),
            json!({"kind": "scores", "scores": {"a": [1, 5]}}),
            json!({"kind": "checklist", "checked": []}),
            json!({"kind": "reflections", "answers": ["a", "b"]}),
            json!({"kind": "pitch", "sections": ["a"]}),
            json!({"kind": "pitch", "sections": ["a"], "rehearsals": 4}),
            json!({"kind": "rubric", "ratings": {"c": {"score": 3}, "d": {"comment": "x", "score": null}}}),
            json!({"kind": "canvas", "notes": {"n1": {"at": 1, "value": {"block": "b", "text": "t"}}}}),
            json!({"kind": "docs", "docs": {"d1": {"at": 1, "value": "{}"}}}),
            json!({"kind": "media"}),
            json!({"kind": "media", "text": "x", "strokes": [], "clips": []}),
            json!({"kind": "media", "strokes": 3}),
            json!(["text", "in an array"]),
            json!(["pitch", ["a"]]),
            json!(["pitch"]),
            json!([]),
            json!(null),
            json!(true),
            json!(7),
            json!(-7),
            json!(0.5),
            json!("text"),
            json!({}),
        ];
        for case in cases {
            let (ours, derived) = both(&case);
            assert_eq!(ours, derived, "{case}");
        }
    }

    fn json_leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (-3i64..300).prop_map(Value::from),
            Just(Value::from(1.5)),
            prop::sample::select(vec!["text", "pitch", "a1", "", "x", "media", "{}"])
                .prop_map(Value::from),
        ]
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let keys = prop::sample::select(vec![
            "kind",
            "text",
            "selected",
            "ideas",
            "dots",
            "scores",
            "checked",
            "answers",
            "sections",
            "rehearsals",
            "ratings",
            "notes",
            "docs",
            "strokes",
            "clips",
            "at",
            "value",
            "a1",
            "score",
            "comment",
        ]);
        json_leaf().prop_recursive(4, 40, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map(keys.clone().prop_map(String::from), inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_value_reads_as_with_the_derived_reader(value in json_value(), kind in prop::sample::select(KINDS)) {
            let (ours, derived) = both(&value);
            prop_assert_eq!(ours, derived);
            if let Value::Object(mut map) = value {
                map.insert("kind".into(), Value::from(kind));
                let value = Value::Object(map);
                let (ours, derived) = both(&value);
                prop_assert_eq!(ours, derived, "{}", value);
            }
        }
    }

    fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn ideas(list: &[(&str, &str, Millis)]) -> Stamped<Answer> {
        let mut r = Records::default();
        for (id, text, at) in list {
            r.put(
                rid(id),
                Some(Idea {
                    text: text.to_string(),
                    order: *at,
                }),
                *at,
            );
        }
        Stamped {
            updated: r.latest(),
            value: Answer::Ideas { ideas: r },
        }
    }

    #[test]
    fn ideas_from_two_tabs_are_all_kept_in_time_order() {
        let a = ideas(&[("a1", "vandhaner", 1), ("a2", "dunke", 3)]);
        let b = ideas(&[("b1", "is", 2)]);
        let m = merge_answer(&a, &b);
        assert_eq!(m, merge_answer(&b, &a));
        let texts: Vec<String> = ideas_in_order(Some(&m.value))
            .into_iter()
            .map(|(_, i)| i.text)
            .collect();
        assert_eq!(texts, ["vandhaner", "is", "dunke"]);
        assert_eq!(m.updated, 3);
    }

    #[test]
    fn whole_answers_keep_the_later_edit() {
        let old = Stamped {
            value: Answer::Text { text: "a".into() },
            updated: 1,
        };
        let new = Stamped {
            value: Answer::Text { text: "b".into() },
            updated: 2,
        };
        assert_eq!(merge_answer(&old, &new), new);
        assert_eq!(merge_answer(&new, &old), new);
    }
}
