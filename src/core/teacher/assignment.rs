//! An assignment: lessons and challenges a teacher gives a class, with a class label, a
//! title, a due date and a note. It is kept as props of a work item (the teacher's
//! `assignment:<id>`, the pupil's `assigned:<id>`) and travels as a link whose fragment
//! holds the whole assignment: `#/a/1.<base64url>`, so it works from any static host and
//! never reaches a server log.
//!
//! Link format v1 (before base64url): `varint len | body (len bytes) | CRC-32 of body (4
//! bytes, big-endian)`, the body being `varint rev (ms) | str id | str class | str title |
//! varint due (0 = none, else days since 1970-01-01 + 1) | str note | varint n | n × (varint
//! (id length << 1 | kind) | id bytes)`, strings as `varint length | UTF-8`. The version
//! stands before the dot in plain text, so a newer link is recognised even if its body is
//! laid out differently. Fields a later v1 writer appends after the items are ignored.

use super::codec::{
    base64url_decode, base64url_encode, crc32, parse_code_version, Base64Error, ByteReader,
    ByteWriter, ReadError,
};
use super::date::{days_since_epoch, from_days_since_epoch, iso_date, parse_date};
use crate::core::content::id::is_valid_id;
use crate::core::progress::{Millis, Work, WorkKind, WorkRef};
use chrono::NaiveDate;

pub const LINK_VERSION: u32 = 1;
pub const MAX_ITEMS: usize = 40;
pub const MAX_CLASS_CHARS: usize = 40;
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_NOTE_CHARS: usize = 1000;
/// Longer codes are refused before any decoding (a link of `MAX_ITEMS` long ids and a full
/// note stays well below).
pub const MAX_CODE_CHARS: usize = 8000;
const MAX_ID_BYTES: usize = 64;

/// Props of the work item that holds an assignment.
pub const PROP_CLASS: &str = "class";
pub const PROP_TITLE: &str = "title";
pub const PROP_DUE: &str = "due";
pub const PROP_NOTE: &str = "note";
pub const PROP_ITEMS: &str = "items";
pub const PROP_REV: &str = "rev";
/// On the pupil's copy: when it was last handed in (ms).
pub const PROP_HANDED_IN: &str = "handed_in";
/// On the teacher's copy: when it was made (ms), for sorting.
pub const PROP_CREATED: &str = "created";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assignment {
    /// Random, made once by the teacher's device; keys both copies of the assignment.
    pub id: String,
    /// The class label, e.g. "6.B".
    pub class: String,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub note: String,
    /// Lessons and challenges, in the teacher's order.
    pub items: Vec<WorkRef>,
    /// When the teacher last edited it: a pupil's copy takes a link only if it is newer.
    pub rev: Millis,
}

/// Why a link could not be read. Nothing is changed when a link fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Cut off (or a character lost): copied or typed only in part.
    Truncated,
    /// Changed characters, a wrong checksum or nonsense.
    Damaged,
    /// Made by a newer version of Spire than this one.
    NewerVersion(u32),
}

