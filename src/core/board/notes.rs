//! What can be done to the notes of a board — add, edit, recolour, delete, move, copy — each
//! as a list of record edits (before → after). The store writes the `after`s; the undo
//! history keeps both sides. Order within a block is `Note::order`: a moved note gets an
//! order between its new neighbours', and only when there is no room are the block's notes
//! renumbered, so a move usually rewrites one record (and merges as one record).

use crate::core::content::{CanvasBlock, CanvasTemplate};
pub use crate::core::progress::answer::block_notes;
use crate::core::progress::{Note, RecordId, Records};
use serde::{Deserialize, Serialize};

/// The distance between the orders of neighbouring notes when they are numbered afresh.
pub const GAP: i64 = 1024;

/// One record changed by an action: `None` is "no note" (before an add, after a delete).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteEdit {
    pub id: RecordId,
    #[serde(default)]
    pub before: Option<Note>,
    #[serde(default)]
    pub after: Option<Note>,
}

/// Where a note stands: its block, its place (0-based) and how many notes the block holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub block: String,
    pub index: usize,
    pub count: usize,
}

/// A keyboard move of one note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nudge {
    Up,
    Down,
    /// To the end of the block before it in reading order.
    PrevBlock,
    /// To the end of the block after it in reading order.
    NextBlock,
}

