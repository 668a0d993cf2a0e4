//! Innovation challenges: team projects in phases that end in a competition entry.

use super::id::Id;
use super::step::StepSlot;
use super::vocab::{ChallengeFormat, HostKind, Level};
use crate::core::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: Id,
    pub title: Text,
    /// Rich text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<Text>,
    pub format: ChallengeFormat,
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<Host>,
    pub phases: Vec<Phase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<EntryItem>,
    /// Rich text shown only in teacher view (v1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher_notes: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Host {
    pub name: Text,
    pub kind: HostKind,
    /// Who plays the host when nobody from it can come, e.g. "the teacher, as the care
    /// home's manager" (v1.1; every spin-in challenge Spire ships says it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stand_in: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Id,
    pub title: Text,
    /// How long the phase takes in class, in minutes (v1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// What the class needs for the phase: cardboard, tape, a phone for photos… (v1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub materials: Vec<Text>,
    pub steps: Vec<StepSlot>,
}

/// A judges' criterion the team assesses itself against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: Id,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// One part of the competition entry: the answer of step `from`, under `title`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EntryItem {
    pub title: Text,
    pub from: Id,
}

impl Challenge {
    /// Every step of every phase, in order.
    pub fn steps(&self) -> impl Iterator<Item = &StepSlot> {
        self.phases.iter().flat_map(|p| p.steps.iter())
    }

    /// The whole challenge's time estimate: the sum of its phases' minutes, when any
    /// phase has one.
    pub fn minutes(&self) -> Option<u32> {
        let known: Vec<u32> = self.phases.iter().filter_map(|p| p.minutes).collect();
        (!known.is_empty()).then(|| known.iter().sum())
    }

    /// The index of the phase holding step `step`.
    pub fn phase_of(&self, step: &str) -> Option<usize> {
        self.phases
            .iter()
            .position(|p| p.steps.iter().any(|s| s.id() == Some(step)))
    }

    /// The step with this id, if it can be shown.
    pub fn step(&self, step: &str) -> Option<&super::step::Step> {
        self.steps()
            .find(|s| s.id() == Some(step))
            .and_then(StepSlot::ready)
    }
}
