//! One canvas as a file, so a team can move it to another device: the notes with their
//! ids, stamps and tombstones, and the canvas's own small values (name, template, team).
//! Importing merges record by record, exactly like a second tab: nothing newer on either
//! device is lost and a note deleted on one device does not come back from the other.
//!
//! The reader is the one gate for these files: size and encoding are checked before
//! parsing, the envelope names its format and version, and each note and value is read in
//! its own guard, so a damaged note is left out (and counted) instead of the whole file.
//!
//! Photos on notes travel in the file's `media` list, as in a backup: the file may then be
//! as large as a backup, but the canvas itself (everything but `media`) keeps its own limit.

use crate::core::content::id::is_valid_id;
use crate::core::json_file::{self, OpenError};
use crate::core::media::backup::{entries, only_wanted, read_media, MediaBlob, MediaEntry};
use crate::core::media::ClipKind;
use crate::core::progress::backup::MAX_BACKUP_BYTES;
use crate::core::progress::record::Rec;
use crate::core::progress::{Answer, Millis, Note, Progress, RecordId, Records, Stamped, Work};
use crate::core::progress::{WorkKind, WorkRef};
use crate::core::text::Lang;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

pub const CANVAS_FORMAT: &str = "spire-canvas";
pub const CANVAS_FILE_VERSION: u64 = 1;
/// A canvas with a thousand long notes is well under this (the photos not counted).
pub const MAX_CANVAS_BYTES: usize = 2 * 1024 * 1024;
/// A canvas file with its photos: as large as a backup may be.
pub const MAX_CANVAS_FILE_BYTES: usize = MAX_BACKUP_BYTES;
pub const MAX_NOTES: usize = 5000;
pub const MAX_NOTE_CHARS: usize = 10_000;
const MAX_PROP_CHARS: usize = 1000;

/// What a canvas file holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CanvasFile {
    /// The work the canvas belongs to: `canvas:<id>` for a free-standing canvas, or the
    /// lesson or challenge whose step it is.
    pub work: String,
    pub step: String,
    /// The canvas template's id.
    pub template: String,
    pub props: BTreeMap<String, Stamped<String>>,
    pub notes: Records<Note>,
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    exported_at: Millis,
    app_version: &'a str,
    canvas: &'a CanvasFile,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    media: Vec<MediaEntry<'a>>,
}

impl CanvasFile {
    /// The canvas of `step` in `work`, with the props that travel with it: all of a
    /// free-standing canvas's, only the team names of a lesson's or challenge's.
    pub fn of(work_ref: &WorkRef, step: &str, template: &str, work: Option<&Work>) -> CanvasFile {
        let notes = work
            .and_then(|w| w.answer(step))
            .and_then(|a| match a {
                Answer::Canvas { notes } => Some(notes.clone()),
                _ => None,
            })
            .unwrap_or_default();
        let props = work
            .map(|w| {
                crate::core::sort::to_map(
                    w.props
                        .iter()
                        .filter(|(k, _)| {
                            work_ref.kind == WorkKind::Canvas || k.as_str() == super::PROP_TEAM
                        })
                        .map(|(k, v)| (k.clone(), v.clone())),
                )
            })
            .unwrap_or_default();
        CanvasFile {
            work: work_ref.key(),
            step: step.to_string(),
            template: template.to_string(),
            props,
            notes,
        }
    }

    /// The file's text, with the bytes of the photos on its notes (`media` may hold more
    /// or fewer; only those the notes show are written).
    pub fn to_json(&self, now: Millis, app_version: &str, media: &[MediaBlob]) -> String {
        let media = only_wanted(media, &self.photo_ids());
        serde_json::to_string(&Envelope {
            format: CANVAS_FORMAT,
            version: CANVAS_FILE_VERSION,
            exported_at: now,
            app_version,
            canvas: self,
            media: entries(&media),
        })
        .unwrap_or_default()
    }

    /// The ids of the photos on the canvas's live notes.
    pub fn photo_ids(&self) -> BTreeSet<String> {
        self.notes
            .live()
            .filter_map(|(_, n)| n.photo.as_ref())
            .map(|c| c.id.clone())
            .collect()
    }