/// Keeps at most `max` characters, drops control characters (newlines only where allowed)
/// and trims: the one rule for every text of an assignment, on writing and on reading.
pub fn clip(s: &str, max: usize, newlines: bool) -> String {
    let clean: String = s
        .chars()
        .filter(|&c| !c.is_control() || (newlines && c == '\n'))
        .collect();
    clean
        .trim()
        .chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

impl Assignment {
    pub fn new(id: &str, rev: Millis) -> Assignment {
        Assignment {
            id: id.to_string(),
            rev,
            ..Default::default()
        }
    }

    /// The teacher's work item for this assignment.
    pub fn teacher_ref(&self) -> WorkRef {
        WorkRef::assignment(&self.id)
    }

    /// The pupil's work item for this assignment.
    pub fn pupil_ref(&self) -> WorkRef {
        WorkRef::assigned(&self.id)
    }

    /// The teacher's class overview of this assignment's hand-ins.
    pub fn class_ref(&self) -> WorkRef {
        WorkRef::class(&self.id)
    }

    /// Reads an assignment from the props of its work item; anything missing or odd is
    /// left empty (props come from storage, backups and other tabs).
    pub fn from_work(id: &str, work: Option<&Work>) -> Assignment {
        let prop = |name| work.and_then(|w| w.prop(name)).unwrap_or("");
        Assignment {
            id: id.to_string(),
            class: clip(prop(PROP_CLASS), MAX_CLASS_CHARS, false),
            title: clip(prop(PROP_TITLE), MAX_TITLE_CHARS, false),
            due: parse_date(prop(PROP_DUE)),
            note: clip(prop(PROP_NOTE), MAX_NOTE_CHARS, true),
            items: parse_items(prop(PROP_ITEMS)),
            rev: prop(PROP_REV).parse().unwrap_or(0),
        }
    }

    /// The props that hold this assignment (the pupil's copy keeps `rev` too).
    pub fn props(&self) -> Vec<(&'static str, String)> {
        vec![
            (PROP_CLASS, self.class.clone()),
            (PROP_TITLE, self.title.clone()),
            (PROP_DUE, self.due.map(iso_date).unwrap_or_default()),
            (PROP_NOTE, self.note.clone()),
            (PROP_ITEMS, items_prop(&self.items)),
            (PROP_REV, self.rev.to_string()),
        ]
    }

    /// The code after `#/a/` in the assignment's link.
    pub fn to_code(&self) -> String {
        let mut body = ByteWriter::default();
        body.varint(self.rev.max(0) as u64);
        body.str(&self.id);
        body.str(&clip(&self.class, MAX_CLASS_CHARS, false));
        body.str(&clip(&self.title, MAX_TITLE_CHARS, false));
        body.varint(
            self.due
                .map(days_since_epoch)
                .filter(|&d| d >= 0)
                .map_or(0, |d| d as u64 + 1),
        );
        body.str(&clip(&self.note, MAX_NOTE_CHARS, true));
        let items: Vec<&WorkRef> = self
            .items
            .iter()
            .filter(|r| item_kind_bit(r.kind).is_some())
            .take(MAX_ITEMS)
            .collect();
        body.varint(items.len() as u64);
        for item in items {
            let bit = item_kind_bit(item.kind).unwrap_or(0);
            body.varint(((item.id.len() as u64) << 1) | bit);
            body.id(&item.id);
        }
        let mut frame = ByteWriter::default();
        frame.varint(body.bytes.len() as u64);
        frame.bytes.extend_from_slice(&body.bytes);
        frame
            .bytes
            .extend_from_slice(&crc32(&body.bytes).to_be_bytes());
        format!("{LINK_VERSION}.{}", base64url_encode(&frame.bytes))
    }

    /// Reads the code of a link. Never panics, whatever the text.
    pub fn from_code(code: &str) -> Result<Assignment, LinkError> {
        // A platform that turns the link into a hyperlink may take a closing bracket or a
        // full stop with it; no code ends in anything but a base64url character.
        let code = code
            .trim()
            .trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        if code.len() > MAX_CODE_CHARS {
            return Err(LinkError::Damaged);
        }
        let Some((version, data)) = code.split_once('.') else {
            // A link cut before the dot (or nothing after `#/a/`).
            let digits = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit());
            return Err(if code.is_empty() || digits {
                LinkError::Truncated
            } else {
                LinkError::Damaged
            });
        };
        let version = parse_code_version(version).ok_or(LinkError::Damaged)?;
        if version > LINK_VERSION {
            return Err(LinkError::NewerVersion(version));
        }
        let frame = base64url_decode(data).map_err(|e| match e {
            Base64Error::BadLength | Base64Error::BadEnd => LinkError::Truncated,
            Base64Error::BadChar => LinkError::Damaged,
        })?;
        if frame.is_empty() {
            return Err(LinkError::Truncated);
        }
        let mut r = ByteReader::new(&frame);
        let len = r.varint().map_err(|e| match e {
            ReadError::Ended => LinkError::Truncated,
            ReadError::Bad => LinkError::Damaged,
        })?;
        let header = r.position();
        let need = (len as usize)
            .checked_add(header + 4)
            .ok_or(LinkError::Damaged)?;
        if len > frame.len() as u64 || frame.len() < need {
            return Err(LinkError::Truncated);
        }
        if frame.len() > need {
            return Err(LinkError::Damaged);
        }
        let body = &frame[header..header + len as usize];
        let sum = &frame[header + len as usize..];
        if crc32(body).to_be_bytes() != sum {
            return Err(LinkError::Damaged);
        }
        read_body(body).map_err(|_| LinkError::Damaged)
    }
}

