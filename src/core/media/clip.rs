//! Photos and voice recordings as the saved work refers to them: an id (the key of the blob
//! in the browser's IndexedDB) and what the app needs to show it without opening the blob.

use serde::{Deserialize, Serialize};

/// The longest side of a saved photo, in pixels; larger photos are scaled down on the device.
pub const PHOTO_MAX_SIDE: u32 = 1600;
/// A single media file larger than this is refused (a 1600 px photo is well under 1 MB, a
/// five-minute recording a few MB).
pub const MAX_CLIP_BYTES: u64 = 12 * 1024 * 1024;

/// A photo or a recording, referred to from a saved answer.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Clip {
    /// The key of the blob in the media database: `m` + 16 hex digits.
    pub id: String,
    /// `photo` or `voice`.
    #[serde(default)]
    pub kind: String,
    /// The blob's type, e.g. `image/jpeg`, `audio/webm`.
    #[serde(default)]
    pub mime: String,
    #[serde(default)]
    pub bytes: u64,
    /// Photos: the saved size in pixels.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub width: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub height: u32,
    /// Recordings: the length in milliseconds.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub ms: u32,
    /// When it was taken (ms since 1970).
    #[serde(default)]
    pub at: i64,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipKind {
    Photo,
    Voice,
}

impl ClipKind {
    pub fn name(self) -> &'static str {
        match self {
            ClipKind::Photo => "photo",
            ClipKind::Voice => "voice",
        }
    }
}

/// The image and audio types the app saves and shows; anything else in saved data or a
/// backup is not shown and not restored.
pub const MIME_TYPES: [&str; 8] = [
    "image/jpeg",
    "image/webp",
    "image/png",
    "audio/webm",
    "audio/ogg",
    "audio/mp4",
    "audio/mpeg",
    "audio/wav",
];

impl Clip {
    pub fn kind(&self) -> Option<ClipKind> {
        match self.kind.as_str() {
            "photo" => Some(ClipKind::Photo),
            "voice" => Some(ClipKind::Voice),
            _ => None,
        }
    }

    /// True when the reference is one the app can use: a well-formed id, a known kind and a
    /// type that fits the kind.
    pub fn is_usable(&self) -> bool {
        let kind_fits = match self.kind() {
            Some(ClipKind::Photo) => self.mime.starts_with("image/"),
            Some(ClipKind::Voice) => self.mime.starts_with("audio/"),
            None => false,
        };
        is_clip_id(&self.id) && kind_fits && mime_allowed(&self.mime)
    }
}

/// A photo's bytes as a `data:` URI (standard base64), so an exported picture of a canvas
/// carries its photos in the one file.
pub fn data_uri(mime: &str, bytes: &[u8]) -> String {
    let mut text: String = crate::core::teacher::codec::base64url_encode(bytes)
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !text.len().is_multiple_of(4) {
        text.push('=');
    }
    format!("data:{};base64,{text}", base_mime(mime))
}

/// A new clip id from 64 random bits.
pub fn clip_id(random: u64) -> String {
    format!("m{random:016x}")
}

/// `m` followed by 16 lower-case hex digits.
pub fn is_clip_id(id: &str) -> bool {
    id.len() == 17
        && id.starts_with('m')
        && id[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The type without parameters (`audio/webm;codecs=opus` → `audio/webm`), if allowed.
pub fn mime_allowed(mime: &str) -> bool {
    MIME_TYPES.contains(&base_mime(mime))
}

pub fn base_mime(mime: &str) -> &str {
    mime.split(';').next().unwrap_or("").trim()
}

/// The size to save a photo at: the longest side at most [`PHOTO_MAX_SIDE`], the shape kept,
/// never enlarged, never zero.
pub fn fit_photo(width: u32, height: u32) -> (u32, u32) {
    let (w, h) = (width.max(1), height.max(1));
    let longest = w.max(h);
    if longest <= PHOTO_MAX_SIDE {
        return (w, h);
    }
    let scale = PHOTO_MAX_SIDE as f64 / longest as f64;
    let fit = |v: u32| ((v as f64 * scale).round() as u32).clamp(1, PHOTO_MAX_SIDE);
    (fit(w), fit(h))
}

/// `m:ss` for a time in milliseconds, rounded down to the second.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

/// A size for people: `820 KB`, `3.4 MB` (`3,4 MB` in Danish).
pub fn size_text(bytes: u64, decimal_comma: bool) -> String {
    let text = if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    };
    if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The usable clips of a list, of one kind, in the order they were taken.
pub fn clips_of(clips: &[Clip], kind: ClipKind) -> Vec<Clip> {
    let mut out: Vec<Clip> = clips
        .iter()
        .filter(|c| c.is_usable() && c.kind() == Some(kind))
        .cloned()
        .collect();
    crate::core::sort::sort_by_key(&mut out, |c| c.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clip(id: &str, kind: &str, mime: &str) -> Clip {
        Clip {
            id: id.into(),
            kind: kind.into(),
            mime: mime.into(),
            ..Clip::default()
        }
    }

    #[test]
    fn photos_are_scaled_to_fit_and_never_enlarged() {
        for (w, h, want) in [
            (4000, 3000, (1600, 1200)),
            (3000, 4000, (1200, 1600)),
            (1600, 900, (1600, 900)),
            (640, 480, (640, 480)),
            (0, 0, (1, 1)),
            (100_000, 1, (1600, 1)),
        ] {
            assert_eq!(fit_photo(w, h), want, "{w}×{h}");
        }
    }

    #[test]
    fn a_data_uri_is_standard_padded_base64() {
        // RFC 4648 test vectors, and bytes whose base64url differs from base64.
        for (bytes, want) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff, 0xbf][..], "+/+/"),
        ] {
            assert_eq!(
                data_uri("image/jpeg; q=1", bytes),
                format!("data:image/jpeg;base64,{want}")
            );
        }
    }

    #[test]
    fn only_well_formed_references_are_used() {
        let id = clip_id(0xdead_beef);
        assert_eq!(id, "m00000000deadbeef");
        assert!(clip(&id, "photo", "image/jpeg").is_usable());
        assert!(clip(&id, "voice", "audio/webm;codecs=opus").is_usable());
        assert!(!clip(&id, "voice", "image/jpeg").is_usable());
        assert!(!clip(&id, "photo", "image/svg+xml").is_usable());
        assert!(!clip("../x", "photo", "image/jpeg").is_usable());
        assert!(!clip(&id, "video", "image/jpeg").is_usable());
    }

    #[test]
    fn clocks_and_sizes_read_well() {
        assert_eq!(clock(2_400), "0:02");
        assert_eq!(clock(61_000), "1:01");
        assert_eq!(size_text(1000, true), "1 KB");
        assert_eq!(size_text(3 * 1024 * 1024 + 400_000, true), "3,4 MB");
        assert_eq!(size_text(3 * 1024 * 1024 + 400_000, false), "3.4 MB");
    }

    proptest! {
        #[test]
        fn hostile_references_never_panic(id in ".{0,30}", kind in ".{0,8}", mime in ".{0,30}", w in any::<u32>(), h in any::<u32>()) {
            let c = Clip { id, kind, mime, ..Clip::default() };
            let _ = c.is_usable();
            let _ = clips_of(&[c.clone(), c], ClipKind::Photo);
            let (fw, fh) = fit_photo(w, h);
            prop_assert!(fw >= 1 && fh >= 1 && fw <= PHOTO_MAX_SIDE.max(w) && fh <= PHOTO_MAX_SIDE.max(h));
            prop_assert!(fw.max(fh) <= PHOTO_MAX_SIDE);
        }
    }
}