    pub fn work_ref(&self) -> Option<WorkRef> {
        WorkRef::parse(&self.work)
    }

    /// The saved-work state holding just this canvas, to merge into the pupil's work.
    pub fn to_progress(&self) -> Progress {
        let mut work = Work::new(0);
        work.meta_updated = 0;
        let latest = self.notes.latest();
        work.answers.insert(
            self.step.clone(),
            Stamped {
                value: Answer::Canvas {
                    notes: self.notes.clone(),
                },
                updated: latest,
            },
        );
        work.props = self.props.clone();
        let is_canvas = self.work_ref().is_some_and(|r| r.kind == WorkKind::Canvas);
        if is_canvas && !work.props.contains_key(super::PROP_TEMPLATE) {
            // Stamped 0: any template this device already knows for the canvas wins.
            work.props.insert(
                super::PROP_TEMPLATE.to_string(),
                Stamped {
                    value: self.template.clone(),
                    updated: 0,
                },
            );
        }
        work.updated = work
            .props
            .values()
            .map(|p| p.updated)
            .chain([latest])
            .max()
            .unwrap_or(0);
        let mut progress = Progress::default();
        progress.work.insert(self.work.clone(), work);
        progress
    }

    /// The file name offered for download, from the canvas's name.
    pub fn file_name(name: &str) -> String {
        let mut slug = String::new();
        for c in name.to_lowercase().chars() {
            let c = match c {
                'æ' | 'ä' => "ae".to_string(),
                'ø' | 'ö' => "oe".to_string(),
                'å' => "aa".to_string(),
                'ü' => "ue".to_string(),
                'é' | 'è' | 'ê' | 'ë' => "e".to_string(),
                'á' | 'à' | 'â' => "a".to_string(),
                'í' | 'ì' | 'î' | 'ï' => "i".to_string(),
                'ó' | 'ò' | 'ô' => "o".to_string(),
                'ú' | 'ù' | 'û' => "u".to_string(),
                c if c.is_ascii_alphanumeric() => c.to_string(),
                _ => "-".to_string(),
            };
            if !(c == "-" && (slug.is_empty() || slug.ends_with('-'))) {
                slug.push_str(&c);
            }
        }
        let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
        if slug.is_empty() {
            "spire-canvas".into()
        } else {
            format!("spire-canvas-{slug}")
        }
    }
}

/// A canvas file that was read, and how many of its parts had to be left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub file: CanvasFile,
    /// The bytes of the photos its notes show, to be written to the media database.
    pub media: Vec<MediaBlob>,
    pub dropped: usize,
    pub exported_at: Option<Millis>,
}

