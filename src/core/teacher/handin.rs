//! A hand-in: a pupil's answers to the lessons and challenges of one assignment, as a JSON
//! file (to download and hand to the teacher) or as a code (to paste into the school's
//! learning platform). The teacher's device reads every hand-in — files, codes and its own
//! saved copies — through `read_handin`, the one gate, which never panics and never lets
//! anything through that is not plain data of the assignment.
//!
//! File format v1:
//! `{"format": "spire-hand-in", "version": 1, "app_version", "handed_in_at": ms,
//!   "assignment": {"id", "class", "title", "rev"}, "pupil": "Ida",
//!   "work": {"lesson:<id>": <work item as saved>, …}, "media": [{"id", "mime", "data"}, …]}`.
//! `media` (content v1.1, optional) holds the photos and recordings the work refers to, as
//! a backup does; a pupil may hand in without it. An app without media support ignores it.
//! Codes never carry media.
//! Code format v1: `SPIRE1.` + base64url(deflate-raw(file) ++ CRC-32 of the deflated bytes,
//! big-endian). The browser compresses (`CompressionStream("deflate-raw")`, free in the
//! download); the framing and the checksum are here.

use super::assignment::{clip, Assignment, MAX_CLASS_CHARS, MAX_TITLE_CHARS};
use super::codec::{checksummed_code, read_checksummed_code, CodeError};
use crate::core::content::summary::content_hash;
use crate::core::json_file::{self, EnvelopeError, OpenError};
use crate::core::media::backup::{
    clips_in, entries, media_field_len, only_wanted, read_media, referenced_in, MediaBlob,
    MediaEntry, MediaTally,
};
use crate::core::media::Clip;
use crate::core::progress::backup::MAX_BACKUP_BYTES;
use crate::core::progress::stored::restore_work;
use crate::core::progress::{Answer, Millis, Progress, RecordId, Work, WorkRef};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub const HANDIN_FORMAT: &str = "spire-hand-in";
pub const HANDIN_VERSION: u32 = 1;
/// A hand-in of a few lessons is a few KB; anything near this is not one. With photos and
/// recordings, this is the limit of everything in the file but them.
pub const MAX_HANDIN_BYTES: usize = 512 * 1024;
/// A hand-in file with its photos and recordings: as large as a backup may be.
pub const MAX_HANDIN_FILE_BYTES: usize = MAX_BACKUP_BYTES;
/// JSON nested deeper than this is refused before it is parsed (a saved work item is 6 deep).
pub const MAX_DEPTH: usize = 16;
/// No text a pupil writes is this long.
pub const MAX_TEXT_BYTES: usize = 32 * 1024;
pub const MAX_PUPIL_CHARS: usize = 80;
/// Dots on one idea in a hand-in are clamped to this (a vote allows a handful).
pub const MAX_DOTS: u32 = 99;
pub const CODE_PREFIX: &str = "SPIRE";
pub const CODE_VERSION: u32 = 1;
/// Longer pasted codes are refused before decoding.
pub const MAX_CODE_CHARS: usize = MAX_HANDIN_BYTES / 2;

/// The assignment a hand-in answers, as the pupil's copy had it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandInAssignment {
    pub id: String,
    pub class: String,
    pub title: String,
    pub rev: Millis,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HandIn {
    pub assignment: HandInAssignment,
    pub pupil: String,
    pub handed_in_at: Millis,
    pub app_version: String,
    /// The pupil's work on each item of the assignment, by work key.
    pub work: BTreeMap<String, Work>,
    /// Work keys that were in the file but unreadable or not part of the assignment.
    pub dropped: Vec<String>,
}

