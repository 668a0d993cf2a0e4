//! `index.json`: the catalogue of which content files exist.

use super::id::Id;
use super::summary::Summaries;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContentIndex {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default)]
    pub lessons: Vec<Id>,
    #[serde(default)]
    pub canvases: Vec<Id>,
    #[serde(default)]
    pub challenges: Vec<Id>,
    #[serde(default)]
    pub role_models: Vec<Id>,
    /// Courses (content v1.1): plans of weeks of lessons and challenges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<Id>,
    /// Card summaries written by `spire-content index`. Read leniently: an entry that does
    /// not fit is left out and its file fetched instead; the id lists above stay the truth.
    #[serde(default, skip_serializing_if = "Summaries::is_empty")]
    pub summaries: Summaries,
}

/// The kinds of content file, with the folder each lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentKind {
    Lesson,
    Canvas,
    Challenge,
    RoleModel,
    /// Content v1.1.
    Course,
}

impl ContentKind {
    pub const ALL: [ContentKind; 5] = [
        ContentKind::Lesson,
        ContentKind::Canvas,
        ContentKind::Challenge,
        ContentKind::RoleModel,
        ContentKind::Course,
    ];

    /// The folder inside the content root, with a trailing slash (empty for lessons).
    pub fn folder(self) -> &'static str {
        match self {
            ContentKind::Lesson => "",
            ContentKind::Canvas => "canvases/",
            ContentKind::Challenge => "challenges/",
            ContentKind::RoleModel => "role-models/",
            ContentKind::Course => "courses/",
        }
    }

    /// The file's path relative to the content root.
    pub fn path(self, id: &str) -> String {
        format!("{}{id}.json", self.folder())
    }

    /// The key naming this kind in `index.json`.
    pub fn index_key(self) -> &'static str {
        match self {
            ContentKind::Lesson => "lessons",
            ContentKind::Canvas => "canvases",
            ContentKind::Challenge => "challenges",
            ContentKind::RoleModel => "role_models",
            ContentKind::Course => "courses",
        }
    }

    pub fn schema_file(self) -> &'static str {
        match self {
            ContentKind::Lesson => "lesson.schema.json",
            ContentKind::Canvas => "canvas.schema.json",
            ContentKind::Challenge => "challenge.schema.json",
            ContentKind::RoleModel => "role-model.schema.json",
            ContentKind::Course => "course.schema.json",
        }
    }
}

impl ContentIndex {
    pub fn ids(&self, kind: ContentKind) -> &[Id] {
        match kind {
            ContentKind::Lesson => &self.lessons,
            ContentKind::Canvas => &self.canvases,
            ContentKind::Challenge => &self.challenges,
            ContentKind::RoleModel => &self.role_models,
            ContentKind::Course => &self.courses,
        }
    }

    pub fn has(&self, kind: ContentKind, id: &str) -> bool {
        self.ids(kind).iter().any(|i| i.as_str() == id)
    }
}
