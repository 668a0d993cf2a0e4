//! A lesson: metadata for the catalogue and an ordered list of steps.

use super::id::Id;
use super::step::StepSlot;
use super::vocab::{Competence, Dimension, Level};
use crate::core::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Editors use it to find the schema; the app ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: Id,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<Competence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_models: Vec<Id>,
    /// Rich text shown only in teacher view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher_notes: Option<Text>,
    pub steps: Vec<StepSlot>,
}

impl Lesson {
    /// The position of the step with this id.
    pub fn step_index(&self, step_id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id() == Some(step_id))
    }
}
