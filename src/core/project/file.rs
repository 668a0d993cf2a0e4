//! The project file: one team's project (and the host brief its challenge was made from, if
//! any) in the envelope of a backup, so the team can carry it to another device. Importing
//! merges it record by record with what that device has, as restoring a backup does: two
//! devices that both worked on the project keep each other's newer work. The photos and
//! recordings the project refers to travel in it as in a backup (`media`), unless the team
//! downloads it without them.

use super::{source_of, team_name, ChallengeSource};
use crate::core::json_file;
use crate::core::media::backup::{
    clips_in, entries, media_field_len, only_wanted, read_media, referenced, MediaBlob, MediaEntry,
    MediaTally,
};
use crate::core::progress::backup::{ImportError, MAX_BACKUP_BYTES};
use crate::core::progress::stored::{restore_value, CURRENT_VERSION};
use crate::core::progress::{Millis, Progress, WorkKind, WorkRef};
use crate::core::text::slug;
use serde::Serialize;
use serde_json::Value;

pub const PROJECT_FORMAT: &str = "spire-project";

#[derive(Serialize)]
struct ProjectEnvelope<'a> {
    format: &'static str,
    version: u32,
    exported_at: Millis,
    app_version: &'a str,
    data: &'a Progress,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    media: Vec<MediaEntry<'a>>,
}

/// The part of `progress` a project file carries: the project and its host brief.
pub fn project_part(progress: &Progress, project: &WorkRef) -> Progress {
    let mut out = Progress::default();
    let Some(work) = progress.work(project) else {
        return out;
    };
    out.work.insert(project.key(), work.clone());
    if let Some(ChallengeSource::Brief(b)) = source_of(Some(work)) {
        let brief = WorkRef::brief(&b);
        if let Some(w) = progress.work(&brief) {
            out.work.insert(brief.key(), w.clone());
        }
    }
    out
}

pub fn export_project(
    progress: &Progress,
    project: &WorkRef,
    now: Millis,
    app_version: &str,
) -> String {
    export_project_with_media(progress, project, now, app_version, &[])
}

/// The project file with the photos and recordings among `media` that the project refers to.
pub fn export_project_with_media(
    progress: &Progress,
    project: &WorkRef,
    now: Millis,
    app_version: &str,
    media: &[MediaBlob],
) -> String {
    let part = project_part(progress, project);
    let media = only_wanted(media, &referenced(&part));
    serde_json::to_string(&ProjectEnvelope {
        format: PROJECT_FORMAT,
        version: CURRENT_VERSION,
        exported_at: now,
        app_version,
        data: &part,
        media: entries(&media),
    })
    .unwrap_or_default()
}

/// The two sizes a project file can have, and its media, said before the download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectFileSizes {
    pub without_media: u64,
    pub with_media: u64,
    pub media: MediaTally,
}

pub fn project_file_sizes(
    progress: &Progress,
    project: &WorkRef,
    now: Millis,
    app_version: &str,
) -> ProjectFileSizes {
    let clips = clips_in(project_part(progress, project).work.values());
    let without = export_project(progress, project, now, app_version).len() as u64;
    ProjectFileSizes {
        without_media: without,
        with_media: without + media_field_len(&clips),
        media: MediaTally::of(&clips),
    }
}

/// `spire-project-<team>.json`.
pub fn project_file_name(progress: &Progress, project: &WorkRef) -> String {
    let team = slug(&team_name(progress.work(project)));
    if team.is_empty() {
        format!("spire-project-{}.json", project.id)
    } else {
        format!("spire-project-{team}.json")
    }
}

/// What a project file holds, read and checked before anything is merged.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectImport {
    /// Only team projects and host briefs: a file never changes anything else.
    pub progress: Progress,
    /// The projects in the file: (project, team name).
    pub projects: Vec<(WorkRef, String)>,
    pub dropped: Vec<String>,
    /// The photos and recordings in the file that its projects refer to: written to this
    /// device's media before the work is merged.
    pub media: Vec<MediaBlob>,
}

