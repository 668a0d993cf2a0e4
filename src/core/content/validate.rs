//! Checks that need more than the types: references between files, unique ids, grids.

use super::canvas::CanvasTemplate;
use super::challenge::Challenge;
use super::course::{Course, CourseItem};
use super::index::{ContentIndex, ContentKind};
use super::lesson::Lesson;
use super::local::{is_https_link, LocalOffers};
use super::problem::{JsonPath, Problem, ProblemKind, Seg};
use super::role_model::RoleModel;
use super::step::{PhotoStep, Recall, Step, StepSlot, VoiceStep};
use std::collections::HashMap;

fn problem(path: JsonPath, kind: ProblemKind) -> Problem {
    Problem { path, kind }
}

fn at(base: &[Seg], more: JsonPath) -> JsonPath {
    base.iter().cloned().chain(more).collect()
}

pub fn validate_lesson(lesson: &Lesson, index: &ContentIndex) -> Vec<Problem> {
    let mut out = Vec::new();
    if lesson.levels.is_empty() {
        out.push(problem(json_path!["levels"], ProblemKind::NoLevels));
    }
    if lesson.steps.is_empty() {
        out.push(problem(json_path!["steps"], ProblemKind::NoSteps));
    }
    for (i, id) in lesson.role_models.iter().enumerate() {
        if !index.has(ContentKind::RoleModel, id.as_str()) {
            out.push(problem(
                json_path!["role_models", i],
                missing(ContentKind::RoleModel, id.as_str()),
            ));
        }
    }
    let steps: Vec<(JsonPath, &StepSlot)> = lesson
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (json_path!["steps", i], s))
        .collect();
    check_steps(&steps, index, &mut out);
    out
}

pub fn validate_challenge(challenge: &Challenge, index: &ContentIndex) -> Vec<Problem> {
    let mut out = Vec::new();
    if challenge.levels.is_empty() {
        out.push(problem(json_path!["levels"], ProblemKind::NoLevels));
    }
    if challenge.phases.is_empty() {
        out.push(problem(json_path!["phases"], ProblemKind::NoPhases));
    }
    let mut steps = Vec::new();
    for (p, phase) in challenge.phases.iter().enumerate() {
        if phase.steps.is_empty() {
            out.push(problem(
                json_path!["phases", p, "steps"],
                ProblemKind::NoSteps,
            ));
        }
        if phase.minutes == Some(0) {
            out.push(problem(
                json_path!["phases", p, "minutes"],
                ProblemKind::ZeroMinutes,
            ));
        }
        for (i, slot) in phase.steps.iter().enumerate() {
            steps.push((json_path!["phases", p, "steps", i], slot));
        }
    }
    duplicates(
        challenge.phases.iter().map(|p| p.id.as_str()),
        |i| json_path!["phases", i, "id"],
        "phase",
        &mut out,
    );
    duplicates(
        challenge.criteria.iter().map(|c| c.id.as_str()),
        |i| json_path!["criteria", i, "id"],
        "criterion",
        &mut out,
    );
    check_steps(&steps, index, &mut out);
    for (i, item) in challenge.entry.iter().enumerate() {
        if !steps
            .iter()
            .any(|(_, s)| s.id() == Some(item.from.as_str()))
        {
            out.push(problem(
                json_path!["entry", i, "from"],
                ProblemKind::EntrySourceMissing(item.from.to_string()),
            ));
        }
    }
    out
}

pub fn validate_canvas(canvas: &CanvasTemplate) -> Vec<Problem> {
    let mut out = Vec::new();
    if canvas.columns == 0 || canvas.rows == 0 {
        out.push(problem(json_path!["columns"], ProblemKind::EmptyGrid));
    }
    duplicates(
        canvas.blocks.iter().map(|b| b.id.as_str()),
        |i| json_path!["blocks", i, "id"],
        "block",
        &mut out,
    );
    for (i, block) in canvas.blocks.iter().enumerate() {
        if !block.fits(canvas.columns, canvas.rows) {
            out.push(problem(
                json_path!["blocks", i],
                ProblemKind::BlockOutsideGrid {
                    block: block.id.to_string(),
                    columns: canvas.columns,
                    rows: canvas.rows,
                },
            ));
        }
        if let Some(other) = canvas.blocks[..i].iter().find(|o| o.overlaps(block)) {
            out.push(problem(
                json_path!["blocks", i],
                ProblemKind::BlocksOverlap {
                    block: block.id.to_string(),
                    other: other.id.to_string(),
                },
            ));
        }
    }
    out
}

