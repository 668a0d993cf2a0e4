//! The undo history of one board in one tab: each action is a list of record edits (before
//! → after). Undoing writes the `before`s back as new edits, so an undo is saved, merged
//! and synced like any edit; redoing writes the `after`s again.
//!
//! The history belongs to the tab that made the edits: an undo reverts only records still
//! as this tab left them, so it never takes back what another tab (or a merged backup)
//! changed since. Typing into one note is one action until the pupil pauses or turns to
//! something else, so Ctrl+Z takes back a word's worth of typing, not a letter.

use super::notes::NoteEdit;
use crate::core::progress::{Millis, Note, RecordId};
use serde::{Deserialize, Serialize};

/// Steps kept; older ones are forgotten.
pub const LIMIT: usize = 100;
/// Typing into the same note within this pause is one action.
pub const TYPING_PAUSE: Millis = 1500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub edits: Vec<NoteEdit>,
    /// When the action was last extended.
    #[serde(default)]
    pub at: Millis,
    /// The note being typed into, while typing may still extend this action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typing: Option<RecordId>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    #[serde(default)]
    undo: Vec<Action>,
    #[serde(default)]
    redo: Vec<Action>,
}

/// What an undo or redo writes, and how many edits it left alone because the note had been
/// changed since (by another tab, or a merged file).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Replay {
    pub writes: Vec<(RecordId, Option<Note>)>,
    pub skipped: usize,
}

impl History {
    /// Remembers an action (anything but typing). Clears the redo steps.
    pub fn record(&mut self, edits: Vec<NoteEdit>, now: Millis) {
        let edits: Vec<NoteEdit> = edits.into_iter().filter(|e| e.before != e.after).collect();
        if edits.is_empty() {
            return;
        }
        self.push(Action {
            edits,
            at: now,
            typing: None,
        });
    }

    /// Remembers a text edit, joining it to the typing action on the same note if the pupil
    /// has not paused.
    pub fn record_typing(&mut self, edit: NoteEdit, now: Millis) {
        if edit.before == edit.after {
            return;
        }
        if let Some(top) = self.undo.last_mut() {
            let same_note = top.typing.as_ref() == Some(&edit.id);
            if same_note && now - top.at <= TYPING_PAUSE && top.edits.len() == 1 {
                top.edits[0].after = edit.after;
                top.at = now;
                self.redo.clear();
                return;
            }
        }
        let id = edit.id.clone();
        self.push(Action {
            edits: vec![edit],
            at: now,
            typing: Some(id),
        });
    }

