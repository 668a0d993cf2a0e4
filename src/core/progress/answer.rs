//! A pupil's answer to one step, one variant per kind of step, and how two versions of an
//! answer merge: lists the pupil adds to (ideas, notes) record by record, everything else
//! as a whole, the later edit winning.

use super::record::{RecordId, Records};
use super::state::{Millis, Stamped};
use crate::core::media::{Clip, Stroke};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Note {
    pub block: String,
    pub text: String,
    #[serde(default)]
    pub colour: String,
    #[serde(default)]
    pub order: i64,
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