pub fn validate_role_model(model: &RoleModel) -> Vec<Problem> {
    let mut out = Vec::new();
    if model.levels.is_empty() {
        out.push(problem(json_path!["levels"], ProblemKind::NoLevels));
    }
    out
}

pub fn validate_course(course: &Course, index: &ContentIndex) -> Vec<Problem> {
    let mut out = Vec::new();
    if course.levels.is_empty() {
        out.push(problem(json_path!["levels"], ProblemKind::NoLevels));
    }
    if course.weeks.is_empty() {
        out.push(problem(json_path!["weeks"], ProblemKind::NoWeeks));
    }
    for (w, week) in course.weeks.iter().enumerate() {
        if week.items.is_empty() {
            out.push(problem(
                json_path!["weeks", w, "items"],
                ProblemKind::EmptyWeek,
            ));
        }
        for (i, item) in week.items.iter().enumerate() {
            let (kind, key, id) = match item {
                CourseItem::Lesson(id) => (ContentKind::Lesson, "lesson", id),
                CourseItem::Challenge(id) => (ContentKind::Challenge, "challenge", id),
            };
            if !index.has(kind, id.as_str()) {
                out.push(problem(
                    json_path!["weeks", w, "items", i, key],
                    missing(kind, id.as_str()),
                ));
            }
        }
    }
    out
}

pub fn validate_local(local: &LocalOffers) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, offer) in local.offers.iter().enumerate() {
        if offer.levels.is_empty() {
            out.push(problem(
                json_path!["offers", i, "levels"],
                ProblemKind::NoLevels,
            ));
        }
        if !is_https_link(&offer.link) {
            out.push(problem(
                json_path!["offers", i, "link"],
                ProblemKind::LinkNotHttps(offer.link.clone()),
            ));
        }
    }
    out
}

fn missing(kind: ContentKind, id: &str) -> ProblemKind {
    ProblemKind::MissingReference {
        kind,
        id: id.to_string(),
    }
}

fn duplicates<'a>(
    ids: impl Iterator<Item = &'a str>,
    path: impl Fn(usize) -> JsonPath,
    what: &'static str,
    out: &mut Vec<Problem>,
) {
    let mut seen = HashMap::new();
    for (i, id) in ids.enumerate() {
        if seen.insert(id, i).is_some() {
            out.push(problem(
                path(i),
                ProblemKind::DuplicateId {
                    what,
                    id: id.to_string(),
                },
            ));
        }
    }
}

/// Checks a sequence of steps that share one id space (a lesson, or a whole challenge).
/// A vote may name a brainstorm anywhere in that space, so ids are collected first.
fn check_steps(steps: &[(JsonPath, &StepSlot)], index: &ContentIndex, out: &mut Vec<Problem>) {
    let mut all: HashMap<&str, Option<&Step>> = HashMap::new();
    for (path, slot) in steps {
        let Some(id) = slot.id() else { continue };
        if all.contains_key(id) {
            out.push(problem(
                at(path, json_path!["id"]),
                ProblemKind::DuplicateId {
                    what: "step",
                    id: id.to_string(),
                },
            ));
        } else {
            all.insert(id, slot.ready());
        }
    }
    for (path, slot) in steps {
        if let Some(recall) = slot.ready().and_then(Step::recall) {
            check_recall(path, recall, index, &all, out);
        }
        match slot {
            StepSlot::Broken(b) => {
                let mut p = path.clone();
                if let Some(field) = b.error.field() {
                    p.push(Seg::Key(field.to_string()));
                }
                out.push(problem(p, ProblemKind::BrokenStep(b.error.clone())));
            }
            StepSlot::Ready(step) => check_step(path, step, index, &all, out),
        }
    }
}

