//! Photos and recordings that no saved work refers to any more leave the device: a photo
//! taken off a canvas note, a deleted note's photo, a recording replaced while the old
//! one could not be deleted. A pupil who removes a photo of a classmate expects it gone from
//! a shared Chromebook, not kept until someone erases everything.
//!
//! A blob is deleted only when two looks, at least [`GRACE_MS`] apart, both found it
//! unreferenced. The wait covers what one tab cannot see: another tab that has stored a
//! blob and not yet saved the answer that refers to it, and a board's undo, which can
//! put a removed photo back within the session. The first look writes down when it saw
//! each unreferenced blob ([`Unreferenced`]); a later look deletes those seen long enough
//! ago. Anything unclear (an unreadable record, a clock set back) restarts the wait: the
//! mistake this module must never make is deleting a photo that is still wanted.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::backup::clip_ids_anywhere;
use super::clip::is_clip_id;
use crate::core::progress::{Millis, Progress};

/// How long a blob must have been unreferenced before it is deleted: a day.
pub const GRACE_MS: Millis = 24 * 60 * 60 * 1000;

/// Where the record of unreferenced blobs is kept (local storage). Outside `spire.`: it is
/// not saved work, and no backup or reading of saved work should meet it.
pub const UNREFERENCED_KEY: &str = "spire-media.unreferenced";

/// Every clip id the saved work may still refer to: any quoted anywhere in it, which takes
/// in the answers' (as a backup counts them) and also, for example, a work item's answers
/// this version could not read, which a newer version may. More than needed is safe; fewer
/// would lose a photo. `None` if the work cannot be written out to look through.
pub fn still_wanted(progress: &Progress) -> Option<BTreeSet<String>> {
    let text = serde_json::to_string(progress).ok()?;
    Some(clip_ids_anywhere(&text).map(String::from).collect())
}

/// The blobs a look found unreferenced, with when each was first found so. Kept on the
/// device between starts of the app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unreferenced {
    v: u32,
    since: BTreeMap<String, Millis>,
}

impl Unreferenced {
    /// The record as kept; an unreadable or unknown one reads as empty, which only delays
    /// deleting.
    pub fn read(raw: Option<&str>) -> Unreferenced {
        raw.and_then(|raw| serde_json::from_str::<Unreferenced>(raw).ok())
            .filter(|r| r.v == 1)
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// When `id` was first found unreferenced, if it was.
    pub fn since(&self, id: &str) -> Option<Millis> {
        self.since.get(id).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.since.is_empty()
    }
}

/// What one look decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sweep {
    /// The blobs to delete now.
    pub delete: Vec<String>,
    /// The record to keep for the next look.
    pub unreferenced: Unreferenced,
}

