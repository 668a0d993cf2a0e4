//! Backup files: export the whole state, and check, preview and read a file before restoring.

use super::merge::{compare, Comparison};
use super::state::{Millis, Progress};
use super::stored::{restore_any, restore_value, RestoreError, CURRENT_VERSION};
use crate::core::json_file::{self, OpenError};
use crate::core::media::backup::{entries, read_media, referenced, MediaBlob, MediaEntry};
use crate::core::text::Lang;
use serde::Serialize;
use serde_json::Value;

pub const BACKUP_FORMAT: &str = "spire-backup";
/// Larger files are refused before parsing: a year of a pupil's written work is a few
/// hundred KB; photos and recordings (content v1.1) add up to a few MB each.
pub const MAX_BACKUP_BYTES: usize = 80 * 1024 * 1024;
/// The written work in a backup (everything but its photos and recordings) stays under
/// this: years of typing are far less, so more is not a pupil's backup.
pub const MAX_WORK_BYTES: usize = 5 * 1024 * 1024;

#[derive(Serialize)]
struct BackupEnvelope<'a> {
    format: &'static str,
    version: u32,
    exported_at: Millis,
    app_version: &'a str,
    data: &'a Progress,
    /// The photos and recordings the work refers to (content v1.1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    media: Vec<MediaEntry<'a>>,
}

pub fn export_backup(progress: &Progress, now: Millis, app_version: &str) -> String {
    export_backup_with_media(progress, now, app_version, &[])
}

/// A backup holding the bytes of `media` too (those the work refers to; others are left out).
pub fn export_backup_with_media(
    progress: &Progress,
    now: Millis,
    app_version: &str,
    media: &[MediaBlob],
) -> String {
    let wanted = referenced(progress);
    let media: Vec<MediaBlob> = media
        .iter()
        .filter(|b| wanted.contains(&b.id))
        .cloned()
        .collect();
    serde_json::to_string(&BackupEnvelope {
        format: BACKUP_FORMAT,
        version: CURRENT_VERSION,
        exported_at: now,
        app_version,
        data: progress,
        media: entries(&media),
    })
    .unwrap_or_default()
}

/// The file name of a backup made at `now`.
pub fn backup_file_name(now: Millis) -> String {
    use chrono::{Datelike, Timelike};
    // Built by hand rather than with `format`, which would pull chrono's whole formatting
    // machinery into the download.
    let date = chrono::DateTime::from_timestamp_millis(now)
        .map(|d| {
            format!(
                "{}-{:02}-{:02}-{:02}{:02}",
                d.year(),
                d.month(),
                d.day(),
                d.hour(),
                d.minute()
            )
        })
        .unwrap_or_else(|| "backup".into());
    format!("spire-backup-{date}.json")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    /// The JSON ends before it is complete: a download or a copy that was cut off.
    Truncated,
    TooLarge {
        bytes: usize,
    },
    NotText,
    Restore(RestoreError),
}

/// A file cut off is told apart from other broken JSON: fetching it again mends it.
impl From<OpenError> for ImportError {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::TooLarge { bytes } => ImportError::TooLarge { bytes },
            OpenError::NotText => ImportError::NotText,
            OpenError::Empty => ImportError::Empty,
            OpenError::NotJson { cut_off: true, .. } => ImportError::Truncated,
            OpenError::NotJson { line, column, .. } => {
                ImportError::Restore(RestoreError::NotJson { line, column })
            }
        }
    }
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        let mb = MAX_BACKUP_BYTES / (1024 * 1024);
        match (self, lang) {
            (ImportError::Empty, Lang::Da) => "Filen er tom.".into(),
            (ImportError::Empty, Lang::En) => "The file is empty.".into(),
            (ImportError::Truncated, Lang::Da) => {
                "Filen er afkortet: den slutter, før dataene er færdige. Hent filen igen fra den anden enhed.".into()
            }
            (ImportError::Truncated, Lang::En) => {
                "The file is cut off: it ends before its data does. Fetch the file again from the other device.".into()
            }
            (ImportError::TooLarge { bytes }, Lang::Da) => format!(
                "Filen er for stor ({} KB). En sikkerhedskopi fra Spire er under {mb} MB.",
                bytes / 1024
            ),
            (ImportError::TooLarge { bytes }, Lang::En) => format!(
                "The file is too large ({} KB). A Spire backup is under {mb} MB.",
                bytes / 1024
            ),
            (ImportError::NotText, Lang::Da) => {
                "Filen er ikke en tekstfil, så det er ikke en sikkerhedskopi fra Spire.".into()
            }
            (ImportError::NotText, Lang::En) => {
                "The file is not a text file, so it is not a Spire backup.".into()
            }
            (ImportError::Restore(e), Lang::Da) => {
                format!("Filen kan ikke gendannes: {}.", e.message(lang))
            }
            (ImportError::Restore(e), Lang::En) => {
                format!("The file cannot be restored: {}.", e.message(lang))
            }
        }
    }
}