/// Checks what a `recall` can be checked against here: its own file and the index. Steps
/// of other files are checked by the folder checker, which reads them all.
fn check_recall(
    path: &[Seg],
    recall: &Recall,
    index: &ContentIndex,
    own_steps: &HashMap<&str, Option<&Step>>,
    out: &mut Vec<Problem>,
) {
    let mut base = path.to_vec();
    base.push(Seg::Key("recall".into()));
    let here = |more: JsonPath| at(&base, more);
    match (&recall.lesson, &recall.challenge) {
        (Some(_), Some(_)) => out.push(problem(here(vec![]), ProblemKind::RecallTwoSources)),
        (Some(l), None) if !index.has(ContentKind::Lesson, l.as_str()) => out.push(problem(
            here(json_path!["lesson"]),
            missing(ContentKind::Lesson, l.as_str()),
        )),
        (None, Some(c)) if !index.has(ContentKind::Challenge, c.as_str()) => out.push(problem(
            here(json_path!["challenge"]),
            missing(ContentKind::Challenge, c.as_str()),
        )),
        (None, None) if !own_steps.contains_key(recall.step.as_str()) => out.push(problem(
            here(json_path!["step"]),
            ProblemKind::RecallStepMissing {
                file: None,
                step: recall.step.to_string(),
            },
        )),
        _ => {}
    }
}

fn check_step(
    path: &[Seg],
    step: &Step,
    index: &ContentIndex,
    earlier: &HashMap<&str, Option<&Step>>,
    out: &mut Vec<Problem>,
) {
    match step {
        Step::Vote(v) => match earlier.get(v.from.as_str()) {
            Some(Some(Step::Brainstorm(_))) => {}
            Some(_) => out.push(problem(
                at(path, json_path!["from"]),
                ProblemKind::VoteSourceNotBrainstorm(v.from.to_string()),
            )),
            None => out.push(problem(
                at(path, json_path!["from"]),
                ProblemKind::VoteSourceMissing(v.from.to_string()),
            )),
        },
        Step::Canvas(c) if !index.has(ContentKind::Canvas, c.canvas.as_str()) => out.push(problem(
            at(path, json_path!["canvas"]),
            missing(ContentKind::Canvas, c.canvas.as_str()),
        )),
        Step::RoleModel(r) if !index.has(ContentKind::RoleModel, r.profile.as_str()) => {
            out.push(problem(
                at(path, json_path!["profile"]),
                missing(ContentKind::RoleModel, r.profile.as_str()),
            ))
        }
        Step::Choice(c) => {
            if c.options.len() < 2 {
                out.push(problem(
                    at(path, json_path!["options"]),
                    ProblemKind::NoOptions,
                ));
            }
            let correct = c.correct.as_deref().unwrap_or_default();
            for (i, &index) in correct.iter().enumerate() {
                if index >= c.options.len() {
                    out.push(problem(
                        at(path, json_path!["correct", i]),
                        ProblemKind::CorrectOutOfRange {
                            index,
                            options: c.options.len(),
                        },
                    ));
                }
            }
            if !c.multiple && correct.len() > 1 {
                out.push(problem(
                    at(path, json_path!["correct"]),
                    ProblemKind::SeveralCorrectInSingleChoice,
                ));
            }
        }
        Step::Rubric(r) => duplicates(
            r.criteria.iter().map(|c| c.id.as_str()),
            |i| at(path, json_path!["criteria", i, "id"]),
            "criterion",
            out,
        ),
        Step::Prompt(p) => {
            if let Some(list) = &p.answer_with {
                let twice = list.iter().enumerate().any(|(i, m)| list[..i].contains(m));
                if list.is_empty() || twice {
                    out.push(problem(
                        at(path, json_path!["answer_with"]),
                        ProblemKind::AnswerWithBad,
                    ));
                }
            }
        }
        Step::Photo(p) => {
            if let Some(max) = p.max.filter(|m| !(1..=PhotoStep::LIMIT).contains(m)) {
                out.push(problem(
                    at(path, json_path!["max"]),
                    ProblemKind::OutOfRange {
                        field: "max",
                        value: max,
                        min: 1,
                        max: PhotoStep::LIMIT,
                    },
                ));
            }
        }
        Step::Voice(v) => {
            let range = VoiceStep::MIN_SECONDS..=VoiceStep::MAX_SECONDS;
            if let Some(s) = v.max_seconds.filter(|s| !range.contains(s)) {
                out.push(problem(
                    at(path, json_path!["max_seconds"]),
                    ProblemKind::OutOfRange {
                        field: "max_seconds",
                        value: s,
                        min: VoiceStep::MIN_SECONDS,
                        max: VoiceStep::MAX_SECONDS,
                    },
                ));
            }
        }
        _ => {}
    }
}