/// The ids of the notes of `block`, in order.
pub fn block_ids(notes: &Records<Note>, block: &str) -> Vec<RecordId> {
    block_notes(notes, block)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// The blocks of a template in reading order: top to bottom, then left to right. This is
/// the order of the stacked board on a narrow screen and of keyboard moves between blocks.
pub fn reading_order(template: &CanvasTemplate) -> Vec<&CanvasBlock> {
    let mut blocks: Vec<&CanvasBlock> = template.blocks.iter().collect();
    super::sort_small(&mut blocks, |a, b| (a.row, a.col) < (b.row, b.col));
    blocks
}

pub fn place(notes: &Records<Note>, id: &RecordId) -> Option<Place> {
    let note = notes.get(id)?;
    let list = block_ids(notes, &note.block);
    Some(Place {
        index: list.iter().position(|i| i == id)?,
        count: list.len(),
        block: note.block.clone(),
    })
}

/// A new note at the end of `block`.
pub fn add(notes: &Records<Note>, id: RecordId, block: &str, colour: &str) -> NoteEdit {
    let order = block_notes(notes, block)
        .last()
        .map_or(0, |(_, n)| n.order.saturating_add(GAP));
    NoteEdit {
        id,
        before: None,
        after: Some(Note {
            block: block.to_string(),
            text: String::new(),
            colour: colour.to_string(),
            order,
            photo: None,
        }),
    }
}

/// Changes one note with `f`; `None` when the note does not exist or nothing changed.
pub fn change(notes: &Records<Note>, id: &RecordId, f: impl FnOnce(&mut Note)) -> Option<NoteEdit> {
    let before = notes.get(id)?.clone();
    let mut after = before.clone();
    f(&mut after);
    (after != before).then(|| NoteEdit {
        id: id.clone(),
        before: Some(before),
        after: Some(after),
    })
}

pub fn delete(notes: &Records<Note>, id: &RecordId) -> Option<NoteEdit> {
    Some(NoteEdit {
        id: id.clone(),
        before: Some(notes.get(id)?.clone()),
        after: None,
    })
}

/// Moves note `id` to place `index` of block `to`, counted among the other notes of that
/// block (so `0` is first and anything past the end is last).
pub fn move_to(notes: &Records<Note>, id: &RecordId, to: &str, index: usize) -> Vec<NoteEdit> {
    let Some(note) = notes.get(id) else {
        return vec![];
    };
    let others: Vec<(RecordId, Note)> = block_notes(notes, to)
        .into_iter()
        .filter(|(i, _)| i != id)
        .collect();
    let index = index.min(others.len());
    let prev = index.checked_sub(1).map(|i| others[i].1.order);
    let next = others.get(index).map(|(_, n)| n.order);
    let between = match (prev, next) {
        (None, None) => Some(0),
        (Some(p), None) => p.checked_add(GAP),
        (None, Some(n)) => n.checked_sub(GAP),
        (Some(p), Some(n)) => {
            let room = n.checked_sub(p).unwrap_or(0);
            (room >= 2).then(|| p + room / 2)
        }
    };
    let mut edits = Vec::new();
    let mut push = |id: &RecordId, before: &Note, after: Note| {
        if *before != after {
            edits.push(NoteEdit {
                id: id.clone(),
                before: Some(before.clone()),
                after: Some(after),
            });
        }
    };
    let already_there =
        note.block == to && block_ids(notes, to).iter().position(|i| i == id) == Some(index);
    if already_there {
        return vec![];
    }
    match between {
        Some(order) => push(
            id,
            note,
            Note {
                block: to.to_string(),
                order,
                ..note.clone()
            },
        ),
        // No room between the neighbours: number the whole block afresh.
        None => {
            let mut list: Vec<(RecordId, Note)> = others;
            list.insert(index, (id.clone(), note.clone()));
            for (i, (nid, n)) in list.iter().enumerate() {
                let after = Note {
                    block: to.to_string(),
                    order: i as i64 * GAP,
                    ..n.clone()
                };
                push(nid, n, after);
            }
        }
    }
    edits
}

/// A keyboard move: up or down within the block, or to the end of the previous or next
/// block in reading order. Empty when the note cannot go that way.
pub fn nudge(
    notes: &Records<Note>,
    template: &CanvasTemplate,
    id: &RecordId,
    way: Nudge,
) -> Vec<NoteEdit> {
    let Some(at) = place(notes, id) else {
        return vec![];
    };
    match way {
        Nudge::Up if at.index > 0 => move_to(notes, id, &at.block, at.index - 1),
        Nudge::Down if at.index + 1 < at.count => move_to(notes, id, &at.block, at.index + 1),
        Nudge::PrevBlock | Nudge::NextBlock => {
            let order = reading_order(template);
            let here = order.iter().position(|b| b.id.as_str() == at.block);
            let target = match (here, way) {
                (Some(i), Nudge::PrevBlock) => i.checked_sub(1),
                (Some(i), _) => Some(i + 1),
                // A note in a block the template no longer has: into the first block.
                (None, _) => Some(0),
            };
            match target.and_then(|t| order.get(t)) {
                Some(block) => move_to(notes, id, block.id.as_str(), usize::MAX),
                None => vec![],
            }
        }
        _ => vec![],
    }
}

/// Copies the notes of another canvas onto this one (starting from an earlier canvas):
/// each note gets a new id and goes to the end of the block of the same id, or of the first
/// block when this template has no such block. Nothing of the other canvas is changed.
pub fn copy_from(
    notes: &Records<Note>,
    from: &Records<Note>,
    template: &CanvasTemplate,
    mut new_id: impl FnMut() -> RecordId,
) -> Vec<NoteEdit> {
    let Some(first) = reading_order(template).first().map(|b| b.id.to_string()) else {
        return vec![];
    };
    let mut source: Vec<(&RecordId, &Note)> = from.live().collect();
    super::sort_small(&mut source, |(ia, a), (ib, b)| {
        (&a.block, a.order, ia) < (&b.block, b.order, ib)
    });
    let mut next_order = std::collections::BTreeMap::<String, i64>::new();
    let mut edits = Vec::new();
    for (_, note) in source {
        let block = if template.blocks.iter().any(|b| b.id.as_str() == note.block) {
            note.block.clone()
        } else {
            first.clone()
        };
        let order = next_order.entry(block.clone()).or_insert_with(|| {
            block_notes(notes, &block)
                .last()
                .map_or(0, |(_, n)| n.order.saturating_add(GAP))
        });
        edits.push(NoteEdit {
            id: new_id(),
            before: None,
            after: Some(Note {
                block,
                text: note.text.clone(),
                colour: note.colour.clone(),
                order: *order,
                photo: note.photo.clone(),
            }),
        });
        *order = order.saturating_add(GAP);
    }
    edits
}

/// Where a note dropped at `(x, y)` lands among the other notes of a block, given their
/// boxes `(left, top, right, bottom)` in order. Notes in one column split at their middle
/// line; notes in rows (a wide block) are read like text: before the first note the point
/// is above, or level with and left of its middle.
pub fn drop_index(boxes: &[(f64, f64, f64, f64)], x: f64, y: f64) -> usize {
    let one_column = boxes.windows(2).all(|w| (w[0].0 - w[1].0).abs() < 1.0);
    boxes
        .iter()
        .position(|&(l, t, r, b)| {
            if one_column {
                y < (t + b) / 2.0
            } else {
                y < t || (y <= b && x < (l + r) / 2.0)
            }
        })
        .unwrap_or(boxes.len())
}

/// Writes the `after` of every edit (for tests and imports; the app writes through the store).
pub fn apply(notes: &mut Records<Note>, edits: &[NoteEdit], now: crate::core::progress::Millis) {
    for e in edits {
        notes.put(e.id.clone(), e.after.clone(), now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Id;
    use crate::core::text::Text;

    fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn template(blocks: &[(&str, u32, u32)]) -> CanvasTemplate {
        CanvasTemplate {
            schema: None,
            id: Id::new("t").unwrap(),
            title: Text::plain("T"),
            attribution: None,
            levels: vec![],
            columns: 3,
            rows: 3,
            blocks: blocks
                .iter()
                .map(|(id, col, row)| CanvasBlock {
                    id: Id::new(id).unwrap(),
                    title: Text::plain(id),
                    prompt: None,
                    col: *col,
                    row: *row,
                    width: 1,
                    height: 1,
                })
                .collect(),
        }
    }

    /// A board from `(id, block, text, order)`.
    fn board(list: &[(&str, &str, &str, i64)]) -> Records<Note> {
        let mut r = Records::default();
        for (id, block, text, order) in list {
            r.put(
                rid(id),
                Some(Note {
                    block: block.to_string(),
                    text: text.to_string(),
                    colour: String::new(),
                    order: *order,
                    photo: None,
                }),
                1,
            );
        }
        r
    }

    fn texts(notes: &Records<Note>, block: &str) -> Vec<String> {
        block_notes(notes, block)
            .into_iter()
            .map(|(_, n)| n.text)
            .collect()
    }

    fn after(notes: &Records<Note>, edits: &[NoteEdit]) -> Records<Note> {
        let mut n = notes.clone();
        apply(&mut n, edits, 2);
        n
    }

    #[test]
    fn moves_land_where_asked_and_usually_touch_one_note() {
        let b = board(&[
            ("a", "x", "A", 0),
            ("b", "x", "B", 1024),
            ("c", "x", "C", 2048),
            ("d", "y", "D", 0),
        ]);
        // (note, to block, index, resulting x, resulting y, edits)
        type Case<'a> = (&'a str, &'a str, usize, &'a [&'a str], &'a [&'a str], usize);
        let cases: &[Case] = &[
            ("a", "x", 2, &["B", "C", "A"], &["D"], 1),
            ("c", "x", 0, &["C", "A", "B"], &["D"], 1),
            ("c", "x", 1, &["A", "C", "B"], &["D"], 1),
            ("b", "x", 1, &["A", "B", "C"], &["D"], 0),
            ("a", "y", 0, &["B", "C"], &["A", "D"], 1),
            ("a", "y", 9, &["B", "C"], &["D", "A"], 1),
            ("d", "x", 1, &["A", "D", "B", "C"], &[], 1),
            ("d", "z", 0, &["A", "B", "C"], &[], 1),
        ];
        for (id, to, index, want_x, want_y, n) in cases {
            let edits = move_to(&b, &rid(id), to, *index);
            let moved = after(&b, &edits);
            assert_eq!(texts(&moved, "x"), *want_x, "{id} → {to}:{index}");
            assert_eq!(texts(&moved, "y"), *want_y, "{id} → {to}:{index}");
            assert_eq!(edits.len(), *n, "{id} → {to}:{index}");
        }
        assert!(move_to(&b, &rid("zz"), "x", 0).is_empty());
    }

    #[test]
    fn a_block_without_room_is_renumbered() {
        // Equal orders (two tabs added at once) and neighbours one apart.
        let b = board(&[("a", "x", "A", 5), ("b", "x", "B", 5), ("c", "x", "C", 6)]);
        let edits = move_to(&b, &rid("c"), "x", 1);
        let moved = after(&b, &edits);
        assert_eq!(texts(&moved, "x"), ["A", "C", "B"]);
        let orders: Vec<i64> = block_notes(&moved, "x")
            .iter()
            .map(|(_, n)| n.order)
            .collect();
        assert_eq!(orders, [0, GAP, 2 * GAP]);
        // Orders at the edge of i64 do not overflow.
        let edge = board(&[("a", "x", "A", i64::MAX), ("b", "y", "B", 0)]);
        let moved = after(&edge, &move_to(&edge, &rid("b"), "x", 1));
        assert_eq!(texts(&moved, "x"), ["A", "B"]);
        let low = board(&[("a", "x", "A", i64::MIN), ("b", "y", "B", 0)]);
        let moved = after(&low, &move_to(&low, &rid("b"), "x", 0));
        assert_eq!(texts(&moved, "x"), ["B", "A"]);
    }

    #[test]
    fn keyboard_moves_follow_reading_order() {
        // Reading order: top row left to right, then the next row.
        let t = template(&[("p", 2, 1), ("q", 1, 2), ("o", 1, 1)]);
        let order: Vec<&str> = reading_order(&t).iter().map(|b| b.id.as_str()).collect();
        assert_eq!(order, ["o", "p", "q"]);
        let b = board(&[("a", "o", "A", 0), ("b", "o", "B", 1), ("c", "p", "C", 0)]);
        let n = |id: &str, way| after(&b, &nudge(&b, &t, &rid(id), way));
        assert_eq!(texts(&n("b", Nudge::Up), "o"), ["B", "A"]);
        assert_eq!(texts(&n("a", Nudge::Down), "o"), ["B", "A"]);
        assert!(nudge(&b, &t, &rid("a"), Nudge::Up).is_empty());
        assert!(nudge(&b, &t, &rid("b"), Nudge::Down).is_empty());
        assert_eq!(texts(&n("a", Nudge::NextBlock), "p"), ["C", "A"]);
        assert_eq!(texts(&n("c", Nudge::PrevBlock), "o"), ["A", "B", "C"]);
        assert!(nudge(&b, &t, &rid("a"), Nudge::PrevBlock).is_empty());
        let lost = board(&[("z", "gone", "Z", 0)]);
        let moved = after(&lost, &nudge(&lost, &t, &rid("z"), Nudge::NextBlock));
        assert_eq!(texts(&moved, "o"), ["Z"]);
    }

    #[test]
    fn add_change_delete_and_place() {
        let b = board(&[("a", "x", "A", 7)]);
        let added = add(&b, rid("n"), "x", "pink");
        assert_eq!(added.after.as_ref().unwrap().order, 7 + GAP);
        let b2 = after(&b, &[added]);
        assert_eq!(
            place(&b2, &rid("n")),
            Some(Place {
                block: "x".into(),
                index: 1,
                count: 2
            })
        );
        assert!(change(&b2, &rid("a"), |n| n.text = "A".into()).is_none());
        let e = change(&b2, &rid("a"), |n| n.colour = "blue".into()).unwrap();
        assert_eq!(e.before.unwrap().colour, "");
        let d = delete(&b2, &rid("a")).unwrap();
        assert_eq!(d.after, None);
        assert_eq!(texts(&after(&b2, &[d]), "x"), [""]);
        assert!(delete(&b2, &rid("q")).is_none());
    }

    #[test]
    fn drops_land_by_the_middle_of_the_notes() {
        let column = [(0.0, 0.0, 100.0, 40.0), (0.0, 50.0, 100.0, 90.0)];
        let rows = [
            (0.0, 0.0, 50.0, 40.0),
            (60.0, 0.0, 110.0, 40.0),
            (0.0, 50.0, 50.0, 90.0),
        ];
        // (boxes, x, y, index)
        type Case<'a> = (&'a [(f64, f64, f64, f64)], f64, f64, usize);
        let cases: &[Case] = &[
            (&column, 90.0, 5.0, 0),
            (&column, 5.0, 30.0, 1),
            (&column, 5.0, 60.0, 1),
            (&column, 5.0, 80.0, 2),
            (&column, 5.0, 500.0, 2),
            (&rows, 10.0, 10.0, 0),
            (&rows, 40.0, 10.0, 1),
            (&rows, 100.0, 10.0, 2),
            (&rows, 100.0, 45.0, 2),
            (&rows, 40.0, 60.0, 3),
            (&[], 0.0, 0.0, 0),
        ];
        for (boxes, x, y, want) in cases {
            assert_eq!(drop_index(boxes, *x, *y), *want, "{x},{y} in {boxes:?}");
        }
    }

    #[test]
    fn copying_keeps_blocks_it_can_and_never_reuses_ids() {
        let t = template(&[("who", 1, 1), ("what", 2, 1)]);
        let from = board(&[
            ("a", "what", "W1", 0),
            ("b", "who", "P1", 0),
            ("c", "elsewhere", "E1", 0),
        ]);
        let here = board(&[("h", "who", "Mine", 0)]);
        let mut n = 0;
        let edits = copy_from(&here, &from, &t, || {
            n += 1;
            RecordId::from_random(n)
        });
        assert_eq!(edits.len(), 3);
        assert!(edits.iter().all(|e| from.get(&e.id).is_none()));
        let copied = after(&here, &edits);
        assert_eq!(texts(&copied, "who"), ["Mine", "E1", "P1"]);
        assert_eq!(texts(&copied, "what"), ["W1"]);
    }
}
