//! Media in backup files: the bytes of every photo and recording the saved work refers to,
//! as base64url text beside the work, and the lenient reader that takes them back (each
//! entry in its own guard: a bad one is dropped and named, the rest restored).

use super::clip::{base_mime, is_clip_id, mime_allowed, Clip, ClipKind, MAX_CLIP_BYTES};
use crate::core::progress::{Answer, Progress, Work};
use crate::core::teacher::codec::{base64url_decode, base64url_encode};
use crate::core::text::Lang;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// The bytes of one photo or recording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaBlob {
    pub id: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
pub struct MediaEntry<'a> {
    id: &'a str,
    mime: &'a str,
    /// base64url without padding.
    data: String,
}

pub fn entries(blobs: &[MediaBlob]) -> Vec<MediaEntry<'_>> {
    blobs
        .iter()
        .map(|b| MediaEntry {
            id: &b.id,
            mime: &b.mime,
            data: base64url_encode(&b.bytes),
        })
        .collect()
}

/// The ids of every photo and recording the work refers to (erased work included: its
/// tombstones are gone, but a clip id in a live answer is what counts), and those of the
/// documents kept on the device: a teacher's imported hand-ins, whose photos a backup
/// must carry too.
pub fn referenced(progress: &Progress) -> BTreeSet<String> {
    let mut ids = referenced_in(progress.work.values());
    for answer in progress.work.values().flat_map(|w| w.answers.values()) {
        if let Answer::Docs { docs } = &answer.value {
            for (_, doc) in docs.live() {
                ids.extend(clip_ids_in_text(&doc.0).map(String::from));
            }
        }
    }
    ids
}

/// The clip ids quoted in JSON text (`"m` + 16 hex digits + `"`): a stored document's
/// photos and recordings, found without parsing it.
pub fn clip_ids_in_text(text: &str) -> impl Iterator<Item = &str> {
    let byte = |at: usize| text.as_bytes().get(at).copied();
    standalone_clip_ids(text)
        .filter(move |&(at, _)| at > 0 && byte(at - 1) == Some(b'"') && byte(at + 17) == Some(b'"'))
        .map(|(_, id)| id)
}

/// Every clip id in `text` that stands on its own (not inside a longer word), however it
/// is quoted: inside JSON text kept as a string, its quotes are escaped.
pub fn clip_ids_anywhere(text: &str) -> impl Iterator<Item = &str> {
    standalone_clip_ids(text).map(|(_, id)| id)
}

/// Clip ids not inside a longer word, with where each starts.
fn standalone_clip_ids(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let word = |at: usize| bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric());
    text.match_indices('m').filter_map(move |(at, _)| {
        let id = text.get(at..at + 17)?;
        let alone = (at == 0 || !word(at - 1)) && !word(at + 17);
        (alone && is_clip_id(id)).then_some((at, id))
    })
}

/// The ids of every photo and recording these work items refer to.
pub fn referenced_in<'a>(work: impl IntoIterator<Item = &'a Work>) -> BTreeSet<String> {
    crate::core::sort::to_set(clips_in(work).into_iter().map(|c| c.id))
}

/// Every usable photo and recording these work items refer to, each once.
pub fn clips_in<'a>(work: impl IntoIterator<Item = &'a Work>) -> Vec<Clip> {
    let mut seen = BTreeSet::new();
    work.into_iter()
        .flat_map(|w| w.answers.values())
        .flat_map(|a| answer_clips(&a.value))
        .filter(|c| c.is_usable() && seen.insert(c.id.clone()))
        .cloned()
        .collect()
}

/// The photos and recordings one answer refers to: a media answer's clips, the photos on
/// a canvas's live notes.
pub fn answer_clips(answer: &Answer) -> Vec<&Clip> {
    match answer {
        Answer::Media { clips, .. } => clips.iter().collect(),
        Answer::Canvas { notes } => notes.live().filter_map(|(_, n)| n.photo.as_ref()).collect(),
        _ => Vec::new(),
    }
}

/// The usable photos of one answer, in the order they were taken.
pub fn photos_in(answer: &Answer) -> Vec<Clip> {
    let clips: Vec<Clip> = answer_clips(answer).into_iter().cloned().collect();
    super::clip::clips_of(&clips, ClipKind::Photo)
}

/// What a file's media add up to, said before it is downloaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MediaTally {
    pub photos: usize,
    pub recordings: usize,
    /// The bytes of the photos and recordings themselves.
    pub bytes: u64,
}

impl MediaTally {
    pub fn of(clips: &[Clip]) -> MediaTally {
        let mut t = MediaTally::default();
        for c in clips {
            match c.kind() {
                Some(ClipKind::Photo) => t.photos += 1,
                Some(ClipKind::Voice) => t.recordings += 1,
                None => continue,
            }
            t.bytes += c.bytes;
        }
        t
    }

    pub fn is_empty(&self) -> bool {
        self.photos == 0 && self.recordings == 0
    }