fn read_body(body: &[u8]) -> Result<Assignment, ReadError> {
    let mut r = ByteReader::new(body);
    let rev = r.varint()?.min(i64::MAX as u64) as i64;
    let id = r.str(MAX_ID_BYTES)?;
    if !is_valid_id(&id) {
        return Err(ReadError::Bad);
    }
    let class = clip(&r.str(MAX_CLASS_CHARS * 4)?, MAX_CLASS_CHARS, false);
    let title = clip(&r.str(MAX_TITLE_CHARS * 4)?, MAX_TITLE_CHARS, false);
    let due = match r.varint()? {
        0 => None,
        d => Some(
            from_days_since_epoch(i64::try_from(d - 1).map_err(|_| ReadError::Bad)?)
                .ok_or(ReadError::Bad)?,
        ),
    };
    let note = clip(&r.str(MAX_NOTE_CHARS * 4)?, MAX_NOTE_CHARS, true);
    let n = r.varint()?;
    if n > MAX_ITEMS as u64 {
        return Err(ReadError::Bad);
    }
    let mut items = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let tag = r.varint()?;
        let kind = if tag & 1 == 0 {
            WorkKind::Lesson
        } else {
            WorkKind::Challenge
        };
        let len = tag >> 1;
        if len > MAX_ID_BYTES as u64 {
            return Err(ReadError::Bad);
        }
        let id = r.id(len as usize)?;
        if !is_valid_id(&id) {
            return Err(ReadError::Bad);
        }
        let item = WorkRef { kind, id };
        if !items.contains(&item) {
            items.push(item);
        }
    }
    Ok(Assignment {
        id,
        class,
        title,
        due,
        note,
        items,
        rev,
    })
}

fn item_kind_bit(kind: WorkKind) -> Option<u64> {
    match kind {
        WorkKind::Lesson => Some(0),
        WorkKind::Challenge => Some(1),
        _ => None,
    }
}

