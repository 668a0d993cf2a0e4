//! Idea canvases as boards of sticky notes: colours, what can be done to notes (and how it
//! is undone), the board drawn on one sheet for print and images, and one canvas as a file.
//! The notes themselves are saved work (`progress::Answer::Canvas`); this module only
//! computes what to write.

pub mod colour;
pub mod file;
pub mod notes;
pub mod sheet;
pub mod undo;

pub use crate::core::progress::work_ref::{
    CANVAS_STEP, PROP_DELETED, PROP_NAME, PROP_TEAM, PROP_TEMPLATE,
};
pub use colour::NoteColour;
pub use notes::{NoteEdit, Nudge, Place};
pub use undo::History;

/// Sorts a short list (blocks of a template, notes of a block, a pupil's canvases) by
/// insertion. Each `sort_by` instantiates the standard library's stable sort, several KB of
/// download per list type; these lists are small, so a few lines per type do instead.
pub fn sort_small<T>(list: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && before(&list[j], &list[j - 1]) {
            list.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn small_lists_sort_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_small(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = vec![];
        super::sort_small(&mut empty, |a, b| a < b);
        assert!(empty.is_empty());
    }
}