    /// "4 fotos og 1 lydoptagelse", "1 photo", "2 recordings".
    pub fn words(&self, lang: Lang) -> String {
        let da = lang == Lang::Da;
        let photos = match (self.photos, da) {
            (0, _) => None,
            (1, true) => Some("1 foto".to_string()),
            (n, true) => Some(format!("{n} fotos")),
            (1, false) => Some("1 photo".to_string()),
            (n, false) => Some(format!("{n} photos")),
        };
        let recordings = match (self.recordings, da) {
            (0, _) => None,
            (1, true) => Some("1 lydoptagelse".to_string()),
            (n, true) => Some(format!("{n} lydoptagelser")),
            (1, false) => Some("1 recording".to_string()),
            (n, false) => Some(format!("{n} recordings")),
        };
        let and = if da { " og " } else { " and " };
        [photos, recordings]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(and)
    }
}

/// The length of base64url text without padding for `n` bytes.
pub fn base64url_len(n: u64) -> u64 {
    (4 * n).div_ceil(3)
}

/// How many characters `"media":[…]` adds to a file for these clips, as [`entries`]
/// writes them (with the comma before it), from the sizes the answers record. Zero when
/// there are none: the field is left out.
pub fn media_field_len(clips: &[Clip]) -> u64 {
    if clips.is_empty() {
        return 0;
    }
    // `,"media":[` … `]`, entries joined by commas.
    let framing = 11 + (clips.len() as u64 - 1);
    let entries: u64 = clips
        .iter()
        .map(|c| {
            // {"id":"…","mime":"…","data":"…"}
            29 + c.id.len() as u64 + base_mime(&c.mime).len() as u64 + base64url_len(c.bytes)
        })
        .sum();
    framing + entries
}

/// Only the blobs whose ids are wanted, each once.
pub fn only_wanted(media: &[MediaBlob], wanted: &BTreeSet<String>) -> Vec<MediaBlob> {
    let mut seen = BTreeSet::new();
    media
        .iter()
        .filter(|b| wanted.contains(&b.id) && seen.insert(b.id.clone()))
        .cloned()
        .collect()
}

