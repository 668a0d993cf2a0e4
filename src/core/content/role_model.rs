//! Role-model profiles: fictional local entrepreneurs a class can meet.

use super::id::Id;
use super::vocab::{Level, Sector};
use crate::core::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleModel {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: Id,
    pub name: String,
    /// Shown on the profile: the person is invented.
    #[serde(default)]
    pub fictional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Text>,
    pub sector: Sector,
    pub levels: Vec<Level>,
    pub headline: Text,
    /// Rich text.
    pub story: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<PathEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Text>,
    /// A relative path inside the content folder, e.g. `media/maja.svg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portrait: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathEntry {
    pub year: i32,
    pub text: Text,
}