/// What a backup file holds, compared with this device, shown before anything changes.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupPreview {
    pub progress: Progress,
    pub exported_at: Option<Millis>,
    pub work_items: usize,
    pub answers: usize,
    pub dropped: Vec<String>,
    pub comparison: Comparison,
    /// True when the file's newest change is older than this device's newest change.
    pub older_than_local: bool,
    /// The photos and recordings in the file.
    pub media: Vec<MediaBlob>,
}

/// Checks and reads a backup file. Accepts backups and kept-aside raw progress data.
pub fn read_backup(bytes: &[u8], local: &Progress) -> Result<BackupPreview, ImportError> {
    let value = json_file::open_text(bytes, MAX_BACKUP_BYTES).and_then(json_file::parse)?;
    let media_bytes = value.get("media").map_or(0, |m| m.to_string().len());
    if bytes.len().saturating_sub(media_bytes) > MAX_WORK_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let exported_at = value.get("exported_at").and_then(Value::as_i64);
    let (media, dropped_media) = read_media(value.get("media"));
    // A backup, or a single saved entry kept aside by the app (downloaded from My work).
    let restored = match value.get("format").and_then(Value::as_str) {
        Some(BACKUP_FORMAT) => restore_value(value, BACKUP_FORMAT),
        Some(_) => restore_any(value),
        None => restore_value(value, BACKUP_FORMAT),
    }
    .map_err(ImportError::Restore)?;
    let progress = restored.progress;
    let mut dropped = restored.dropped;
    dropped.extend(dropped_media);
    Ok(BackupPreview {
        media,
        work_items: progress.work.len(),
        answers: progress.work.values().map(|w| w.answers.len()).sum(),
        comparison: compare(local, &progress),
        older_than_local: progress.last_change() < local.last_change(),
        dropped,
        exported_at,
        progress,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::answer::{Answer, Idea};
    use crate::core::progress::record::RecordId;
    use crate::core::progress::state::WorkRef;

    #[test]
    fn export_then_read_gives_the_same_state() {
        let mut p = Progress::default();
        p.set_answer(
            &WorkRef::lesson("a"),
            "q",
            Answer::Text { text: "x".into() },
            7,
        );
        p.put_record(
            &WorkRef::lesson("a"),
            "ideas",
            RecordId::from_random(3),
            Some(Idea {
                text: "is".into(),
                order: 1,
            }),
            7,
        );
        let file = export_backup(&p, 8, "0.1.0");
        let preview = read_backup(file.as_bytes(), &Progress::default()).unwrap();
        assert_eq!(preview.progress, p);
        assert_eq!(preview.exported_at, Some(8));
        assert_eq!((preview.work_items, preview.answers), (1, 2));
    }

    #[test]
    fn a_backup_carries_the_media_its_work_refers_to() {
        use crate::core::media::Clip;
        let mut p = Progress::default();
        let clip = Clip {
            id: "m00000000000000aa".into(),
            kind: "photo".into(),
            mime: "image/jpeg".into(),
            bytes: 3,
            ..Clip::default()
        };
        p.set_answer(
            &WorkRef::lesson("a"),
            "photo",
            Answer::Media {
                text: String::new(),
                strokes: vec![],
                clips: vec![clip],
            },
            7,
        );
        let blob = |id: &str| MediaBlob {
            id: id.into(),
            mime: "image/jpeg".into(),
            bytes: vec![1, 2, 3],
        };
        // A blob no answer refers to (a photo deleted since) stays out of the file.
        let file = export_backup_with_media(
            &p,
            8,
            "0.1.0",
            &[blob("m00000000000000aa"), blob("m00000000000000bb")],
        );
        let preview = read_backup(file.as_bytes(), &Progress::default()).unwrap();
        assert_eq!(preview.progress, p);
        assert_eq!(preview.media, [blob("m00000000000000aa")]);
        assert!(preview.dropped.is_empty());
    }

    #[test]
    fn hostile_files_are_refused_with_a_message() {
        let local = Progress::default();
        let huge = vec![b' '; MAX_BACKUP_BYTES + 1];
        let mut wordy = b"{\"format\":\"spire-backup\",\"version\":2,\"data\":{\"pad\":\"".to_vec();
        wordy.extend(std::iter::repeat_n(b'a', MAX_WORK_BYTES));
        wordy.extend(b"\"}}");
        let cases: Vec<(&[u8], &str)> = vec![
            (b"", "Empty"),
            (b"   \n", "Empty"),
            (&huge, "TooLarge"),
            (&wordy, "TooLarge"),
            (&[0xff, 0xfe, 0x00], "NotText"),
            (
                b"{\"format\":\"spire-backup\",\"version\":2,\"data\":{",
                "Truncated",
            ),
            (
                b"{\"format\":\"excalidraw\",\"version\":2}",
                "Restore(WrongFormat",
            ),
            (
                b"{\"format\":\"spire-backup\",\"version\":7,\"data\":{}}",
                "Restore(FromNewerApp",
            ),
            (b"<script>alert(1)</script>", "Restore(NotJson"),
        ];
        for (bytes, want) in cases {
            let err = read_backup(bytes, &local).unwrap_err();
            assert!(format!("{err:?}").starts_with(want), "{want}: {err:?}");
            assert!(!err.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn file_name_carries_the_date() {
        assert_eq!(backup_file_name(0), "spire-backup-1970-01-01-0000.json");
    }
}