    fn push(&mut self, action: Action) {
        // A finished typing action is closed, so a later typing burst is its own step.
        if let Some(top) = self.undo.last_mut() {
            if action.typing.is_none() || top.typing != action.typing {
                top.typing = None;
            }
        }
        self.undo.push(action);
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Ends the current typing action (focus left the note), so more typing is a new step.
    pub fn close_typing(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.typing = None;
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Takes back the last action. `current` reads a note as it is now.
    pub fn undo(&mut self, current: impl Fn(&RecordId) -> Option<Note>) -> Option<Replay> {
        let mut action = self.undo.pop()?;
        action.typing = None;
        let replay = replay(&action, current, |e| (&e.after, &e.before));
        self.redo.push(action);
        Some(replay)
    }

    /// Does again the last action taken back.
    pub fn redo(&mut self, current: impl Fn(&RecordId) -> Option<Note>) -> Option<Replay> {
        let action = self.redo.pop()?;
        let replay = replay(&action, current, |e| (&e.before, &e.after));
        self.undo.push(action);
        Some(replay)
    }

    /// The history as saved in the tab's session storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A saved history; anything unreadable is an empty history (it is only a convenience).
    pub fn from_json(text: &str) -> History {
        let mut h: History = serde_json::from_str(text).unwrap_or_default();
        h.undo.truncate(LIMIT);
        h.redo.truncate(LIMIT);
        h.close_typing();
        h
    }
}

/// The writes that move each record of `action` from one side to the other, in reverse
/// order for an undo, skipping records that are no longer as that side left them.
fn replay(
    action: &Action,
    current: impl Fn(&RecordId) -> Option<Note>,
    sides: impl Fn(&NoteEdit) -> (&Option<Note>, &Option<Note>),
) -> Replay {
    let mut out = Replay::default();
    for edit in &action.edits {
        let (from, to) = sides(edit);
        if current(&edit.id) == *from {
            out.writes.push((edit.id.clone(), to.clone()));
        } else {
            out.skipped += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::board::notes::{self, NoteEdit};
    use crate::core::progress::Records;

    fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn note(text: &str) -> Note {
        Note {
            block: "b".into(),
            text: text.into(),
            colour: String::new(),
            order: 0,
            photo: None,
        }
    }

    /// A board and its history, changed the way the app changes them.
    struct Board {
        notes: Records<Note>,
        history: History,
        now: Millis,
    }

    impl Board {
        fn new() -> Board {
            Board {
                notes: Records::default(),
                history: History::default(),
                now: 1000,
            }
        }
        fn act(&mut self, edits: Vec<NoteEdit>) {
            self.now += 10_000;
            notes::apply(&mut self.notes, &edits, self.now);
            self.history.record(edits, self.now);
        }
        fn type_text(&mut self, id: &str, text: &str, pause: Millis) {
            self.now += pause;
            let e = notes::change(&self.notes, &rid(id), |n| n.text = text.into()).unwrap();
            notes::apply(&mut self.notes, std::slice::from_ref(&e), self.now);
            self.history.record_typing(e, self.now);
        }
        fn write(&mut self, r: Replay) {
            self.now += 1;
            for (id, v) in r.writes {
                self.notes.put(id, v, self.now);
            }
        }
        fn undo(&mut self) {
            let notes = self.notes.clone();
            let r = self.history.undo(|id| notes.get(id).cloned()).unwrap();
            self.write(r);
        }
        fn redo(&mut self) {
            let notes = self.notes.clone();
            let r = self.history.redo(|id| notes.get(id).cloned()).unwrap();
            self.write(r);
        }
        fn text(&self, id: &str) -> Option<String> {
            self.notes.get(&rid(id)).map(|n| n.text.clone())
        }
    }

    #[test]
    fn add_type_delete_then_undo_and_redo_everything() {
        let mut b = Board::new();
        b.act(vec![notes::add(&b.notes, rid("a"), "b", "")]);
        b.type_text("a", "H", 0);
        b.type_text("a", "Hi", 300);
        b.type_text("a", "Hi!", 300);
        b.act(vec![notes::delete(&b.notes, &rid("a")).unwrap()]);
        assert_eq!(b.text("a"), None);
        b.undo();
        assert_eq!(
            b.text("a").as_deref(),
            Some("Hi!"),
            "the deleted note is back"
        );
        b.undo();
        assert_eq!(
            b.text("a").as_deref(),
            Some(""),
            "the typing burst is one step"
        );
        b.undo();
        assert_eq!(b.text("a"), None, "the add is taken back");
        assert!(!b.history.can_undo());
        b.redo();
        b.redo();
        assert_eq!(b.text("a").as_deref(), Some("Hi!"));
        b.redo();
        assert_eq!(b.text("a"), None);
        assert!(!b.history.can_redo());
    }

    #[test]
    fn a_pause_or_another_note_starts_a_new_typing_step() {
        let mut b = Board::new();
        b.act(vec![notes::add(&b.notes, rid("a"), "b", "")]);
        b.act(vec![notes::add(&b.notes, rid("c"), "b", "")]);
        b.type_text("a", "one", 0);
        b.type_text("a", "one two", TYPING_PAUSE + 1);
        b.type_text("c", "x", 10);
        b.type_text("a", "one two three", 10);
        b.undo();
        assert_eq!(b.text("a").as_deref(), Some("one two"));
        b.undo();
        assert_eq!(b.text("c").as_deref(), Some(""));
        b.undo();
        assert_eq!(b.text("a").as_deref(), Some("one"));
        // A new action after an undo drops what could be redone.
        b.type_text("a", "uno", 10);
        assert!(!b.history.can_redo());
    }

    #[test]
    fn undo_leaves_alone_what_another_tab_changed_since() {
        let mut b = Board::new();
        b.act(vec![
            notes::add(&b.notes, rid("a"), "b", ""),
            notes::add(&b.notes, rid("c"), "b", ""),
        ]);
        b.type_text("a", "mine", 0);
        b.history.close_typing();
        // Another tab edits the note after us.
        b.notes.put(rid("a"), Some(note("theirs")), b.now + 5);
        b.now += 10;
        let notes = b.notes.clone();
        let r = b.history.undo(|id| notes.get(id).cloned()).unwrap();
        assert_eq!(r.writes, vec![]);
        assert_eq!(r.skipped, 1);
        b.write(r);
        assert_eq!(b.text("a").as_deref(), Some("theirs"));
        // The add of both notes: one was changed elsewhere, the other is taken back.
        let notes = b.notes.clone();
        let r = b.history.undo(|id| notes.get(id).cloned()).unwrap();
        assert_eq!(r.writes, vec![(rid("c"), None)]);
        assert_eq!(r.skipped, 1);
    }

    #[test]
    fn the_history_survives_its_saved_form_and_junk_is_empty() {
        let mut b = Board::new();
        b.act(vec![notes::add(&b.notes, rid("a"), "b", "")]);
        b.type_text("a", "x", 0);
        let saved = History::from_json(&b.history.to_json());
        assert!(saved.can_undo());
        assert_eq!(saved.undo.len(), 2);
        assert_eq!(saved.undo[1].typing, None, "a reload ends the typing step");
        for junk in [
            "",
            "null",
            "[]",
            "{\"undo\": 3}",
            "{\"undo\": [{\"edits\": 1}]}",
        ] {
            assert_eq!(History::from_json(junk), History::default(), "{junk}");
        }
        let mut long = History::default();
        for i in 0..(LIMIT + 10) {
            long.record(
                vec![NoteEdit {
                    id: RecordId::from_random(i as u64),
                    before: None,
                    after: Some(note("n")),
                }],
                i as Millis,
            );
        }
        assert_eq!(long.undo.len(), LIMIT);
    }
}
