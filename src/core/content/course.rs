//! Courses (content v1.1): lessons and challenges strung into a plan of weeks, so a teacher
//! can plan a term or a lecturer an elective. A course holds no steps of its own; it names
//! files the index lists.

use super::id::Id;
use super::lesson::unique;
use super::vocab::{Level, Subject};
use crate::core::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Course {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: Id,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    pub levels: Vec<Level>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    /// Rich text shown to teachers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher_notes: Option<Text>,
    /// The weeks in order; the app numbers them from 1.
    pub weeks: Vec<Week>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Week {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Rich text: what the week is for, what to prepare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The lessons and challenges of the week, in order.
    pub items: Vec<CourseItem>,
}

/// One item of a week: `{"lesson": "<id>"}` or `{"challenge": "<id>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CourseItem {
    Lesson(Id),
    Challenge(Id),
}

impl Course {
    /// Every item of every week, in order.
    pub fn items(&self) -> impl Iterator<Item = &CourseItem> {
        self.weeks.iter().flat_map(|w| w.items.iter())
    }

    /// The lessons of the course, each once, in order.
    pub fn lessons(&self) -> Vec<Id> {
        unique(self.items().filter_map(|i| match i {
            CourseItem::Lesson(id) => Some(id),
            CourseItem::Challenge(_) => None,
        }))
    }

    /// The challenges of the course, each once, in order.
    pub fn challenges(&self) -> Vec<Id> {
        unique(self.items().filter_map(|i| match i {
            CourseItem::Challenge(id) => Some(id),
            CourseItem::Lesson(_) => None,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;

    #[test]
    fn items_read_as_one_key_objects() {
        let course: Course = parse_json(
            r#"{"id":"c","title":"C","levels":["udskoling"],"weeks":[
                {"items":[{"lesson":"a"},{"challenge":"x"},{"lesson":"b"}]},
                {"title":"Uge 2","items":[{"lesson":"a"}]}]}"#,
        )
        .unwrap();
        let ids = |v: Vec<Id>| v.iter().map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(course.lessons()), ["a", "b"]);
        assert_eq!(ids(course.challenges()), ["x"]);
        for bad in [
            r#"{"lesson":"a","challenge":"b"}"#,
            r#"{"lesson":"A B"}"#,
            r#"{"video":"a"}"#,
            r#""a""#,
        ] {
            let text = format!(
                r#"{{"id":"c","title":"C","levels":["udskoling"],"weeks":[{{"items":[{bad}]}}]}}"#
            );
            assert!(parse_json::<Course>(&text).is_err(), "{bad}");
        }
    }
}