/// Why a hand-in (file or code) was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandInError {
    TooLarge,
    NotText,
    NotJson {
        line: usize,
        column: usize,
    },
    TooDeep,
    HugeText,
    /// Not a Spire hand-in (another file, or not an object).
    NotAHandIn,
    FromNewerApp(u64),
    /// A field has the wrong type or value.
    BadField(&'static str),
    NoPupil,
    /// A hand-in for another assignment.
    OtherAssignment {
        class: String,
        title: String,
    },
    /// A file that ends before its data does (a download or copy cut off).
    Truncated,
    /// A pasted code that is cut off.
    CodeTruncated,
    /// A pasted code with changed characters.
    CodeDamaged,
    CodeFromNewerApp(u32),
    /// The code's content could not be unpacked.
    CodeUnpack,
}

impl HandIn {
    /// The hand-in of `pupil` for `assignment`: the work on each of its items.
    pub fn new(
        assignment: &Assignment,
        pupil: &str,
        progress: &Progress,
        now: Millis,
        app_version: &str,
    ) -> HandIn {
        let work = crate::core::sort::to_map(assignment.items.iter().filter_map(|item| {
            let w = progress.work(item).filter(|w| !w.is_deleted())?;
            Some((item.key(), clean(w.clone())))
        }));
        HandIn {
            assignment: HandInAssignment {
                id: assignment.id.clone(),
                class: assignment.class.clone(),
                title: assignment.title.clone(),
                rev: assignment.rev,
            },
            pupil: clip(pupil, MAX_PUPIL_CHARS, false),
            handed_in_at: now,
            app_version: app_version.to_string(),
            work,
            dropped: vec![],
        }
    }

    /// The file text (also what the teacher's device keeps of it). Written through a
    /// derived `Serialize` to a string, the same path the store saves work by, so no second
    /// serializer of every answer kind is compiled into the app.
    pub fn to_json(&self) -> String {
        self.to_json_with_media(&[])
    }

    /// The file text with the photos and recordings among `media` that the work refers to.
    pub fn to_json_with_media(&self, media: &[MediaBlob]) -> String {
        let media = only_wanted(media, &referenced_in(self.work.values()));
        #[derive(Serialize)]
        struct File<'a> {
            format: &'a str,
            version: u32,
            app_version: &'a str,
            handed_in_at: Millis,
            assignment: FileAssignment<'a>,
            pupil: &'a str,
            work: &'a BTreeMap<String, Work>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            media: Vec<MediaEntry<'a>>,
        }
        #[derive(Serialize)]
        struct FileAssignment<'a> {
            id: &'a str,
            class: &'a str,
            title: &'a str,
            rev: Millis,
        }
        let a = &self.assignment;
        serde_json::to_string(&File {
            format: HANDIN_FORMAT,
            version: HANDIN_VERSION,
            app_version: &self.app_version,
            handed_in_at: self.handed_in_at,
            assignment: FileAssignment {
                id: &a.id,
                class: &a.class,
                title: &a.title,
                rev: a.rev,
            },
            pupil: &self.pupil,
            work: &self.work,
            media: entries(&media),
        })
        .unwrap_or_default()
    }

    /// The photos and recordings the handed-in work refers to.
    pub fn clips(&self) -> Vec<Clip> {
        clips_in(self.work.values())
    }

    /// The size of the file and what it holds, said before it is downloaded: without media,
    /// and with them (from the sizes the answers record).
    pub fn file_sizes(&self) -> HandInSizes {
        let clips = self.clips();
        let without = self.to_json().len() as u64;
        HandInSizes {
            without_media: without,
            with_media: without + media_field_len(&clips),
            media: MediaTally::of(&clips),
        }
    }

    /// The key of the pupil's hand-in in the class overview: the same for the same name
    /// (ignoring case and spacing), so handing in again replaces the earlier one.
    pub fn pupil_key(&self) -> RecordId {
        pupil_key(&self.pupil)
    }

    pub fn work_on(&self, item: &WorkRef) -> Option<&Work> {
        self.work.get(&item.key())
    }
}

/// The two sizes a hand-in file can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandInSizes {
    pub without_media: u64,
    pub with_media: u64,
    pub media: MediaTally,
}

/// A hand-in file read with its media.
#[derive(Debug, Clone, PartialEq)]
pub struct HandInFile {
    pub handin: HandIn,
    /// The photos and recordings in the file that its work refers to.
    pub media: Vec<MediaBlob>,
}