impl From<OpenError> for CanvasFileError {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::TooLarge { bytes } => CanvasFileError::TooLarge { bytes },
            OpenError::NotText => CanvasFileError::NotText,
            OpenError::Empty => CanvasFileError::Empty,
            OpenError::NotJson { line, column, .. } => CanvasFileError::NotJson { line, column },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CanvasFileError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotText,
    NotJson {
        line: usize,
        column: usize,
    },
    /// A Spire backup, which belongs on My work.
    IsBackup,
    NotACanvas,
    Newer {
        version: u64,
    },
    /// A required part is missing or of the wrong kind; names the part.
    BadShape(&'static str),
    TooManyNotes {
        notes: usize,
    },
}

impl CanvasFileError {
    pub fn message(&self, lang: Lang) -> String {
        let da = lang == Lang::Da;
        match self {
            CanvasFileError::Empty => pick(da, "Filen er tom.", "The file is empty."),
            CanvasFileError::TooLarge { bytes } => {
                let mb = |b: usize| b.div_ceil(1024 * 1024);
                let (size, max, photos) =
                    (mb(*bytes), mb(MAX_CANVAS_BYTES), mb(MAX_CANVAS_FILE_BYTES));
                if da {
                    format!("Filen er for stor ({size} MB). Et lærred fra Spire fylder under {max} MB uden fotos og under {photos} MB med.")
                } else {
                    format!("The file is too large ({size} MB). A Spire canvas is under {max} MB without photos and under {photos} MB with them.")
                }
            }
            CanvasFileError::NotText => pick(
                da,
                "Filen er ikke en tekstfil, så det er ikke et lærred fra Spire.",
                "The file is not a text file, so it is not a Spire canvas.",
            ),
            CanvasFileError::NotJson { line, column } => {
                if da {
                    format!("Filen er ikke et helt lærred fra Spire: den er ødelagt eller afkortet (linje {line}, kolonne {column}).")
                } else {
                    format!("The file is not a whole Spire canvas: it is damaged or cut short (line {line}, column {column}).")
                }
            }
            CanvasFileError::IsBackup => pick(
                da,
                "Filen er en sikkerhedskopi, ikke et lærred. Gendan den under Mit arbejde.",
                "The file is a backup, not a canvas. Restore it under My work.",
            ),
            CanvasFileError::NotACanvas => pick(
                da,
                "Filen er ikke et lærred fra Spire.",
                "The file is not a Spire canvas.",
            ),
            CanvasFileError::Newer { version } => {
                if da {
                    format!("Lærredet er gemt af en nyere udgave af Spire (filformat {version}). Opdater Spire, og prøv igen.")
                } else {
                    format!("The canvas was saved by a newer version of Spire (file format {version}). Update Spire and try again.")
                }
            }
            CanvasFileError::BadShape(part) => {
                if da {
                    format!("Filen er ikke et helt lærred fra Spire: «{part}» mangler eller er forkert.")
                } else {
                    format!("The file is not a whole Spire canvas: “{part}” is missing or wrong.")
                }
            }
            CanvasFileError::TooManyNotes { notes } => {
                if da {
                    format!("Filen har {notes} noter. Et lærred kan højst have {MAX_NOTES}.")
                } else {
                    format!("The file has {notes} notes. A canvas holds at most {MAX_NOTES}.")
                }
            }
        }
    }
}

fn pick(da: bool, d: &str, e: &str) -> String {
    if da { d } else { e }.to_string()
}

/// Checks and reads a canvas file. Nothing is changed by reading it.
pub fn read_canvas_file(bytes: &[u8]) -> Result<Imported, CanvasFileError> {
    // Only a file with photos may be larger than a canvas; its size without them is
    // checked once they are taken out.
    let with_media = bytes.windows(8).any(|w| w == b"\"media\":");
    let limit = if with_media {
        MAX_CANVAS_FILE_BYTES
    } else {
        MAX_CANVAS_BYTES
    };
    let value = json_file::open_text(bytes, limit).and_then(json_file::parse)?;
    let Value::Object(mut envelope) = value else {
        return Err(CanvasFileError::NotACanvas);
    };
    let media = envelope.remove("media");
    if with_media {
        let rest = serde_json::to_vec(&envelope).map_or(0, |r| r.len());
        if rest > MAX_CANVAS_BYTES {
            return Err(CanvasFileError::TooLarge { bytes: rest });
        }
    }
    match envelope.get("format").and_then(Value::as_str) {
        Some(CANVAS_FORMAT) => {}
        Some("spire-backup") => return Err(CanvasFileError::IsBackup),
        _ => return Err(CanvasFileError::NotACanvas),
    }
    let version = envelope
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(CanvasFileError::BadShape("version"))?;
    if version > CANVAS_FILE_VERSION {
        return Err(CanvasFileError::Newer { version });
    }
    if version == 0 {
        return Err(CanvasFileError::BadShape("version"));
    }
    let exported_at = envelope.get("exported_at").and_then(Value::as_i64);
    let Some(Value::Object(mut canvas)) = envelope.remove("canvas") else {
        return Err(CanvasFileError::BadShape("canvas"));
    };
    let string = |canvas: &Map<String, Value>, key: &'static str| {
        canvas
            .get(key)
            .and_then(Value::as_str)
            .map(String::from)
            .ok_or(CanvasFileError::BadShape(key))
    };
    let work = string(&canvas, "work")?;
    WorkRef::parse(&work).ok_or(CanvasFileError::BadShape("work"))?;
    let step = string(&canvas, "step")?;
    let template = string(&canvas, "template")?;
    if !is_valid_id(&step) {
        return Err(CanvasFileError::BadShape("step"));
    }
    if !is_valid_id(&template) {
        return Err(CanvasFileError::BadShape("template"));
    }
    let mut dropped = 0;
    let props = match canvas.remove("props") {
        None | Some(Value::Null) => BTreeMap::new(),
        Some(Value::Object(props)) => {
            crate::core::sort::to_map(props.into_iter().filter_map(|(k, v)| {
                let p = serde_json::from_value::<Stamped<String>>(v)
                    .ok()
                    .filter(|p| p.value.chars().count() <= MAX_PROP_CHARS && !k.is_empty());
                if p.is_none() {
                    dropped += 1;
                }
                Some((k, p?))
            }))
        }
        Some(_) => return Err(CanvasFileError::BadShape("props")),
    };
    let Some(Value::Object(entries)) = canvas.remove("notes") else {
        return Err(CanvasFileError::BadShape("notes"));
    };
    if entries.len() > MAX_NOTES {
        return Err(CanvasFileError::TooManyNotes {
            notes: entries.len(),
        });
    }
    let mut notes = Vec::new();
    for (id, rec) in entries {
        let rec = RecordId::parse(&id).zip(serde_json::from_value::<Rec<Note>>(rec).ok());
        let ok = rec.as_ref().is_some_and(|(_, r)| {
            r.value
                .as_ref()
                .is_none_or(|n| is_valid_id(&n.block) && n.text.chars().count() <= MAX_NOTE_CHARS)
        });
        match rec {
            Some(mut rec) if ok => {
                // A photo the app could not show is left off; the note stays.
                let note = rec.1.value.as_mut();
                if let Some(n) = note.filter(|n| n.photo.as_ref().is_some_and(|c| !is_photo(c))) {
                    n.photo = None;
                    dropped += 1;
                }
                notes.push(rec)
            }
            _ => dropped += 1,
        }
    }
    let file = CanvasFile {
        work,
        step,
        template,
        props,
        notes: Records::from_entries(notes),
    };
    let (blobs, bad_media) = read_media(media.as_ref());
    Ok(Imported {
        media: only_wanted(&blobs, &file.photo_ids()),
        file,
        dropped: dropped + bad_media.len(),
        exported_at,
    })
}

