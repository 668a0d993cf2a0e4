//! Media in backup files: the bytes of every photo and recording the saved work refers to,
//! as base64url text beside the work, and the lenient reader that takes them back (each
//! entry in its own guard: a bad one is dropped and named, the rest restored).

use super::clip::{base_mime, is_clip_id, mime_allowed, MAX_CLIP_BYTES};
use crate::core::progress::{Answer, Progress};
use crate::core::teacher::codec::{base64url_decode, base64url_encode};
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
/// tombstones are gone, but a clip id in a live answer is what counts).
pub fn referenced(progress: &Progress) -> BTreeSet<String> {
    progress
        .work
        .values()
        .flat_map(|w| w.answers.values())
        .filter_map(|a| match &a.value {
            Answer::Media { clips, .. } => Some(clips.iter().map(|c| c.id.clone())),
            _ => None,
        })
        .flatten()
        .filter(|id| is_clip_id(id))
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
