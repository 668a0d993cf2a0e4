//! Canvas templates: a grid of named blocks that hold sticky notes.

use super::id::Id;
use super::vocab::Level;
use crate::core::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CanvasTemplate {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: Id,
    pub title: Text,
    /// Credit and licence, e.g. "Lean Canvas by Ash Maurya, CC BY-SA 3.0".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    pub columns: u32,
    pub rows: u32,
    pub blocks: Vec<CanvasBlock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CanvasBlock {
    pub id: Id,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<Text>,
    /// Grid column, starting at 1.
    pub col: u32,
    /// Grid row, starting at 1.
    pub row: u32,
    #[serde(default = "one")]
    pub width: u32,
    #[serde(default = "one")]
    pub height: u32,
}

fn one() -> u32 {
    1
}

impl CanvasBlock {
    /// True when the block lies inside a grid of `columns` × `rows`.
    pub fn fits(&self, columns: u32, rows: u32) -> bool {
        self.col >= 1
            && self.row >= 1
            && self.width >= 1
            && self.height >= 1
            && self.col.saturating_add(self.width) - 1 <= columns
            && self.row.saturating_add(self.height) - 1 <= rows
    }

    pub fn overlaps(&self, other: &CanvasBlock) -> bool {
        let apart_x = self.col.saturating_add(self.width) <= other.col
            || other.col.saturating_add(other.width) <= self.col;
        let apart_y = self.row.saturating_add(self.height) <= other.row
            || other.row.saturating_add(other.height) <= self.row;
        !(apart_x || apart_y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(col: u32, row: u32, width: u32, height: u32) -> CanvasBlock {
        CanvasBlock {
            id: Id::new("b").unwrap(),
            title: Text::plain("b"),
            prompt: None,
            col,
            row,
            width,
            height,
        }
    }

    #[test]
    fn blocks_fit_and_overlap() {
        assert!(block(1, 1, 2, 2).fits(2, 2));
        assert!(!block(2, 1, 2, 1).fits(2, 2));
        assert!(!block(0, 1, 1, 1).fits(2, 2));
        assert!(!block(1, 1, 0, 1).fits(2, 2));
        assert!(block(1, 1, 2, 2).overlaps(&block(2, 2, 1, 1)));
        assert!(!block(1, 1, 2, 1).overlaps(&block(1, 2, 2, 1)));
        assert!(!block(1, 1, 1, 1).overlaps(&block(2, 1, 1, 1)));
    }
}