/// The items prop: work keys separated by spaces (`lesson:a challenge:b`).
pub fn items_prop(items: &[WorkRef]) -> String {
    items
        .iter()
        .filter(|r| item_kind_bit(r.kind).is_some())
        .map(WorkRef::key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads the items prop leniently: unknown kinds and bad ids are left out, duplicates once.
pub fn parse_items(s: &str) -> Vec<WorkRef> {
    let mut items: Vec<WorkRef> = Vec::new();
    for r in s.split_whitespace().filter_map(WorkRef::parse) {
        if item_kind_bit(r.kind).is_some() && !items.contains(&r) && items.len() < MAX_ITEMS {
            items.push(r);
        }
    }
    items
}

/// How far a pupil is with one item of an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ItemProgress {
    /// Tasks answered (never more than `tasks`, when that is known).
    pub answered: usize,
    /// How many steps take an answer, once the content is known.
    pub tasks: Option<usize>,
    /// The pupil marked it finished.
    pub done: bool,
}

pub fn item_progress(work: Option<&Work>, tasks: Option<usize>) -> ItemProgress {
    let answered = work.map_or(0, Work::answered_steps);
    ItemProgress {
        answered: tasks.map_or(answered, |t| answered.min(t)),
        tasks,
        done: work.is_some_and(|w| w.completed.is_some()),
    }
}

/// The whole assignment: items finished, tasks answered and (when every item's task count
/// is known) the tasks there are.
pub fn total_progress(items: &[ItemProgress]) -> (usize, usize, Option<usize>) {
    let done = items.iter().filter(|i| i.done).count();
    let answered = items.iter().map(|i| i.answered).sum();
    let tasks = items.iter().map(|i| i.tasks).sum::<Option<usize>>();
    (done, answered, tasks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Assignment {
        Assignment {
            id: "k3x9q2m7a1b0".into(),
            class: "6.B".into(),
            title: "Idéer til skolegården".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 5),
            note: "Husk at aflevere fredag.\nGod fornøjelse!".into(),
            items: vec![
                WorkRef::lesson("ide-storm"),
                WorkRef::challenge("find-vej-plejehjem"),
            ],
            rev: 1_764_000_000_123,
        }
    }

    #[test]
    fn a_link_round_trips() {
        let a = sample();
        let code = a.to_code();
        assert!(code.starts_with("1."), "{code}");
        assert_eq!(Assignment::from_code(&code), Ok(a.clone()));
        for trailing in [".", ")", "),", "\"", " "] {
            assert_eq!(
                Assignment::from_code(&format!("{code}{trailing}")),
                Ok(a.clone())
            );
        }
        let empty = Assignment::new("a1", 0);
        assert_eq!(Assignment::from_code(&empty.to_code()), Ok(empty));
    }

    #[test]
    fn cut_changed_and_future_links_say_which() {
        let code = sample().to_code();
        let cases: Vec<(String, LinkError)> = vec![
            (String::new(), LinkError::Truncated),
            ("1".into(), LinkError::Truncated),
            ("1.".into(), LinkError::Truncated),
            (format!("{code}AAAA"), LinkError::Damaged),
            (code.replacen("1.", "2.", 1), LinkError::NewerVersion(2)),
            (
                format!("{}.", &code[..code.len() - 1]),
                LinkError::Truncated,
            ),
            (code.replacen("1.", "0.", 1), LinkError::Damaged),
            (code.replacen("1.", "x.", 1), LinkError::Damaged),
            ("hello".into(), LinkError::Damaged),
            (
                format!("1.{}", "A".repeat(MAX_CODE_CHARS)),
                LinkError::Damaged,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Assignment::from_code(&text), Err(want), "{text}");
        }
        // A cut anywhere says so.
        for cut in 0..code.len() {
            assert_eq!(
                Assignment::from_code(&code[..cut]),
                Err(LinkError::Truncated),
                "{cut}"
            );
        }
    }

    #[test]
    fn every_changed_character_is_caught() {
        let code = sample().to_code();
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (i, c) in code.char_indices().skip(2) {
            for other in alphabet.chars().filter(|&o| o != c).step_by(7) {
                let mut mangled = code.clone();
                mangled.replace_range(i..i + 1, &other.to_string());
                assert!(Assignment::from_code(&mangled).is_err(), "{mangled}");
            }
        }
    }

    #[test]
    fn props_round_trip_and_are_read_leniently() {
        let a = sample();
        let mut p = crate::core::progress::Progress::default();
        let r = a.pupil_ref();
        for (name, value) in a.props() {
            p.set_prop(&r, name, &value, 1);
        }
        assert_eq!(Assignment::from_work(&a.id, p.work(&r)), a);
        p.set_prop(&r, PROP_DUE, "soon", 2);
        p.set_prop(
            &r,
            PROP_ITEMS,
            "lesson:a quiz:b lesson:a lesson:BAD assignment:x challenge:c",
            2,
        );
        let read = Assignment::from_work(&a.id, p.work(&r));
        assert_eq!(read.due, None);
        assert_eq!(
            read.items,
            vec![WorkRef::lesson("a"), WorkRef::challenge("c")]
        );
        assert_eq!(Assignment::from_work("x", None), Assignment::new("x", 0));
    }

    #[test]
    fn texts_are_clipped_and_cleaned() {
        let mut a = sample();
        a.title = format!("  {}\u{7}", "é".repeat(500));
        a.note = "line\nline\r\u{0}".into();
        let back = Assignment::from_code(&a.to_code()).unwrap();
        assert_eq!(back.title.chars().count(), MAX_TITLE_CHARS);
        assert_eq!(back.note, "line\nline");
    }

    #[test]
    fn progress_adds_up() {
        let items = [
            ItemProgress {
                answered: 2,
                tasks: Some(4),
                done: false,
            },
            ItemProgress {
                answered: 3,
                tasks: Some(3),
                done: true,
            },
        ];
        assert_eq!(total_progress(&items), (1, 5, Some(7)));
        let unknown = [ItemProgress {
            answered: 1,
            tasks: None,
            done: false,
        }];
        assert_eq!(total_progress(&unknown), (0, 1, None));
        let mut p = crate::core::progress::Progress::default();
        let l = WorkRef::lesson("a");
        for s in ["x", "y", "z"] {
            p.set_answer(
                &l,
                s,
                crate::core::progress::Answer::Text { text: "t".into() },
                1,
            );
        }
        assert_eq!(item_progress(p.work(&l), Some(2)).answered, 2);
        assert_eq!(
            item_progress(None, Some(2)),
            ItemProgress {
                answered: 0,
                tasks: Some(2),
                done: false
            }
        );
    }

    fn arb_assignment() -> impl Strategy<Value = Assignment> {
        let id = "[a-z0-9]{1,12}";
        let item = (any::<bool>(), "[a-z0-9]{1,10}(-[a-z0-9]{1,8}){0,2}").prop_map(|(c, id)| {
            if c {
                WorkRef::challenge(&id)
            } else {
                WorkRef::lesson(&id)
            }
        });
        (
            id,
            ".{0,20}",
            ".{0,60}",
            proptest::option::of(0i64..40_000),
            ".{0,200}",
            proptest::collection::vec(item, 0..12),
            0i64..i64::MAX,
        )
            .prop_map(|(id, class, title, due, note, items, rev)| {
                let mut unique = Vec::new();
                for i in items {
                    if !unique.contains(&i) {
                        unique.push(i);
                    }
                }
                Assignment {
                    id,
                    class: clip(&class, MAX_CLASS_CHARS, false),
                    title: clip(&title, MAX_TITLE_CHARS, false),
                    due: due.and_then(from_days_since_epoch),
                    note: clip(&note, MAX_NOTE_CHARS, true),
                    items: unique,
                    rev,
                }
            })
    }

    proptest! {
        #[test]
        fn any_assignment_round_trips(a in arb_assignment()) {
            prop_assert_eq!(Assignment::from_code(&a.to_code()), Ok(a));
        }

        #[test]
        fn any_text_is_refused_or_read_without_panicking(text in ".{0,300}") {
            let _ = Assignment::from_code(&text);
            let _ = Assignment::from_code(&format!("1.{text}"));
        }

        #[test]
        fn any_bytes_after_the_version_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = Assignment::from_code(&format!("1.{}", base64url_encode(&bytes)));
        }

        #[test]
        fn any_cut_of_a_link_says_it_is_cut(a in arb_assignment(), cut in 0usize..1000) {
            let code = a.to_code();
            let cut = cut % code.len();
            prop_assert_eq!(Assignment::from_code(&code[..cut]), Err(LinkError::Truncated));
        }
    }
}
