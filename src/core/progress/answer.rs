//! A pupil's answer to one step, one variant per kind of step.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// A prompt's free text.
    Text { text: String },
    /// The chosen option indexes of a choice step.
    Choice { selected: BTreeSet<usize> },
    /// A brainstorm's ideas, each with an id that votes refer to.
    Ideas { ideas: Vec<Idea> },
    /// Dots per idea id. (Keys are strings: JSON object keys are, and serde's internally
    /// tagged enums cannot read numbers back from them.)
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
    Canvas { notes: Vec<Note> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Idea {
    pub id: u32,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    #[serde(default)]
    pub score: Option<u8>,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: u32,
    pub block: String,
    pub text: String,
    #[serde(default)]
    pub colour: String,
}

impl Answer {
    /// True when the answer holds something the pupil did (not just an empty field).
    pub fn is_meaningful(&self) -> bool {
        match self {
            Answer::Text { text } => !text.trim().is_empty(),
            Answer::Choice { selected } => !selected.is_empty(),
            Answer::Ideas { ideas } => ideas.iter().any(|i| !i.text.trim().is_empty()),
            Answer::Dots { dots } => dots.values().any(|&d| d > 0),
            Answer::Scores { scores } => !scores.is_empty(),
            Answer::Checklist { checked } => !checked.is_empty(),
            Answer::Reflections { answers } => answers.iter().any(|a| !a.trim().is_empty()),
            Answer::Pitch { sections, .. } => sections.iter().any(|s| !s.trim().is_empty()),
            Answer::Rubric { ratings } => !ratings.is_empty(),
            Answer::Canvas { notes } => !notes.is_empty(),
        }
    }
}

/// The next free idea id in a list.
pub fn next_idea_id(ideas: &[Idea]) -> u32 {
    ideas
        .iter()
        .map(|i| i.id)
        .max()
        .map_or(1, |m| m.saturating_add(1))
}