/// Reads the `media` list of a backup. Returns the blobs and, for each entry dropped, why.
pub fn read_media(value: Option<&Value>) -> (Vec<MediaBlob>, Vec<String>) {
    let mut blobs = Vec::new();
    let mut dropped = Vec::new();
    let Some(list) = value.and_then(Value::as_array) else {
        return (blobs, dropped);
    };
    for (i, entry) in list.iter().enumerate() {
        let id = entry.get("id").and_then(Value::as_str).unwrap_or("");
        let mime = entry.get("mime").and_then(Value::as_str).unwrap_or("");
        let data = entry.get("data").and_then(Value::as_str).unwrap_or("");
        let label = if is_clip_id(id) {
            id.to_string()
        } else {
            format!("media {}", i + 1)
        };
        if !is_clip_id(id) || !mime_allowed(mime) {
            dropped.push(label);
            continue;
        }
        if data.len() as u64 > MAX_CLIP_BYTES / 3 * 4 + 4 {
            dropped.push(label);
            continue;
        }
        match base64url_decode(data) {
            Ok(bytes) if !bytes.is_empty() && !blobs.iter().any(|b: &MediaBlob| b.id == id) => {
                blobs.push(MediaBlob {
                    id: id.to_string(),
                    mime: base_mime(mime).to_string(),
                    bytes,
                })
            }
            _ => dropped.push(label),
        }
    }
    (blobs, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn media_round_trips_through_backup_text() {
        let blobs = vec![
            MediaBlob {
                id: "m0000000000000001".into(),
                mime: "image/jpeg".into(),
                bytes: vec![0xff, 0xd8, 0, 1, 2],
            },
            MediaBlob {
                id: "m0000000000000002".into(),
                mime: "audio/webm".into(),
                bytes: (0..=255).collect(),
            },
        ];
        let text = serde_json::to_string(&entries(&blobs)).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read_media(Some(&value)), (blobs, vec![]));
    }

    #[test]
    fn the_media_of_kept_hand_ins_count_as_referenced() {
        use crate::core::progress::answer::Doc;
        use crate::core::progress::{RecordId, WorkRef};
        let r = WorkRef::parse("class:a1").unwrap();
        let mut p = Progress::default();
        let doc = r#"{"pupil":"Ida","work":{"x":{"answers":{"foto":{"value":{"clips":[{"id":"m00000000000000d1","kind":"photo"}]}}}}},"note":"\"m00000000000000zz\" and m00000000000000d2 are not ids"}"#;
        let id = RecordId::parse("ida").unwrap();
        p.put_record(&r, "handins", id.clone(), Some(Doc(doc.into())), 1);
        assert_eq!(
            referenced(&p).into_iter().collect::<Vec<_>>(),
            ["m00000000000000d1"]
        );
        p.put_record::<Doc>(&r, "handins", id, None, 2);
        assert!(
            referenced(&p).is_empty(),
            "an erased hand-in's media are not kept"
        );
    }

    #[test]
    fn photos_on_canvas_notes_count_as_referenced() {
        use crate::core::progress::{Note, RecordId, WorkRef};
        let r = WorkRef::canvas("k1");
        let mut p = Progress::default();
        let note = |text: &str, id: &str| Note {
            block: "b".into(),
            text: text.into(),
            photo: Some(clip(id, "photo", "image/webp", 5)),
            ..Note::default()
        };
        let id = |s: &str| RecordId::parse(s).unwrap();
        p.put_record(
            &r,
            "notes",
            id("a"),
            Some(note("kept", "m0000000000000001")),
            1,
        );
        p.put_record(
            &r,
            "notes",
            id("b"),
            Some(note("gone", "m0000000000000002")),
            2,
        );
        p.put_record::<Note>(&r, "notes", id("b"), None, 3);
        assert_eq!(
            referenced(&p).into_iter().collect::<Vec<_>>(),
            ["m0000000000000001"]
        );
        let answer = p.answer(&r, "notes").unwrap();
        assert_eq!(photos_in(answer).len(), 1);
    }

    #[test]
    fn bad_entries_are_dropped_and_named() {
        let value = json!([
            {"id": "m0000000000000001", "mime": "image/svg+xml", "data": "AAAA"},
            {"id": "../../etc", "mime": "image/jpeg", "data": "AAAA"},
            {"id": "m0000000000000003", "mime": "image/jpeg", "data": "!!"},
            {"id": "m0000000000000004", "mime": "image/png", "data": "AAAA"},
            7,
        ]);
        let (blobs, dropped) = read_media(Some(&value));
        assert_eq!(blobs.len(), 1);
        assert_eq!(
            dropped,
            [
                "m0000000000000001",
                "media 2",
                "m0000000000000003",
                "media 5"
            ]
        );
    }

    fn clip(id: &str, kind: &str, mime: &str, bytes: u64) -> Clip {
        Clip {
            id: id.into(),
            kind: kind.into(),
            mime: mime.into(),
            bytes,
            ..Clip::default()
        }
    }

    #[test]
    fn the_size_of_the_media_field_is_known_before_the_bytes_are_read() {
        let clips = [
            clip("m0000000000000001", "photo", "image/webp", 0),
            clip("m0000000000000002", "photo", "image/jpeg", 1),
            clip("m0000000000000003", "voice", "audio/webm;codecs=opus", 2),
            clip("m0000000000000004", "photo", "image/png", 1000),
        ];
        let blobs: Vec<MediaBlob> = clips
            .iter()
            .map(|c| MediaBlob {
                id: c.id.clone(),
                mime: base_mime(&c.mime).into(),
                bytes: vec![7; c.bytes as usize],
            })
            .collect();
        for n in 0..=clips.len() {
            #[derive(Serialize)]
            struct File<'a> {
                a: u8,
                #[serde(skip_serializing_if = "Vec::is_empty")]
                media: Vec<MediaEntry<'a>>,
            }
            let with = serde_json::to_string(&File {
                a: 1,
                media: entries(&blobs[..n]),
            })
            .unwrap();
            let without = serde_json::to_string(&File {
                a: 1,
                media: vec![],
            })
            .unwrap();
            assert_eq!(
                with.len() as u64,
                without.len() as u64 + media_field_len(&clips[..n]),
                "{n} clips"
            );
        }
        for n in 0..10u64 {
            assert_eq!(
                base64url_len(n),
                base64url_encode(&vec![0; n as usize]).len() as u64
            );
        }
    }

    #[test]
    fn a_tally_counts_photos_and_recordings_in_both_languages() {
        let clips = [
            clip("m0000000000000001", "photo", "image/webp", 10),
            clip("m0000000000000002", "photo", "image/webp", 20),
            clip("m0000000000000003", "voice", "audio/webm", 30),
        ];
        let t = MediaTally::of(&clips);
        assert_eq!((t.photos, t.recordings, t.bytes), (2, 1, 60));
        assert_eq!(t.words(Lang::Da), "2 fotos og 1 lydoptagelse");
        assert_eq!(t.words(Lang::En), "2 photos and 1 recording");
        assert_eq!(MediaTally::of(&clips[..1]).words(Lang::En), "1 photo");
        assert_eq!(
            MediaTally::of(&clips[2..]).words(Lang::Da),
            "1 lydoptagelse"
        );
        assert!(MediaTally::of(&[]).is_empty());
    }

    proptest! {
        #[test]
        fn any_json_never_panics(text in ".{0,200}") {
            if let Ok(v) = serde_json::from_str::<Value>(&text) {
                let _ = read_media(Some(&v));
            }
            let _ = read_media(Some(&json!([{"id": text.clone(), "mime": text.clone(), "data": text}])));
        }
    }
}