/// Reads a project file (a backup file is read too, and only its projects taken).
pub fn read_project_file(bytes: &[u8]) -> Result<ProjectImport, ImportError> {
    let value = json_file::open_text(bytes, MAX_BACKUP_BYTES).and_then(json_file::parse)?;
    let format = match value.get("format").and_then(Value::as_str) {
        Some(f @ (PROJECT_FORMAT | crate::core::progress::backup::BACKUP_FORMAT)) => f.to_string(),
        _ => PROJECT_FORMAT.to_string(),
    };
    let (blobs, dropped_media) = read_media(value.get("media"));
    let restored = restore_value(value, &format).map_err(ImportError::Restore)?;
    let mut progress = restored.progress;
    progress.work.retain(|key, _| {
        WorkRef::parse(key).is_some_and(|r| matches!(r.kind, WorkKind::Project | WorkKind::Brief))
    });
    // What a file says about this device (its language, its erasures) is not the file's.
    progress.settings = Default::default();
    progress.erased_at = 0;
    progress.extra.clear();
    let projects = progress
        .live_work()
        .filter(|(r, _)| r.kind == WorkKind::Project)
        .map(|(r, w)| (r, super::normalise_team_name(&team_name(Some(w)))))
        .collect();
    let mut dropped = restored.dropped;
    dropped.extend(dropped_media);
    Ok(ProjectImport {
        media: only_wanted(&blobs, &referenced(&progress)),
        progress,
        projects,
        dropped,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::text;
    use super::super::{start_project, ChallengeSource};
    use super::*;
    use crate::core::progress::merge::merge;
    use crate::core::progress::stored::RestoreError;
    use crate::core::progress::{Idea, RecordId};

    fn team(p: &mut Progress, id: &str, name: &str) -> WorkRef {
        let r = WorkRef::project(id);
        start_project(
            p,
            &r,
            &ChallengeSource::Content("by".into()),
            name,
            &["Ida".into()],
            1,
        );
        r
    }

    #[test]
    fn a_project_travels_alone_and_merges_by_record() {
        let mut here = Progress::default();
        let lynet = team(&mut here, "p1", "Lynet");
        team(&mut here, "p2", "Tordenen");
        here.set_answer(&WorkRef::lesson("other"), "q", text("privat"), 2);
        here.put_record(
            &lynet,
            "ideer",
            RecordId::from_random(1),
            Some(Idea {
                text: "A".into(),
                order: 1,
            }),
            3,
        );
        let file = export_project(&here, &lynet, 10, "0.1.0");
        assert_eq!(project_file_name(&here, &lynet), "spire-project-lynet.json");

        let import = read_project_file(file.as_bytes()).unwrap();
        assert_eq!(import.projects, [(lynet.clone(), "Lynet".to_string())]);
        assert_eq!(import.progress.work.len(), 1, "only the project travels");

        // The other device added an idea meanwhile; this one adds another.
        let mut there = import.progress.clone();
        there.put_record(
            &lynet,
            "ideer",
            RecordId::from_random(2),
            Some(Idea {
                text: "B".into(),
                order: 2,
            }),
            20,
        );
        here.put_record(
            &lynet,
            "ideer",
            RecordId::from_random(3),
            Some(Idea {
                text: "C".into(),
                order: 3,
            }),
            21,
        );
        let back =
            read_project_file(export_project(&there, &lynet, 30, "0.1.0").as_bytes()).unwrap();
        let merged = merge(&here, &back.progress);
        let ideas = crate::core::progress::answer::ideas_in_order(merged.answer(&lynet, "ideer"));
        let texts: Vec<&str> = ideas.iter().map(|(_, i)| i.text.as_str()).collect();
        assert_eq!(texts, ["A", "B", "C"]);
        assert!(merged.work(&WorkRef::lesson("other")).is_some());
    }

    #[test]
    fn a_project_on_a_brief_takes_the_brief_along() {
        let mut p = Progress::default();
        let r = WorkRef::project("p");
        let brief = WorkRef::brief("b1");
        p.set_prop(&brief, "host_name", "Havnen", 1);
        start_project(
            &mut p,
            &r,
            &ChallengeSource::Brief("b1".into()),
            "Ankeret",
            &["Bo".into()],
            2,
        );
        let part = project_part(&p, &r);
        assert_eq!(part.work.len(), 2);
        assert!(part.work(&brief).is_some());
    }

    #[test]
    fn only_projects_are_taken_from_a_file_and_junk_is_refused() {
        let mut p = Progress::default();
        team(&mut p, "p1", "Lynet");
        p.set_answer(&WorkRef::lesson("l"), "q", text("x"), 1);
        p.set_name("Ida Hansen", 1);
        let backup = crate::core::progress::backup::export_backup(&p, 5, "0.1.0");
        let import = read_project_file(backup.as_bytes()).unwrap();
        assert_eq!(import.progress.work.len(), 1);
        assert!(import.progress.settings.name.is_empty());
        for bad in [
            &b""[..],
            b"{",
            b"{\"format\":\"spire-project\",\"version\":99,\"data\":{}}",
            &[0xff, 0xfe],
        ] {
            assert!(read_project_file(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_cut_off_or_hostile_file_says_what_is_wrong() {
        let mut p = Progress::default();
        team(&mut p, "p1", "Lynet");
        let file = export_project(&p, &WorkRef::project("p1"), 5, "0.1.0");
        let cut = &file.as_bytes()[..file.len() / 2];
        assert_eq!(read_project_file(cut), Err(ImportError::Truncated));
        let check = |bytes: &[u8], expected: ImportError| {
            assert_eq!(read_project_file(bytes), Err(expected), "{bytes:?}");
        };
        check(b"   ", ImportError::Empty);
        check(&[0xff, 0xfe, 0x00], ImportError::NotText);
        check(
            b"{\"format\":\"spire-project\",\"version\":99,\"data\":{}}",
            ImportError::Restore(RestoreError::FromNewerApp(99)),
        );
        // Deep nesting is refused by the parser's depth limit, not by a stack overflow.
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(read_project_file(deep.as_bytes()).is_err());
        // A huge team name is cut in what the import reports.
        let mut q = Progress::default();
        let r = team(&mut q, "p2", "Kort");
        q.set_prop(
            &r,
            crate::core::progress::work_ref::PROP_TEAM,
            &"x".repeat(5_000),
            9,
        );
        let file = export_project(&q, &r, 10, "0.1.0");
        let import = read_project_file(file.as_bytes()).unwrap();
        assert_eq!(
            import.projects[0].1.chars().count(),
            super::super::MAX_TEAM_NAME
        );
        // A file with only broken or foreign items holds no project (as the browser test's).
        let foreign = br#"{"format":"spire-project","version":3,"data":{"work":{"lesson:x":{"answers":7},"project:../../etc":{},"<script>":1}}}"#;
        let import = read_project_file(foreign).unwrap();
        assert!(import.projects.is_empty() && import.progress.work.is_empty());
        // Other kinds of work in a file never come along.
        let mut other = Progress::default();
        other.set_answer(&WorkRef::lesson("l"), "q", text("x"), 1);
        let backup = crate::core::progress::backup::export_backup(&other, 5, "0.1.0");
        let import = read_project_file(backup.as_bytes()).unwrap();
        assert!(import.projects.is_empty() && import.progress.work.is_empty());
    }

    #[test]
    fn a_project_file_carries_its_photos_to_a_fresh_device() {
        use crate::core::media::Clip;
        use crate::core::progress::Answer;
        let mut p = Progress::default();
        let r = team(&mut p, "p1", "Lynet");
        let other = team(&mut p, "p2", "Tordenen");
        let photo = |id: &str, bytes: u64| Clip {
            id: id.into(),
            kind: "photo".into(),
            mime: "image/webp".into(),
            bytes,
            ..Clip::default()
        };
        let blob = |id: &str, n: usize| MediaBlob {
            id: id.into(),
            mime: "image/webp".into(),
            bytes: vec![3; n],
        };
        let media = |clips| Answer::Media {
            text: "Prototypen".into(),
            strokes: vec![],
            clips,
        };
        p.set_answer(
            &r,
            "foto",
            media(vec![
                photo("m00000000000000a1", 40),
                photo("m00000000000000a2", 2),
            ]),
            3,
        );
        p.set_answer(
            &other,
            "foto",
            media(vec![photo("m00000000000000b1", 9)]),
            3,
        );
        let blobs = [
            blob("m00000000000000a1", 40),
            blob("m00000000000000a2", 2),
            blob("m00000000000000b1", 9),
        ];
        let sizes = project_file_sizes(&p, &r, 5, "0.1.0");
        assert_eq!((sizes.media.photos, sizes.media.bytes), (2, 42));
        let with = export_project_with_media(&p, &r, 5, "0.1.0", &blobs);
        let without = export_project(&p, &r, 5, "0.1.0");
        assert_eq!(sizes.with_media, with.len() as u64);
        assert_eq!(sizes.without_media, without.len() as u64);
        // Only this team's photos travel.
        assert!(!with.contains("m00000000000000b1"));
        let import = read_project_file(with.as_bytes()).unwrap();
        assert_eq!(import.media, blobs[..2]);
        assert_eq!(import.progress.work(&r), p.work(&r));
        let import = read_project_file(without.as_bytes()).unwrap();
        assert!(import.media.is_empty());
        // A hostile entry is dropped and named; the project still comes.
        let hostile = with.replacen(
            "\"media\":[",
            r#""media":[{"id":"m00000000000000a9","mime":"text/html","data":"AAAA"},"#,
            1,
        );
        let import = read_project_file(hostile.as_bytes()).unwrap();
        assert_eq!(import.media.len(), 2);
        assert_eq!(import.dropped, ["m00000000000000a9"]);
        // Cut off inside the media: told as cut off, nothing taken.
        let cut = &with.as_bytes()[..with.len() - 20];
        assert_eq!(read_project_file(cut), Err(ImportError::Truncated));
    }
}
