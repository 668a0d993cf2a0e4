//! `recall` across files: a step may show the pupil's answer to a step of another lesson or
//! challenge. Whether that step exists can only be checked with both files at hand, so the
//! folder checker asks here once it has read them all.

use super::index::{ContentIndex, ContentKind};
use super::load;
use super::problem::{JsonPath, Problem, ProblemKind, Seg};
use super::step::StepSlot;
use std::collections::{HashMap, HashSet};

/// One content file as the checker read it.
#[derive(Clone, Copy)]
pub struct FileText<'a> {
    pub kind: ContentKind,
    pub id: &'a str,
    pub text: &'a str,
}

/// The problems of recalls that name a step another file does not have, by the index of
/// the file (in `files`) they stand in.
pub fn cross_file_problems(files: &[FileText], index: &ContentIndex) -> Vec<(usize, Problem)> {
    let parsed: Vec<Option<Vec<(JsonPath, StepSlot)>>> =
        files.iter().map(|f| steps_of(f, index)).collect();
    let mut step_ids: HashMap<(ContentKind, &str), HashSet<&str>> = HashMap::new();
    for (file, steps) in files.iter().zip(&parsed) {
        if let Some(steps) = steps {
            let ids = steps.iter().filter_map(|(_, s)| s.id()).collect();
            step_ids.insert((file.kind, file.id), ids);
        }
    }
    let mut out = Vec::new();
    for (i, steps) in parsed.iter().enumerate() {
        for (path, slot) in steps.iter().flatten() {
            let Some(recall) = slot.ready().and_then(|s| s.recall()) else {
                continue;
            };
            let target = match (&recall.lesson, &recall.challenge) {
                (Some(l), None) => (ContentKind::Lesson, l.as_str()),
                (None, Some(c)) => (ContentKind::Challenge, c.as_str()),
                _ => continue,
            };
            // A missing file is reported by the index checks; here only missing steps.
            let Some(ids) = step_ids.get(&target) else {
                continue;
            };
            if !ids.contains(recall.step.as_str()) {
                let mut at = path.clone();
                at.push(Seg::Key("recall".into()));
                at.push(Seg::Key("step".into()));
                out.push((
                    i,
                    Problem {
                        path: at,
                        kind: ProblemKind::RecallStepMissing {
                            file: Some(format!("lessons/{}", target.0.path(target.1))),
                            step: recall.step.to_string(),
                        },
                    },
                ));
            }
        }
    }
    out
}

/// The steps of a lesson or challenge with their JSON paths; `None` for other kinds and
/// for files that do not parse (their own problems are reported elsewhere).
fn steps_of(file: &FileText, index: &ContentIndex) -> Option<Vec<(JsonPath, StepSlot)>> {
    match file.kind {
        ContentKind::Lesson => {
            let lesson = load::load_lesson(file.id, file.text, index).ok()?.value;
            Some(
                lesson
                    .steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| (json_path!["steps", i], s))
                    .collect(),
            )
        }
        ContentKind::Challenge => {
            let challenge = load::load_challenge(file.id, file.text, index).ok()?.value;
            let mut out = Vec::new();
            for (p, phase) in challenge.phases.into_iter().enumerate() {
                for (i, s) in phase.steps.into_iter().enumerate() {
                    out.push((json_path!["phases", p, "steps", i], s));
                }
            }
            Some(out)
        }
        _ => None,
    }
}
