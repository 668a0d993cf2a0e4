//! A lesson: metadata for the catalogue and an ordered list of steps.

use super::id::Id;
use super::step::StepSlot;
use super::vocab::{Competence, Dimension, Level, Subject};
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
    /// An illustration for the lesson's card (content v1.1): a path under the content
    /// folder to an `.svg`, `.png` or `.webp` file, e.g. `media/idea.svg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competences: Vec<Competence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    /// The school subjects the lesson fits (content v1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_models: Vec<Id>,
    /// Rich text shown only in teacher view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher_notes: Option<Text>,
    pub steps: Vec<StepSlot>,
}

impl Lesson {
    /// The role models the lesson links to: its `role_models`, then the profiles of its
    /// `role_model` steps, each once, in that order.
    pub fn linked_role_models(&self) -> Vec<Id> {
        let steps = self.steps.iter().filter_map(|slot| match slot.ready() {
            Some(super::step::Step::RoleModel(r)) => Some(&r.profile),
            _ => None,
        });
        unique(self.role_models.iter().chain(steps))
    }

    /// The position of the step with this id.
    pub fn step_index(&self, step_id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id() == Some(step_id))
    }
}

/// The ids in order, each once.
pub(crate) fn unique<'a>(ids: impl Iterator<Item = &'a Id>) -> Vec<Id> {
    let mut out: Vec<Id> = Vec::new();
    for id in ids {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}