/// Looks at the blobs `stored` on the device against the clip ids the saved work
/// `referenced`, given the record of the look before. Keys that are not clip ids are
/// never touched.
pub fn sweep(
    stored: &[String],
    referenced: &BTreeSet<String>,
    before: &Unreferenced,
    now: Millis,
) -> Sweep {
    let mut delete = Vec::new();
    let mut since = BTreeMap::new();
    for id in stored {
        if !is_clip_id(id) || referenced.contains(id) {
            continue;
        }
        // A time in the future means the clock was set back: start the wait again.
        let first = before.since(id).filter(|&t| t <= now).unwrap_or(now);
        if now - first >= GRACE_MS {
            delete.push(id.clone());
        } else {
            since.insert(id.clone(), first);
        }
    }
    Sweep {
        delete,
        unreferenced: Unreferenced { v: 1, since },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "m00000000000000aa";
    const B: &str = "m00000000000000bb";
    const C: &str = "m00000000000000cc";
    const T: Millis = 1_800_000_000_000;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn set(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_look_deletes_nothing_and_notes_what_is_unreferenced() {
        let s = sweep(&ids(&[A, B]), &set(&[A]), &Unreferenced::default(), T);
        assert!(s.delete.is_empty());
        assert_eq!(s.unreferenced.since(B), Some(T));
        assert_eq!(s.unreferenced.since(A), None);
    }

    #[test]
    fn a_blob_unreferenced_for_a_day_is_deleted_and_not_before() {
        let first = sweep(&ids(&[A, B]), &set(&[A]), &Unreferenced::default(), T);
        let early = sweep(
            &ids(&[A, B]),
            &set(&[A]),
            &first.unreferenced,
            T + GRACE_MS - 1,
        );
        assert!(early.delete.is_empty());
        assert_eq!(
            early.unreferenced.since(B),
            Some(T),
            "the wait is not restarted"
        );
        let late = sweep(&ids(&[A, B]), &set(&[A]), &early.unreferenced, T + GRACE_MS);
        assert_eq!(late.delete, ids(&[B]));
        assert!(late.unreferenced.is_empty());
    }

    #[test]
    fn a_referenced_blob_is_never_deleted_whatever_the_record_says() {
        let old = Unreferenced {
            v: 1,
            since: [(A.to_string(), 0)].into(),
        };
        let s = sweep(&ids(&[A]), &set(&[A]), &old, T);
        assert!(s.delete.is_empty());
        assert!(s.unreferenced.is_empty(), "referenced again: forgotten");
    }

    #[test]
    fn a_blob_referenced_again_starts_a_new_wait_when_it_is_dropped_again() {
        let first = sweep(&ids(&[A]), &set(&[]), &Unreferenced::default(), T);
        let undone = sweep(&ids(&[A]), &set(&[A]), &first.unreferenced, T + 1000);
        let again = sweep(
            &ids(&[A]),
            &set(&[]),
            &undone.unreferenced,
            T + GRACE_MS + 1,
        );
        assert!(again.delete.is_empty());
        assert_eq!(again.unreferenced.since(A), Some(T + GRACE_MS + 1));
    }

    #[test]
    fn a_clock_set_back_restarts_the_wait() {
        let future = Unreferenced {
            v: 1,
            since: [(A.to_string(), T + GRACE_MS * 10)].into(),
        };
        let s = sweep(&ids(&[A]), &set(&[]), &future, T);
        assert!(s.delete.is_empty());
        assert_eq!(s.unreferenced.since(A), Some(T));
    }

    #[test]
    fn blobs_gone_from_the_device_are_forgotten_and_other_keys_never_touched() {
        let old = Unreferenced {
            v: 1,
            since: [(C.to_string(), 0), ("notes".to_string(), 0)].into(),
        };
        let stored = ids(&["notes", "M00000000000000AA", B]);
        let s = sweep(&stored, &set(&[]), &old, T);
        assert!(s.delete.is_empty());
        assert_eq!(s.unreferenced.since(C), None);
        assert_eq!(s.unreferenced.since("notes"), None);
        assert_eq!(s.unreferenced.since(B), Some(T));
    }

    #[test]
    fn an_unreadable_record_reads_as_empty_and_a_kept_one_reads_back() {
        for raw in [
            None,
            Some(""),
            Some("{"),
            Some("[]"),
            Some(r#"{"v":2,"since":{"m00000000000000aa":0}}"#),
            Some(r#"{"v":1,"since":{"m00000000000000aa":"yesterday"}}"#),
            Some(r#"{"v":1,"since":{},"extra":true}"#),
        ] {
            assert!(Unreferenced::read(raw).is_empty(), "{raw:?}");
        }
        let s = sweep(&ids(&[A, B]), &set(&[]), &Unreferenced::default(), T);
        let json = s.unreferenced.to_json();
        assert_eq!(Unreferenced::read(Some(&json)), s.unreferenced);
    }

    #[test]
    fn clip_ids_are_found_however_they_are_quoted_and_not_inside_words() {
        let text = r#"{"photo":{"id":"m00000000000000aa"},"doc":"{\"id\":\"m00000000000000bb\"}","t":"xm00000000000000cc m00000000000000dd0 m00000000000000ee"}"#;
        let found: Vec<&str> = clip_ids_anywhere(text).collect();
        assert_eq!(found, [A, B, "m00000000000000ee"]);
    }

    #[test]
    fn what_the_work_still_wants_includes_answers_it_could_not_read() {
        use crate::core::progress::Work;
        let mut progress = Progress::default();
        let mut work = Work::new(T);
        work.extra.insert(
            "unreadable_answers".into(),
            serde_json::json!({"step": {"kind": "from-the-future", "clip": A}}),
        );
        progress.work.insert("lesson:x".into(), work);
        let wanted = still_wanted(&progress).expect("the work writes out");
        assert!(wanted.contains(A), "{wanted:?}");
        assert!(!wanted.contains(C));
    }

    #[test]
    fn an_unreadable_record_delays_deleting_by_a_day() {
        let s = sweep(&ids(&[A]), &set(&[]), &Unreferenced::read(Some("{")), T);
        assert!(s.delete.is_empty());
        assert_eq!(s.unreferenced.since(A), Some(T));
    }
}