fn is_photo(clip: &crate::core::media::Clip) -> bool {
    clip.is_usable() && clip.kind() == Some(ClipKind::Photo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::merge::merge;

    fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap()
    }

    fn note(block: &str, text: &str) -> Note {
        Note {
            block: block.into(),
            text: text.into(),
            colour: "green".into(),
            order: 0,
            photo: None,
        }
    }

    /// A free-standing canvas with two notes and a deleted third.
    fn saved() -> (WorkRef, Progress) {
        let r = WorkRef::canvas("k3x9");
        let mut p = Progress::default();
        p.set_prop(&r, super::super::PROP_TEMPLATE, "lean-canvas", 1);
        p.set_prop(&r, super::super::PROP_NAME, "Vores café", 2);
        p.put_record(&r, "notes", rid("a"), Some(note("problem", "Kø")), 3);
        p.put_record(&r, "notes", rid("b"), Some(note("solution", "App")), 4);
        p.put_record(&r, "notes", rid("c"), Some(note("solution", "Gone")), 5);
        p.put_record::<Note>(&r, "notes", rid("c"), None, 6);
        (r, p)
    }

    fn export(r: &WorkRef, p: &Progress) -> String {
        CanvasFile::of(r, "notes", "lean-canvas", p.work(r)).to_json(10, "0.1.0", &[])
    }

    #[test]
    fn export_then_import_on_a_fresh_device_gives_the_same_canvas() {
        let (r, p) = saved();
        let imported = read_canvas_file(export(&r, &p).as_bytes()).unwrap();
        assert_eq!(imported.dropped, 0);
        assert_eq!(imported.exported_at, Some(10));
        let fresh = merge(&Progress::default(), &imported.file.to_progress());
        assert_eq!(fresh.work(&r).unwrap().answers, p.work(&r).unwrap().answers);
        assert_eq!(fresh.work(&r).unwrap().prop("name"), Some("Vores café"));
        assert_eq!(
            CanvasFile::file_name("Vores café!"),
            "spire-canvas-vores-cafe"
        );
        assert_eq!(
            CanvasFile::file_name("Bæredygtig ø"),
            "spire-canvas-baeredygtig-oe"
        );
        assert_eq!(CanvasFile::file_name("!!"), "spire-canvas");
    }

    #[test]
    fn import_merges_by_note_and_deletions_stay() {
        let (r, p) = saved();
        let file = export(&r, &p);
        // This device went on: note a edited, note b deleted, a new note d.
        let mut here = p.clone();
        here.put_record(&r, "notes", rid("a"), Some(note("problem", "Lang kø")), 20);
        here.put_record::<Note>(&r, "notes", rid("b"), None, 21);
        here.put_record(&r, "notes", rid("d"), Some(note("problem", "Ny")), 22);
        let imported = read_canvas_file(file.as_bytes()).unwrap();
        let merged = merge(&here, &imported.file.to_progress());
        let notes = match merged.answer(&r, "notes") {
            Some(Answer::Canvas { notes }) => notes.clone(),
            other => panic!("{other:?}"),
        };
        let texts: Vec<&str> = notes.live().map(|(_, n)| n.text.as_str()).collect();
        assert_eq!(texts, ["Lang kø", "Ny"]);
        assert_eq!(merged, merge(&imported.file.to_progress(), &here));
    }

    #[test]
    fn a_lesson_canvas_travels_with_its_team_names_only() {
        let r = WorkRef::lesson("lean-start");
        let mut p = Progress::default();
        p.set_prop(&r, "team", "Ida og Omar", 1);
        p.set_prop(&r, "other", "stays home", 1);
        p.put_record(&r, "board", rid("a"), Some(note("problem", "x")), 2);
        let f = CanvasFile::of(&r, "board", "lean-canvas", p.work(&r));
        assert_eq!(f.props.keys().collect::<Vec<_>>(), ["team"]);
        let back = read_canvas_file(f.to_json(3, "x", &[]).as_bytes()).unwrap();
        assert_eq!(back.file.work_ref(), Some(r));
        assert!(!back.file.to_progress().work["lesson:lean-start"]
            .props
            .contains_key("template"));
    }

    #[test]
    fn hostile_and_damaged_files_are_refused_with_a_reason() {
        let (r, p) = saved();
        let good = export(&r, &p);
        let truncated = &good[..good.len() / 2];
        let swap = |from: &str, to: &str| good.replacen(from, to, 1);
        let cases: Vec<(Vec<u8>, CanvasFileError)> = vec![
            (vec![], CanvasFileError::Empty),
            (b"  \n".to_vec(), CanvasFileError::Empty),
            (vec![0xff, 0xfe, 0x00], CanvasFileError::NotText),
            (
                truncated.as_bytes().to_vec(),
                CanvasFileError::NotJson { line: 0, column: 0 },
            ),
            (b"[1,2]".to_vec(), CanvasFileError::NotACanvas),
            (
                b"{\"format\":\"spire-backup\",\"version\":3}".to_vec(),
                CanvasFileError::IsBackup,
            ),
            (
                swap("spire-canvas", "something-else").into_bytes(),
                CanvasFileError::NotACanvas,
            ),
            (
                swap("\"version\":1", "\"version\":7").into_bytes(),
                CanvasFileError::Newer { version: 7 },
            ),
            (
                swap("\"version\":1", "\"version\":\"1\"").into_bytes(),
                CanvasFileError::BadShape("version"),
            ),
            (
                swap("canvas:k3x9", "canvas:../../x").into_bytes(),
                CanvasFileError::BadShape("work"),
            ),
            (
                swap("\"lean-canvas\"", "\"Lean Canvas\"").into_bytes(),
                CanvasFileError::BadShape("template"),
            ),
            (
                swap("\"notes\":{", "\"notes\":[{").into_bytes(),
                CanvasFileError::NotJson { line: 0, column: 0 },
            ),
            (
                vec![b' '; MAX_CANVAS_BYTES + 1],
                CanvasFileError::TooLarge {
                    bytes: MAX_CANVAS_BYTES + 1,
                },
            ),
        ];
        for (bytes, want) in cases {
            let got = read_canvas_file(&bytes);
            match (&got, &want) {
                (Err(CanvasFileError::NotJson { .. }), CanvasFileError::NotJson { .. }) => {}
                _ => assert_eq!(
                    got.as_ref().err(),
                    Some(&want),
                    "{}",
                    String::from_utf8_lossy(&bytes[..bytes.len().min(80)])
                ),
            }
            let message = want.message(Lang::Da);
            assert!(!message.is_empty() && !want.message(Lang::En).is_empty());
        }
        let many: Map<String, Value> = (0..=MAX_NOTES)
            .map(|i| {
                (
                    format!("n{i}"),
                    serde_json::json!({"at": 1, "value": {"block": "b", "text": "x"}}),
                )
            })
            .collect();
        let file = serde_json::json!({"format": CANVAS_FORMAT, "version": 1, "canvas": {
            "work": "canvas:x", "step": "notes", "template": "t", "notes": many}});
        assert_eq!(
            read_canvas_file(file.to_string().as_bytes()).err(),
            Some(CanvasFileError::TooManyNotes {
                notes: MAX_NOTES + 1
            })
        );
    }

    fn photo(id: &str) -> crate::core::media::Clip {
        crate::core::media::Clip {
            id: id.into(),
            kind: "photo".into(),
            mime: "image/webp".into(),
            bytes: 3,
            width: 4,
            height: 3,
            ..Default::default()
        }
    }

    fn blob(id: &str, bytes: Vec<u8>) -> MediaBlob {
        MediaBlob {
            id: id.into(),
            mime: "image/webp".into(),
            bytes,
        }
    }

    #[test]
    fn photos_on_notes_travel_in_the_file_and_only_those() {
        let (r, mut p) = saved();
        let with_photo = |t: &str, id: &str| Note {
            photo: Some(photo(id)),
            ..note("problem", t)
        };
        let (shown, removed) = ("m00000000000000a1", "m00000000000000a2");
        p.put_record(
            &r,
            "notes",
            rid("e"),
            Some(with_photo("Prototype", shown)),
            7,
        );
        p.put_record(&r, "notes", rid("f"), Some(with_photo("Gone", removed)), 8);
        p.put_record::<Note>(&r, "notes", rid("f"), None, 9);
        let file = CanvasFile::of(&r, "notes", "lean-canvas", p.work(&r));
        assert_eq!(file.photo_ids().into_iter().collect::<Vec<_>>(), [shown]);
        // The media list may hold more (the whole device's); only the shown photo is written.
        let media = [blob(shown, vec![1, 2, 3]), blob(removed, vec![4])];
        let text = file.to_json(10, "x", &media);
        assert!(!text.contains(removed));
        let back = read_canvas_file(text.as_bytes()).unwrap();
        assert_eq!(back.media, [blob(shown, vec![1, 2, 3])]);
        assert_eq!(back.dropped, 0);
        let fresh = merge(&Progress::default(), &back.file.to_progress());
        assert_eq!(fresh.work(&r).unwrap().answers, p.work(&r).unwrap().answers);
        // No media list when no note has a photo.
        let (r2, p2) = saved();
        assert!(!export(&r2, &p2).contains("\"media\""));
    }

    #[test]
    fn a_file_with_photos_may_be_large_but_the_canvas_in_it_may_not() {
        let (r, mut p) = saved();
        let id = "m00000000000000b1";
        let big = Note {
            photo: Some(photo(id)),
            ..note("problem", "Stor")
        };
        p.put_record(&r, "notes", rid("g"), Some(big), 7);
        let file = CanvasFile::of(&r, "notes", "lean-canvas", p.work(&r));
        let text = file.to_json(10, "x", &[blob(id, vec![7; MAX_CANVAS_BYTES])]);
        assert!(text.len() > MAX_CANVAS_BYTES);
        assert_eq!(read_canvas_file(text.as_bytes()).unwrap().media.len(), 1);
        // A canvas part over its own limit is refused even beside media.
        let padded = text.replacen(
            "\"Stor\"",
            &format!("\"{}\"", "x".repeat(MAX_CANVAS_BYTES)),
            1,
        );
        assert!(matches!(
            read_canvas_file(padded.as_bytes()),
            Err(CanvasFileError::TooLarge { .. })
        ));
        // Cut off inside the media, the file is refused as cut short, and says so.
        let cut = &text[..text.len() - 1000];
        let e = read_canvas_file(cut.as_bytes()).unwrap_err();
        assert!(matches!(e, CanvasFileError::NotJson { .. }), "{e:?}");
        assert!(e.message(Lang::Da).contains("afkortet"));
    }

    #[test]
    fn a_photo_the_app_cannot_show_is_left_off_and_the_note_kept() {
        let file = serde_json::json!({"format": CANVAS_FORMAT, "version": 1, "canvas": {
        "work": "canvas:x", "step": "notes", "template": "t",
        "notes": {
            "a": {"at": 1, "value": {"block": "b", "text": "svg", "photo":
                {"id": "m00000000000000c1", "kind": "photo", "mime": "image/svg+xml"}}},
            "b": {"at": 1, "value": {"block": "b", "text": "path", "photo":
                {"id": "../../x", "kind": "photo", "mime": "image/png"}}},
            "c": {"at": 1, "value": {"block": "b", "text": "voice", "photo":
                {"id": "m00000000000000c3", "kind": "voice", "mime": "audio/webm"}}},
            "d": {"at": 1, "value": {"block": "b", "text": "ok", "photo":
                {"id": "m00000000000000c4", "kind": "photo", "mime": "image/png"}}}
        }},
        "media": [
            {"id": "m00000000000000c4", "mime": "image/png", "data": "AQID"},
            {"id": "m00000000000000c5", "mime": "image/png", "data": "AQID"},
            {"id": "m00000000000000c6", "mime": "text/html", "data": "AQID"}
        ]});
        let imported = read_canvas_file(file.to_string().as_bytes()).unwrap();
        assert_eq!(imported.file.notes.live_count(), 4);
        let with_photo: Vec<&str> = imported
            .file
            .notes
            .live()
            .filter(|(_, n)| n.photo.is_some())
            .map(|(_, n)| n.text.as_str())
            .collect();
        assert_eq!(with_photo, ["ok"]);
        // Three photos left off, one media entry of a type the app does not keep.
        assert_eq!(imported.dropped, 4);
        assert_eq!(imported.media.len(), 1, "only the photo a note shows");
        assert_eq!(imported.media[0].bytes, [1, 2, 3]);
    }

    #[test]
    fn one_bad_note_is_left_out_not_the_file() {
        let file = serde_json::json!({"format": CANVAS_FORMAT, "version": 1, "canvas": {
        "work": "canvas:x", "step": "notes", "template": "t",
        "props": {"name": {"value": "ok", "updated": 1}, "bad": 3},
        "notes": {
            "good": {"at": 1, "value": {"block": "b", "text": "fine"}},
            "Bad Id": {"at": 1, "value": {"block": "b", "text": "x"}},
            "badblock": {"at": 1, "value": {"block": "<b>", "text": "x"}},
            "huge": {"at": 1, "value": {"block": "b", "text": "x".repeat(MAX_NOTE_CHARS + 1)}},
            "gone": {"at": 2},
            "junk": "not a note"
        }}});
        let imported = read_canvas_file(file.to_string().as_bytes()).unwrap();
        assert_eq!(imported.dropped, 5);
        assert_eq!(imported.file.notes.live_count(), 1);
        assert_eq!(
            imported.file.notes.entries().count(),
            2,
            "the tombstone is kept"
        );
        assert_eq!(imported.file.props.len(), 1);
    }
}