/// A name as compared: trimmed, single spaces, lower case.
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn pupil_key(name: &str) -> RecordId {
    let hash = content_hash(normalise_name(name).as_bytes());
    RecordId::from_random(u64::from_str_radix(&hash, 16).unwrap_or(0))
}

/// Only plain saved work: nothing a newer app kept aside, no dots beyond any vote.
fn clean(mut work: Work) -> Work {
    work.extra.clear();
    for stamped in work.answers.values_mut() {
        if let Answer::Dots { dots } = &mut stamped.value {
            dots.values_mut().for_each(|d| *d = (*d).min(MAX_DOTS));
        }
    }
    work
}

/// Checks nesting depth and text length in one pass over the bytes, before any parsing,
/// so a hostile file costs no more than reading it once.
pub(crate) fn scan(bytes: &[u8]) -> Result<(), HandInError> {
    scan_within(bytes, MAX_TEXT_BYTES)
}

/// Only the nesting depth, for a file whose long strings are its media.
fn scan_depth(bytes: &[u8]) -> Result<(), HandInError> {
    scan_within(bytes, usize::MAX)
}

fn scan_within(bytes: &[u8], max_text: usize) -> Result<(), HandInError> {
    let (mut depth, mut in_string, mut escaped, mut string_len) = (0usize, false, false, 0usize);
    for &b in bytes {
        if in_string {
            string_len += 1;
            if string_len > max_text {
                return Err(HandInError::HugeText);
            }
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_len = 0;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(HandInError::TooDeep);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn string_field(obj: &Map<String, Value>, name: &'static str) -> Result<String, HandInError> {
    match obj.get(name) {
        Some(Value::String(s)) => Ok(s.clone()),
        None | Some(Value::Null) => Ok(String::new()),
        Some(_) => Err(HandInError::BadField(name)),
    }
}

fn time_field(obj: &Map<String, Value>, name: &'static str) -> Result<Millis, HandInError> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(0),
        Some(v) => v
            .as_i64()
            .filter(|&t| t >= 0)
            .ok_or(HandInError::BadField(name)),
    }
}

/// Reads a hand-in file (or a saved copy of one) for `expected`. Every item of the file is
/// read in its own guard: an unreadable one, or one the assignment does not have, is left
/// out and named in `dropped`.
pub fn read_handin(bytes: &[u8], expected: &Assignment) -> Result<HandIn, HandInError> {
    let text = json_file::open_text(bytes, MAX_HANDIN_BYTES).map_err(open_error)?;
    scan(text.as_bytes())?;
    let value = json_file::parse(text).map_err(open_error)?;
    let mut obj = json_file::envelope(value, HANDIN_FORMAT, u64::from(HANDIN_VERSION)).map_err(
        |e| match e {
            EnvelopeError::OtherFormat => HandInError::NotAHandIn,
            EnvelopeError::NoVersion => HandInError::BadField("version"),
            EnvelopeError::Newer(v) => HandInError::FromNewerApp(v),
        },
    )?;
    let Some(Value::Object(a)) = obj.get("assignment") else {
        return Err(HandInError::BadField("assignment"));
    };
    let assignment = HandInAssignment {
        id: string_field(a, "id")?,
        class: clip(&string_field(a, "class")?, MAX_CLASS_CHARS, false),
        title: clip(&string_field(a, "title")?, MAX_TITLE_CHARS, false),
        rev: time_field(a, "rev")?,
    };
    if assignment.id != expected.id {
        return Err(HandInError::OtherAssignment {
            class: assignment.class,
            title: assignment.title,
        });
    }
    let pupil = clip(&string_field(&obj, "pupil")?, MAX_PUPIL_CHARS, false);
    if pupil.is_empty() {
        return Err(HandInError::NoPupil);
    }
    let handed_in_at = time_field(&obj, "handed_in_at")?;
    let app_version = clip(&string_field(&obj, "app_version")?, 40, false);
    let mut work = BTreeMap::new();
    let mut dropped = Vec::new();
    match obj.remove("work") {
        None | Some(Value::Null) => {}
        Some(Value::Object(items)) => {
            for (key, item) in items {
                let wanted = WorkRef::parse(&key).filter(|r| expected.items.contains(r));
                match wanted.and_then(|_| restore_work(&key, item)) {
                    Some(w) => {
                        work.insert(key, clean(w));
                    }
                    None => dropped.push(clip(&key, 60, false)),
                }
            }
        }
        Some(_) => return Err(HandInError::BadField("work")),
    }
    Ok(HandIn {
        assignment,
        pupil,
        handed_in_at,
        app_version,
        work,
        dropped,
    })
}

/// Reads a hand-in file that may carry photos and recordings (up to
/// [`MAX_HANDIN_FILE_BYTES`]). The media are taken out first — each entry in its own guard,
/// a bad one dropped and named, and only those the work refers to kept — and everything
/// else goes through [`read_handin`] with all its limits, as if the file had no media.
pub fn read_handin_file(bytes: &[u8], expected: &Assignment) -> Result<HandInFile, HandInError> {
    if bytes.len() <= MAX_HANDIN_BYTES && !contains(bytes, b"\"media\":") {
        return read_handin(bytes, expected).map(|handin| HandInFile {
            handin,
            media: vec![],
        });
    }
    let text = json_file::open_text(bytes, MAX_HANDIN_FILE_BYTES).map_err(open_error)?;
    scan_depth(text.as_bytes())?;
    let value = json_file::parse(text).map_err(open_error)?;
    let Value::Object(mut obj) = value else {
        return Err(HandInError::NotAHandIn);
    };
    let media = obj.remove("media");
    let rest = serde_json::to_vec(&Value::Object(obj)).map_err(|_| HandInError::NotAHandIn)?;
    let mut handin = read_handin(&rest, expected)?;
    let (blobs, dropped) = read_media(media.as_ref());
    let wanted = referenced_in(handin.work.values());
    handin.dropped.extend(dropped);
    Ok(HandInFile {
        media: only_wanted(&blobs, &wanted),
        handin,
    })
}

/// A file cut off (or cut to nothing) is told apart from other broken JSON.
fn open_error(e: OpenError) -> HandInError {
    match e {
        OpenError::TooLarge { .. } => HandInError::TooLarge,
        OpenError::NotText => HandInError::NotText,
        OpenError::Empty | OpenError::NotJson { cut_off: true, .. } => HandInError::Truncated,
        OpenError::NotJson { line, column, .. } => HandInError::NotJson { line, column },
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The hand-in code of deflated hand-in bytes.
pub fn handin_code(deflated: &[u8]) -> String {
    checksummed_code(CODE_PREFIX, CODE_VERSION, deflated)
}

/// The deflated bytes of a hand-in code, checked. Whitespace inside is ignored (learning
/// platforms wrap long lines).
pub fn read_handin_code(code: &str) -> Result<Vec<u8>, HandInError> {
    read_checksummed_code(code, CODE_PREFIX, MAX_CODE_CHARS, CODE_VERSION).map_err(|e| match e {
        CodeError::TooLarge => HandInError::TooLarge,
        CodeError::Damaged => HandInError::CodeDamaged,
        CodeError::FromNewerApp(v) => HandInError::CodeFromNewerApp(v),
        // Cannot tell a cut from a change here; a cut is by far the commoner.
        CodeError::Truncated | CodeError::BadChecksum => HandInError::CodeTruncated,
    })
}

/// The hand-in codes in pasted text. Each starts at `SPIRE<version>.`; a learning platform
/// may have wrapped it over lines, so the words after it that could belong to a code
/// (base64url only) are joined on until the checksum holds. Other text is ignored.
pub fn split_codes(text: &str) -> Vec<String> {
    let is_marker = |word: &str| {
        word.strip_prefix(CODE_PREFIX).is_some_and(|rest| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && rest.as_bytes().get(digits) == Some(&b'.')
        })
    };
    let b64 = |word: &str| {
        word.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    // Words, with a code's start split off whatever stands before it on the same word.
    let mut words: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        match word.find(CODE_PREFIX).filter(|&at| is_marker(&word[at..])) {
            Some(at) if at > 0 => words.extend([&word[..at], &word[at..]]),
            _ => words.push(word),
        }
    }
    let mut codes = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if !is_marker(word) {
            continue;
        }
        let mut code = word.to_string();
        for next in &words[i + 1..] {
            if read_handin_code(&code).is_ok() || is_marker(next) || !b64(next) {
                break;
            }
            code.push_str(next);
        }
        codes.push(code);
    }
    codes
}

/// A safe file name for a hand-in: `<prefix>-<class>-<title>-<name>.json`, ASCII only
/// (æ, ø, å spelled out), lower case, at most about 100 characters.
pub fn handin_file_name(prefix: &str, assignment: &Assignment, pupil: &str) -> String {
    let parts = [prefix, &assignment.class, &assignment.title, pupil];
    let mut name = String::new();
    for part in parts {
        let slug = slug(part, 32);
        if !slug.is_empty() {
            if !name.is_empty() {
                name.push('-');
            }
            name.push_str(&slug);
        }
    }
    format!("{name}.json")
}

fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let spelled = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'é' | 'è' | 'ê' => "e",
            'á' | 'à' => "a",
            _ => "",
        };
        if !spelled.is_empty() {
            out.push_str(spelled);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::answer::Idea;
    use proptest::prelude::*;

    fn assignment() -> Assignment {
        Assignment {
            id: "k3x9q2".into(),
            class: "6.B".into(),
            title: "Idéer".into(),
            items: vec![WorkRef::lesson("ide-storm"), WorkRef::lesson("mini-pitch")],
            ..Default::default()
        }
    }

    fn progress() -> Progress {
        let mut p = Progress::default();
        let l = WorkRef::lesson("ide-storm");
        p.set_answer(
            &l,
            "q",
            Answer::Text {
                text: "Kø ved vandhanen".into(),
            },
            1,
        );
        let idea = Idea {
            text: "Flere haner".into(),
            order: 1,
        };
        p.put_record(&l, "ideas", RecordId::from_random(5), Some(idea), 2);
        p.set_answer(
            &WorkRef::lesson("other"),
            "q",
            Answer::Text {
                text: "not handed in".into(),
            },
            3,
        );
        p
    }

    #[test]
    fn a_hand_in_round_trips_with_only_the_assignments_work() {
        let a = assignment();
        let h = HandIn::new(&a, " Ida ", &progress(), 10, "0.1.0");
        assert_eq!(h.pupil, "Ida");
        assert_eq!(h.work.keys().collect::<Vec<_>>(), ["lesson:ide-storm"]);
        let back = read_handin(h.to_json().as_bytes(), &a).unwrap();
        assert_eq!(back, h);
        assert_eq!(back.pupil_key(), pupil_key("ida"));
    }

    #[test]
    fn hostile_and_foreign_files_are_refused_with_a_reason() {
        let a = assignment();
        let good = HandIn::new(&a, "Ida", &progress(), 10, "t").to_json();
        let other = {
            let mut b = a.clone();
            b.id = "zzz".into();
            b.class = "6.A".into();
            HandIn::new(&b, "Ida", &progress(), 10, "t").to_json()
        };
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let huge = good.replace("Kø ved vandhanen", &"x".repeat(MAX_TEXT_BYTES + 1));
        let cases: Vec<(Vec<u8>, HandInError)> = vec![
            (vec![0u8; MAX_HANDIN_BYTES + 1], HandInError::TooLarge),
            (vec![0xff, 0xfe], HandInError::NotText),
            (
                b"{nope".to_vec(),
                HandInError::NotJson { line: 1, column: 2 },
            ),
            (deep.into_bytes(), HandInError::TooDeep),
            (huge.into_bytes(), HandInError::HugeText),
            (b"[1]".to_vec(), HandInError::NotAHandIn),
            (
                br#"{"format":"spire-backup","version":1}"#.to_vec(),
                HandInError::NotAHandIn,
            ),
            (
                good.replace("\"version\":1", "\"version\":7").into_bytes(),
                HandInError::FromNewerApp(7),
            ),
            (
                good.replace("\"pupil\":\"Ida\"", "\"pupil\":5")
                    .into_bytes(),
                HandInError::BadField("pupil"),
            ),
            (
                good.replace("\"pupil\":\"Ida\"", "\"pupil\":\"  \"")
                    .into_bytes(),
                HandInError::NoPupil,
            ),
            (
                good.replace("\"handed_in_at\":10", "\"handed_in_at\":-1")
                    .into_bytes(),
                HandInError::BadField("handed_in_at"),
            ),
            (
                other.into_bytes(),
                HandInError::OtherAssignment {
                    class: "6.A".into(),
                    title: "Idéer".into(),
                },
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(read_handin(&bytes, &a), Err(want.clone()), "{want:?}");
        }
    }

    fn photo(id: &str, bytes: u64) -> crate::core::media::Clip {
        crate::core::media::Clip {
            id: id.into(),
            kind: "photo".into(),
            mime: "image/webp".into(),
            bytes,
            width: 4,
            height: 3,
            ..Default::default()
        }
    }

    fn blob(id: &str, n: usize) -> MediaBlob {
        MediaBlob {
            id: id.into(),
            mime: "image/webp".into(),
            bytes: vec![9; n],
        }
    }

    /// The assignment's work with two photos, and a photo in work not handed in.
    fn progress_with_photos() -> Progress {
        let mut p = progress();
        let media = |clips| Answer::Media {
            text: "Vores model".into(),
            strokes: vec![],
            clips,
        };
        p.set_answer(
            &WorkRef::lesson("mini-pitch"),
            "foto",
            media(vec![
                photo("m0000000000000001", 5),
                photo("m0000000000000002", 300),
            ]),
            4,
        );
        p.set_answer(
            &WorkRef::lesson("other"),
            "foto",
            media(vec![photo("m0000000000000009", 7)]),
            4,
        );
        p
    }

    #[test]
    fn a_hand_in_file_carries_its_photos_and_says_its_size_first() {
        let a = assignment();
        let h = HandIn::new(&a, "Ida", &progress_with_photos(), 10, "t");
        let blobs = [
            blob("m0000000000000001", 5),
            blob("m0000000000000002", 300),
            // Not in the handed-in work: never in the file.
            blob("m0000000000000009", 7),
        ];
        let sizes = h.file_sizes();
        assert_eq!((sizes.media.photos, sizes.media.recordings), (2, 0));
        assert_eq!(sizes.media.bytes, 305);
        let with = h.to_json_with_media(&blobs);
        let without = h.to_json();
        assert_eq!(sizes.with_media, with.len() as u64);
        assert_eq!(sizes.without_media, without.len() as u64);
        assert!(!with.contains("m0000000000000009"));

        let read = read_handin_file(with.as_bytes(), &a).unwrap();
        assert_eq!(read.handin, h);
        assert_eq!(read.media, blobs[..2]);
        // Without media, the photos are still named in the answers, and no bytes come.
        let read = read_handin_file(without.as_bytes(), &a).unwrap();
        assert_eq!(read.handin, h);
        assert!(read.media.is_empty());
        // A code carries no media, ever: it is made from `to_json`.
        assert!(!without.contains("\"media\":"));
    }

    #[test]
    fn a_large_hand_in_with_media_passes_the_gate_and_its_work_still_meets_every_limit() {
        let a = assignment();
        let mut p = progress_with_photos();
        let big = 2 * MAX_HANDIN_BYTES;
        p.set_answer(
            &WorkRef::lesson("mini-pitch"),
            "foto",
            Answer::Media {
                text: String::new(),
                strokes: vec![],
                clips: vec![photo("m0000000000000003", big as u64)],
            },
            5,
        );
        let h = HandIn::new(&a, "Ida", &p, 10, "t");
        let file = h.to_json_with_media(&[blob("m0000000000000003", big)]);
        assert!(file.len() > MAX_HANDIN_BYTES);
        let read = read_handin_file(file.as_bytes(), &a).unwrap();
        assert_eq!(read.media.len(), 1);
        assert_eq!(read.media[0].bytes.len(), big);
        // The gate for files without media is unchanged: this one is too large for it.
        assert_eq!(read_handin(file.as_bytes(), &a), Err(HandInError::TooLarge));

        // The work beside the media still meets every limit of a hand-in.
        let huge = file.replace(
            "\"Kø ved vandhanen\"",
            &format!("\"{}\"", "x".repeat(MAX_TEXT_BYTES + 1)),
        );
        assert_eq!(
            read_handin_file(huge.as_bytes(), &a),
            Err(HandInError::HugeText)
        );
        let deep = file.replacen("\"media\":[", &format!("\"media\":{}[", "[".repeat(40)), 1);
        assert_eq!(
            read_handin_file(deep.as_bytes(), &a),
            Err(HandInError::TooDeep)
        );
        // Cut off anywhere: told as cut off, nothing taken.
        for cut in [file.len() / 2, file.len() - 3, 40] {
            assert_eq!(
                read_handin_file(&file.as_bytes()[..cut], &a),
                Err(HandInError::Truncated),
                "cut at {cut}"
            );
        }
        assert_eq!(
            read_handin_file(&vec![b' '; MAX_HANDIN_FILE_BYTES + 1], &a),
            Err(HandInError::TooLarge)
        );
    }

    #[test]
    fn hostile_media_entries_are_dropped_and_named_and_the_hand_in_kept() {
        let a = assignment();
        let h = HandIn::new(&a, "Ida", &progress_with_photos(), 10, "t");
        let good = h.to_json_with_media(&[blob("m0000000000000001", 5)]);
        let hostile = good.replacen(
            "\"media\":[",
            r#""media":[{"id":"../../x","mime":"image/webp","data":"AAAA"},
                        {"id":"m0000000000000002","mime":"text/html","data":"PGI-"},
                        {"id":"m0000000000000002","mime":"image/webp","data":"!!"},
                        7,"#,
            1,
        );
        let read = read_handin_file(hostile.as_bytes(), &a).unwrap();
        assert_eq!(read.media, [blob("m0000000000000001", 5)]);
        assert_eq!(read.handin.dropped.len(), 4, "{:?}", read.handin.dropped);
        // A media list of the wrong type is no media, not a broken hand-in.
        let odd = good.replacen("\"media\":[", "\"media\":\"x\",\"m\":[", 1);
        let read = read_handin_file(odd.as_bytes(), &a).unwrap();
        assert!(read.media.is_empty());
        assert_eq!(read.handin, h);
    }

    #[test]
    fn foreign_and_broken_items_are_dropped_not_the_hand_in() {
        let a = assignment();
        let text = r#"{"format":"spire-hand-in","version":1,"assignment":{"id":"k3x9q2"},
            "pupil":"<script>alert(1)</script>","handed_in_at":5,
            "work":{"lesson:ide-storm":{"answers":{"q":{"value":{"kind":"text","text":"ok"},"updated":1},
                                                   "v":{"value":{"kind":"dots","dots":{"a":4000000000}},"updated":1},
                                                   "z":{"value":{"kind":"hologram"},"updated":1}},
                                        "future":{"x":1}},
                    "lesson:not-assigned":{"answers":{}},
                    "lesson:mini-pitch":{"answers":7},
                    "settings":{}}}"#;
        let h = read_handin(text.as_bytes(), &a).unwrap();
        // Names are kept as text (the app never renders them as HTML).
        assert_eq!(h.pupil, "<script>alert(1)</script>");
        let w = h.work_on(&WorkRef::lesson("ide-storm")).unwrap();
        assert!(w.extra.is_empty());
        assert_eq!(w.answers.len(), 2);
        match w.answer("v") {
            Some(Answer::Dots { dots }) => assert_eq!(dots["a"], MAX_DOTS),
            other => panic!("{other:?}"),
        }
        let mut dropped = h.dropped.clone();
        dropped.sort();
        assert_eq!(
            dropped,
            ["lesson:mini-pitch", "lesson:not-assigned", "settings"]
        );
    }

    #[test]
    fn codes_frame_check_and_split() {
        let data = b"deflated bytes".to_vec();
        let code = handin_code(&data);
        assert!(code.starts_with("SPIRE1."));
        assert_eq!(read_handin_code(&code), Ok(data.clone()));
        let wrapped: String = code
            .chars()
            .enumerate()
            .flat_map(|(i, c)| if i % 10 == 9 { vec![c, '\n'] } else { vec![c] })
            .collect();
        assert_eq!(read_handin_code(&wrapped), Ok(data.clone()));
        assert_eq!(
            read_handin_code(&code[..code.len() - 3]),
            Err(HandInError::CodeTruncated)
        );
        assert_eq!(
            read_handin_code(&code.replace("SPIRE1.", "SPIRE2.")),
            Err(HandInError::CodeFromNewerApp(2))
        );
        assert_eq!(read_handin_code("hello"), Err(HandInError::CodeDamaged));
        assert_eq!(read_handin_code("SPIRE1"), Err(HandInError::CodeTruncated));
        let mut changed = code.clone();
        changed.replace_range(9..10, if &code[9..10] == "A" { "B" } else { "A" });
        assert!(read_handin_code(&changed).is_err());

        let other = handin_code(b"second");
        let pasted = format!(
            "Ida:\n{code}\nEmil {}\n{}\nTak!",
            &other[..12],
            &other[12..]
        );
        assert_eq!(split_codes(&pasted), vec![code.clone(), other.clone()]);
        let glued = format!("Ida:{code} og Emil:{other}");
        assert_eq!(split_codes(&glued), vec![code, other]);
        assert!(split_codes("no codes, SPIRE. SPIREx").is_empty());
    }

    #[test]
    fn file_names_are_safe_and_readable() {
        let a = assignment();
        assert_eq!(
            handin_file_name("aflevering", &a, "Åse Ørn"),
            "aflevering-6-b-ideer-aase-oern.json"
        );
        let mut b = a.clone();
        b.class = "../../etc".into();
        b.title = "<script>".into();
        assert_eq!(
            handin_file_name("hand-in", &b, "\u{0}"),
            "hand-in-etc-script.json"
        );
    }

    #[test]
    fn the_same_name_is_the_same_pupil() {
        assert_eq!(pupil_key(" Ida  Marie "), pupil_key("ida marie"));
        assert_ne!(pupil_key("Ida"), pupil_key("Ida M"));
    }

    proptest! {
        #[test]
        fn any_bytes_never_panic_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_handin(&bytes, &assignment());
        }

        #[test]
        fn any_json_ish_text_never_panics_the_reader(text in r#"[\{\}\[\]":,0-9a-z \\]{0,300}"#) {
            let _ = read_handin(text.as_bytes(), &assignment());
            let wrapped = format!(r#"{{"format":"spire-hand-in","version":1,"assignment":{{"id":"k3x9q2"}},"pupil":"x","work":{{"lesson:ide-storm":{text}}}}}"#);
            let _ = read_handin(wrapped.as_bytes(), &assignment());
        }

        #[test]
        fn any_pasted_text_never_panics_the_code_reader(text in ".{0,300}") {
            let _ = read_handin_code(&text);
            for code in split_codes(&text) {
                let _ = read_handin_code(&code);
            }
        }

        #[test]
        fn any_deflated_bytes_round_trip_through_a_code(bytes in proptest::collection::vec(any::<u8>(), 1..300)) {
            prop_assert_eq!(read_handin_code(&handin_code(&bytes)), Ok(bytes));
        }
    }
}
